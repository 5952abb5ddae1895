//! The event timeline: the cluster's events (as `kubectl get events` lists them, newest last)
//! in virtual time, filtered by object.

use super::use_state;
use crate::host::protocol::Request;
use crate::i18n::{Msg, Text, use_i18n};
use crate::playground::EVENT_LIMIT;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn Events() -> impl IntoView {
    let state = use_state();
    let i18n = use_i18n();
    let filter = RwSignal::new(String::new());
    let rows = state.parts().events;
    let scroller = NodeRef::<html::Div>::new();
    // Keep the newest event in view.
    Effect::new(move |_| {
        rows.with(|_| ());
        super::scroll_to_end_next_frame(scroller);
    });

    view! {
        <section class="panel events" aria-labelledby="events-heading">
            <div class="panel-head">
                <h2 id="events-heading">{i18n.tr(Msg::Events)}</h2>
                <span class="hint">{i18n.tr_text(Text::new(Msg::EventsHint).arg("n", EVENT_LIMIT))}</span>
                <input
                    type="search"
                    aria-label=i18n.tr(Msg::FilterEvents)
                    placeholder=i18n.tr(Msg::FilterEventsHint)
                    spellcheck="false"
                    autocapitalize="off"
                    prop:value=move || filter.get()
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        filter.set(text.clone());
                        state.send(Request::FilterEvents { filter: text });
                    }
                />
            </div>
            <div class="events-scroll" node_ref=scroller tabindex="0" aria-label=i18n.tr(Msg::EventTimeline)>
                <table class="events-table">
                    <thead>
                        <tr>
                            <th scope="col">{i18n.tr(Msg::ColumnTime)}</th>
                            <th scope="col">{i18n.tr(Msg::ColumnType)}</th>
                            <th scope="col">{i18n.tr(Msg::ColumnReason)}</th>
                            <th scope="col">{i18n.tr(Msg::ColumnObject)}</th>
                            <th scope="col">{i18n.tr(Msg::ColumnMessage)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            rows.get()
                                .into_iter()
                                .map(|ev| {
                                    let at = if ev.count > 1 {
                                        format!("{} (x{})", ev.at, ev.count)
                                    } else {
                                        ev.at
                                    };
                                    let warning = ev.type_ == "Warning";
                                    view! {
                                        <tr class:warning=warning>
                                            <td>{at}</td>
                                            <td>{ev.type_}</td>
                                            <td>{ev.reason}</td>
                                            <td>{ev.object}</td>
                                            <td>{ev.message}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
                <Show when=move || rows.with(Vec::is_empty)>
                    <p class="empty">{i18n.tr(Msg::NoEvents)}</p>
                </Show>
            </div>
        </section>
    }
}
