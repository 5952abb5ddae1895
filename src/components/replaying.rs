//! A saved scenario too long to replay before the page shows (issue 24 item 3): it goes on a
//! slice between frames, with its progress and a Stop; the page takes its place once it is done
//! (the link and the autosave wait for it, so the placeholder never overwrites the saved work).

use super::State;
use crate::i18n::{Msg, Text, use_i18n};
use crate::persist;
use crate::share::Restoring;
use leptos::prelude::*;
use std::time::Duration;

/// Wall-clock milliseconds of replay per frame: the rest is the browser's.
const SLICE_MILLIS: f64 = 12.0;

#[component]
pub fn Replaying(
    pending: Restoring,
    state: State,
    notice: RwSignal<Option<Vec<Text>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let progress = RwSignal::new(pending.progress());
    let job = StoredValue::new_local(Some(pending));
    persist::set_replaying(true);
    // Puts the rebuilt playground in place of the placeholder; a stopped replay says so.
    let finish = move |stopped: bool| {
        let Some(r) = job.try_update_value(Option::take).flatten() else {
            return;
        };
        let (done, total) = r.progress();
        state.replace(r.finish());
        persist::opened();
        persist::set_replaying(false);
        if stopped {
            let said = Text::new(Msg::ReplayStopped)
                .arg("done", done)
                .arg("total", total);
            notice.update(|n| n.get_or_insert_with(Vec::new).push(said));
        }
        progress.set((total, total));
    };
    fn frame(
        job: StoredValue<Option<Restoring>, LocalStorage>,
        progress: RwSignal<(usize, usize)>,
        finish: impl Fn(bool) + Copy + 'static,
    ) {
        let start = persist::now_millis();
        let done = job
            .try_update_value(|r| {
                let r = r.as_mut()?;
                r.run_while(|| persist::now_millis() - start < SLICE_MILLIS);
                progress.set(r.progress());
                Some(r.is_done())
            })
            .flatten();
        match done {
            Some(true) => finish(false),
            Some(false) => set_timeout(move || frame(job, progress, finish), Duration::ZERO),
            None => {} // stopped
        }
    }
    frame(job, progress, finish);
    move || {
        let (done, total) = progress.get();
        (done < total).then(|| {
            view! {
                <div class="notice replaying" role="status">
                    <p>
                        {move || {
                            i18n.tr_text(
                                Text::new(Msg::ReplayProgress)
                                    .arg("done", done)
                                    .arg("total", total),
                            )()
                        }}
                    </p>
                    <progress max=total value=done></progress>
                    <button type="button" on:click=move |_| finish(true)>
                        {i18n.tr(Msg::Stop)}
                    </button>
                </div>
            }
        })
    }
}
