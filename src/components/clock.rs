//! The clock: Play, Pause, Step, Settle, the speed, and the virtual time. While playing, a
//! browser interval advances the virtual clock by `TICK_MILLIS × speed` every `TICK_MILLIS` of
//! wall-clock time (`sim advance`, not echoed into the console), one tick at a time: the
//! virtual clock runs no faster than the model answers.

use super::use_state;
use crate::host::protocol::Request;
use crate::i18n::{Msg, use_i18n};
use crate::playground::{SPEEDS, TICK_MILLIS, format_elapsed};
use leptos::prelude::*;
use std::time::Duration;

/// Starts the interval that drives a playing clock, for the life of the current owner.
pub fn drive() {
    let state = use_state();
    let playing = state.parts().clock;
    // One tick at a time: while the model has not answered the last (its worker not started
    // yet, or busy), the interval's ticks are dropped, not queued; queued, they would all run
    // at once when it answers, and the reader would see the virtual time jump over what it
    // never showed (a slow connection's seconds of waiting: pods Ready without ever being seen
    // ContainerCreating).
    let waiting = StoredValue::new_local(false);
    let tick = move || {
        if playing.with_untracked(|c| c.playing) && !waiting.get_value() {
            waiting.set_value(true);
            let request = Request::Tick {
                wall_millis: TICK_MILLIS,
            };
            state.ask(request, move |_| waiting.set_value(false));
        }
    };
    match set_interval_with_handle(tick, Duration::from_millis(u64::from(TICK_MILLIS))) {
        Ok(handle) => on_cleanup(move || handle.clear()),
        Err(e) => leptos::logging::error!("the clock cannot run: {e:?}"),
    }
}

/// Starts a Settle that runs in slices between frames, so that settling thousands of nodes
/// never freezes the page.
pub fn settle(state: super::State) {
    if state.parts().clock.with_untracked(|c| c.settling) {
        return;
    }
    state.send(Request::StartSettle);
    state.drive_work();
}

#[component]
pub fn Clock() -> impl IntoView {
    let state = use_state();
    let i18n = use_i18n();
    let t = move |msg| i18n.t(msg);
    let clock = state.parts().clock;
    let settling = Memo::new(move |_| clock.with(|c| c.settling));
    let playing = Memo::new(move |_| clock.with(|c| c.playing));
    let speed = Memo::new(move |_| clock.with(|c| c.speed));
    let time = Memo::new(move |_| clock.with(|c| format_elapsed(c.elapsed_millis)));
    let pressed = |on: bool| if on { "true" } else { "false" };

    view! {
        <section class="clock" aria-label=i18n.tr(Msg::Clock)>
            <div class="clock-buttons" role="group" aria-label=i18n.tr(Msg::ClockControls)>
                <button
                    type="button"
                    aria-pressed=move || pressed(playing.get())
                    title=i18n.tr(Msg::PlayTitle)
                    on:click=move |_| {
                        state.send(Request::Play);
                    }
                >
                    {i18n.tr(Msg::Play)}
                </button>
                <button
                    type="button"
                    aria-pressed=move || pressed(!playing.get())
                    title=i18n.tr(Msg::PauseTitle)
                    on:click=move |_| {
                        state.send(Request::Pause);
                    }
                >
                    {i18n.tr(Msg::Pause)}
                </button>
                <button
                    type="button"
                    title="sim advance 1s"
                    on:click=move |_| {
                        state.send(Request::Step);
                    }
                >
                    {i18n.tr(Msg::Step)}
                </button>
                <button
                    type="button"
                    title=i18n.tr(Msg::SettleTitle)
                    aria-busy=move || settling.get().then_some("true")
                    on:click=move |_| settle(state)
                >
                    {i18n.tr(Msg::Settle)}
                </button>
            </div>
            <p class="working" role="status">
                {move || settling.get().then(|| t(Msg::Settling))}
            </p>
            <label class="speed">
                {i18n.tr(Msg::Speed)}
                " "
                <select on:change=move |ev| {
                    if let Ok(s) = event_target_value(&ev).parse::<u32>() {
                        state.send(Request::SetSpeed { speed: s });
                    }
                }>
                    {SPEEDS
                        .iter()
                        .map(|s| {
                            let s = *s;
                            view! {
                                <option value=s.to_string() selected=move || speed.get() == s>
                                    {format!("{s}\u{d7}")}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <super::shortcuts::Shortcuts state=state />
            <p class="time" title=i18n.tr(Msg::TimeTitle)>
                <span class="visually-hidden">{i18n.tr(Msg::VirtualTime)} " "</span>
                {move || format!("t = {}", time.get())}
            </p>
        </section>
    }
}
