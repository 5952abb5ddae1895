//! The event timeline: the cluster's events (as `kubectl get events` lists them, newest last)
//! in virtual time, filtered by object.

use super::use_state;
use crate::host::protocol::Request;
use crate::i18n::{Msg, Text, use_i18n};
use crate::playground::{EVENT_LIMIT, EventView};
use leptos::html;
use leptos::prelude::*;
use std::collections::BTreeSet;
use web_sys::{Element, HtmlElement};

/// How many of the newest rows are drawn while the older ones are out of view: two views of
/// the 16rem scroller and more. The table keeps the newest event in view, and during a large
/// Settle all its 200 rows show new events several times a second: laying out the 170 that
/// nobody sees was about 10 MB of a pasted 10,000-node NodeList's peak (issue 20). The older
/// rows are drawn as soon as the scroller comes near them ([`Rows::draw_older`]); until then
/// the space they take is kept (the `tbody`'s `--older`), and the table's `aria-rowcount` and
/// each row's `aria-rowindex` tell a screen reader which rows of how many it reads.
const NEWEST: usize = 30;

/// The table's rows as drawn, each with the event it shows and its `aria-rowindex`. A change of
/// the timeline drops rows at its start, adds rows at its end and changes a repeated event's
/// row in place: the rows are updated so, where the table was built again whole at every
/// change (200 rows of five cells removed and made again, several times a second during a
/// Settle).
#[derive(Default)]
struct Rows {
    drawn: Vec<(EventView, Element, usize)>,
    /// The timeline's index of the first row drawn: the rows before it are not.
    start: usize,
    /// The timeline's length, as the table's `aria-rowcount` says it.
    count: usize,
    /// The height in pixels of the rows not drawn, as the `tbody`'s `--older-height` says it.
    older_height: f64,
    /// What each cell of the sizer row holds (see [`Rows::size`]).
    sized: [String; 5],
}

impl Rows {
    /// Brings the `tbody` up to `rows`, the newest [`NEWEST`] of them drawn.
    fn draw(&mut self, table: &Element, tbody: &HtmlElement, sizer: &Element, rows: &[EventView]) {
        self.draw_from(table, tbody, sizer, rows, rows.len().saturating_sub(NEWEST));
    }

    /// Draws the rows not drawn yet (the scroller came near them).
    fn draw_older(&mut self, tbody: &HtmlElement, sizer: &Element, rows: &[EventView]) {
        let Some(before) = self.drawn.first().map(|(_, tr, _)| tr.clone()) else {
            return;
        };
        if self.start == 0 || self.start > rows.len() {
            return;
        }
        let mut older = Vec::with_capacity(self.start);
        for (i, ev) in rows[..self.start].iter().enumerate() {
            let Some(tr) = new_row() else {
                return;
            };
            fill(&tr, ev);
            set_index(&tr, i);
            let _ = tbody.insert_before(&tr, Some(&before));
            older.push((ev.clone(), tr, i));
        }
        older.append(&mut self.drawn);
        self.drawn = older;
        self.set_start(tbody, 0);
        self.size(sizer, &[]);
    }

    /// Gives the sizer row (`tfoot`, collapsed: no height, not read) the texts of the rows not
    /// drawn, each text once, a line each in its column's cell: a table's columns are as wide
    /// as their cells' widest line and longest word ask, over every row, so the columns are as
    /// wide as with every row drawn. In order and once each, a column's lines change only when
    /// its texts do (TYPE and REASON seldom).
    fn size(&mut self, sizer: &Element, undrawn: &[EventView]) {
        let mut texts: [BTreeSet<String>; 5] = Default::default();
        for ev in undrawn {
            let row = [
                when(ev),
                ev.type_.clone(),
                ev.reason.clone(),
                ev.object.clone(),
                ev.message.clone(),
            ];
            for (set, text) in texts.iter_mut().zip(row) {
                // A line a row: a line break of its own would be a space in its row.
                set.insert(if text.contains('\n') {
                    text.replace('\n', " ")
                } else {
                    text
                });
            }
        }
        let columns = texts.map(|set| set.into_iter().collect::<Vec<_>>().join("\n"));
        let mut td = sizer.first_element_child();
        for (column, was) in columns.into_iter().zip(self.sized.iter_mut()) {
            let Some(cell) = td else {
                break;
            };
            if column != *was {
                cell.set_text_content(Some(&column));
                *was = column;
            }
            td = cell.next_element_sibling();
        }
    }

    /// Brings the `tbody` up to `rows[start..]`.
    fn draw_from(
        &mut self,
        table: &Element,
        tbody: &HtmlElement,
        sizer: &Element,
        rows: &[EventView],
        start: usize,
    ) {
        let shown = &rows[start..];
        // Rows went from the start: the first row now is one drawn further down (the first
        // such; any choice gives the same table, this one leaves the most rows as they are).
        let dropped = shown
            .first()
            .and_then(|first| self.drawn.iter().position(|(ev, _, _)| ev == first))
            .unwrap_or(0);
        for (_, tr, _) in self.drawn.drain(..dropped) {
            tr.remove();
        }
        while self.drawn.len() > shown.len() {
            if let Some((_, tr, _)) = self.drawn.pop() {
                tr.remove();
            }
        }
        for (i, ev) in shown.iter().enumerate() {
            let index = start + i;
            match self.drawn.get_mut(i) {
                Some((was, tr, at)) => {
                    if was != ev {
                        fill(tr, ev);
                        ev.clone_into(was);
                    }
                    if *at != index {
                        set_index(tr, index);
                        *at = index;
                    }
                }
                None => {
                    let Some(tr) = new_row() else {
                        return;
                    };
                    fill(&tr, ev);
                    set_index(&tr, index);
                    let _ = tbody.append_child(&tr);
                    self.drawn.push((ev.clone(), tr, index));
                }
            }
        }
        self.set_start(tbody, start);
        self.size(sizer, &rows[..start]);
        if self.count != rows.len() {
            self.count = rows.len();
            // The heading's row and the timeline's.
            let _ = table.set_attribute("aria-rowcount", &(rows.len() + 1).to_string());
        }
    }

