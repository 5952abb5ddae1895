//! The event timeline: the cluster's events (as `kubectl get events` lists them, newest last)
//! in virtual time, filtered by object.

use super::use_state;
use crate::host::protocol::Request;
use crate::i18n::{Msg, Text, use_i18n};
use crate::playground::{EVENT_LIMIT, EventView};
use leptos::html;
use leptos::prelude::*;
use web_sys::Element;

/// The table's rows as drawn, each with the event it shows. A change of the timeline drops
/// rows at its start, adds rows at its end and changes a repeated event's row in place: the
/// rows are updated so, where the table was built again whole at every change (200 rows of
/// five cells removed and made again, several times a second during a Settle).
#[derive(Default)]
struct Rows {
    drawn: Vec<(EventView, Element)>,
}

impl Rows {
    /// Brings the `tbody` up to `rows`.
    fn draw(&mut self, tbody: &Element, rows: &[EventView]) {
        // Rows went from the start: the first row now is one drawn further down (the first
        // such; any choice gives the same table, this one leaves the most rows as they are).
        let dropped = rows
            .first()
            .and_then(|first| self.drawn.iter().position(|(ev, _)| ev == first))
            .unwrap_or(0);
        for (_, tr) in self.drawn.drain(..dropped) {
            tr.remove();
        }
        while self.drawn.len() > rows.len() {
            if let Some((_, tr)) = self.drawn.pop() {
                tr.remove();
            }
        }
        for (i, ev) in rows.iter().enumerate() {
            match self.drawn.get_mut(i) {
                Some((shown, tr)) => {
                    if shown != ev {
                        fill(tr, ev);
                        ev.clone_into(shown);
                    }
                }
                None => {
                    let Some(tr) = new_row() else {
                        return;
                    };
                    fill(&tr, ev);
                    let _ = tbody.append_child(&tr);
                    self.drawn.push((ev.clone(), tr));
                }
            }
        }
    }
}

/// A row of five cells.
fn new_row() -> Option<Element> {
    let tr = document().create_element("tr").ok()?;
    for _ in 0..5 {
        let td = document().create_element("td").ok()?;
        let _ = tr.append_child(&td);
    }
    Some(tr)
}

/// Writes `ev` into the row `tr`: when (with its count), type, reason, object and message.
fn fill(tr: &Element, ev: &EventView) {
    let at = if ev.count > 1 {
        format!("{} (x{})", ev.at, ev.count)
    } else {
        ev.at.clone()
    };
    let texts = [at.as_str(), &ev.type_, &ev.reason, &ev.object, &ev.message];
    let mut td = tr.first_element_child();
    for text in texts {
        let Some(cell) = td else {
            break;
        };
        cell.set_text_content(Some(text));
        td = cell.next_element_sibling();
    }
    let _ = tr
        .class_list()
        .toggle_with_force("warning", ev.type_ == "Warning");
    if tr.get_attribute("class").as_deref() == Some("") {
        let _ = tr.remove_attribute("class");
    }
}

#[component]
pub fn Events() -> impl IntoView {
    let state = use_state();
    let i18n = use_i18n();
    let filter = RwSignal::new(String::new());
    let rows = state.parts().events;
    let scroller = NodeRef::<html::Div>::new();
    let body = NodeRef::<html::Tbody>::new();
    let drawn = StoredValue::new_local(Rows::default());
    Effect::new(move |_| {
        let Some(tbody) = body.get() else {
            return;
        };
        rows.with(|rows| drawn.update_value(|d| d.draw(&tbody, rows)));
    });
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
                    <tbody node_ref=body></tbody>
                </table>
                <Show when=move || rows.with(Vec::is_empty)>
                    <p class="empty">{i18n.tr(Msg::NoEvents)}</p>
                </Show>
            </div>
        </section>
    }
}