    /// Makes the rows not drawn as tall as the drawn rows are on average (they wrap as the
    /// table's width and their messages make them). A row is its shortest height and whole
    /// lines more: so is the space, so that its fraction of a pixel is the rows' own and the
    /// newest rows show at the same pixel at the scroller's end.
    fn keep_space(&mut self, tbody: &HtmlElement) {
        if self.start == 0 || self.drawn.is_empty() {
            return;
        }
        let (mut total, mut shortest) = (0.0, f64::INFINITY);
        for (_, tr, _) in &self.drawn {
            let height = tr.get_bounding_client_rect().height();
            total += height;
            shortest = shortest.min(height);
        }
        let older = self.start as f64;
        let more = (total / self.drawn.len() as f64 - shortest) * older;
        let height = shortest * older + more.round();
        if (height - self.older_height).abs() >= 0.01 {
            self.older_height = height;
            let _ = tbody.style().set_property(
                "--older-height",
                &format!("{}px", super::css_number(height)),
            );
        }
    }

    /// Keeps the space of the rows before `start` (style/main.css, `tbody.older::before`).
    fn set_start(&mut self, tbody: &HtmlElement, start: usize) {
        if self.start == start {
            return;
        }
        self.start = start;
        let _ = tbody.class_list().toggle_with_force("older", start > 0);
        let _ = tbody.style().set_property("--older", &start.to_string());
    }
}

/// A row's `aria-rowindex`: the heading's row is the first.
fn set_index(tr: &Element, index: usize) {
    let _ = tr.set_attribute("aria-rowindex", &(index + 2).to_string());
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

/// The TIME cell's text: when, with the count of a repeated event.
fn when(ev: &EventView) -> String {
    if ev.count > 1 {
        format!("{} (x{})", ev.at, ev.count)
    } else {
        ev.at.clone()
    }
}

/// Writes `ev` into the row `tr`: when (with its count), type, reason, object and message.
fn fill(tr: &Element, ev: &EventView) {
    let at = when(ev);
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
    let table = NodeRef::<html::Table>::new();
    let body = NodeRef::<html::Tbody>::new();
    let sizer = NodeRef::<html::Tr>::new();
    let drawn = StoredValue::new_local(Rows::default());
    Effect::new(move |_| {
        let (Some(table), Some(tbody), Some(sizer)) = (table.get(), body.get(), sizer.get()) else {
            return;
        };
        rows.with(|rows| drawn.update_value(|d| d.draw(&table, &tbody, &sizer, rows)));
    });
    // The older rows drawn once the scroller comes within half a view of them.
    let near_older = move || {
        let (Some(el), Some(tbody), Some(sizer)) = (
            scroller.get_untracked(),
            body.get_untracked(),
            sizer.get_untracked(),
        ) else {
            return;
        };
        let first_top = drawn.with_value(|d| {
            (d.start > 0)
                .then(|| {
                    d.drawn
                        .first()
                        .map(|(_, tr, _)| tr.get_bounding_client_rect().top())
                })
                .flatten()
        });
        let Some(first_top) = first_top else {
            return;
        };
        let top = el.get_bounding_client_rect().top();
        if first_top > top - f64::from(el.client_height()) / 2.0 {
            rows.with_untracked(|rows| drawn.update_value(|d| d.draw_older(&tbody, &sizer, rows)));
        }
    };
    // Keep the newest event in view, at the next frame (see `scroll_to_end_next_frame`), the
    // older rows' space first made as tall as the rows drawn.
    Effect::new(move |_| {
        rows.with(|_| ());
        request_animation_frame(move || {
            let (Some(el), Some(tbody)) = (scroller.get_untracked(), body.get_untracked()) else {
                return;
            };
            drawn.update_value(|d| d.keep_space(&tbody));
            el.set_scroll_top(el.scroll_height());
        });
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
            <div
                class="events-scroll"
                node_ref=scroller
                tabindex="0"
                aria-label=i18n.tr(Msg::EventTimeline)
                on:scroll=move |_| near_older()
            >
                <table class="events-table" node_ref=table>
                    <thead>
                        <tr aria-rowindex="1">
                            <th scope="col">{i18n.tr(Msg::ColumnTime)}</th>
                            <th scope="col">{i18n.tr(Msg::ColumnType)}</th>
                            <th scope="col">{i18n.tr(Msg::ColumnReason)}</th>
                            <th scope="col">{i18n.tr(Msg::ColumnObject)}</th>
                            <th scope="col">{i18n.tr(Msg::ColumnMessage)}</th>
                        </tr>
                    </thead>
                    <tbody node_ref=body></tbody>
                    <tfoot aria-hidden="true">
                        <tr class="events-sizer" node_ref=sizer>
                            <td></td>
                            <td></td>
                            <td></td>
                            <td></td>
                            <td></td>
                        </tr>
                    </tfoot>
                </table>
                <Show when=move || rows.with(Vec::is_empty)>
                    <p class="empty">{i18n.tr(Msg::NoEvents)}</p>
                </Show>
            </div>
        </section>
    }
}
