//! The dense view of a large cluster: one small cell per node, coloured by the most urgent
//! state of its pods, instead of a full card. Hundreds of cards with every chip and button
//! make each tick slow; a cell is one element whose class and text change in place. The
//! selected node's full card (with its operations) shows below the grid.

use super::node_card::NodeCard;
use super::{use_state, use_views};
use crate::host::protocol::Request;
use crate::i18n::{Lang, Msg, text, use_i18n};
use crate::playground::NodeView;
use leptos::prelude::*;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::Element;

pub use crate::playground::DENSE_THRESHOLD;

/// What a cell shows: its class and its title, which lists the pods (the cell's accessible
/// description). Attributes, not text, so that a cell changing makes the browser repaint it
/// without laying out the grid of thousands again.
fn cell(node: &NodeView, lang: Lang) -> (String, String) {
    let state = node.summary().map_or("empty", |s| s.class());
    let mut class = format!("dense-cell state-{state}");
    if !node.ready {
        class.push_str(" not-ready");
    }
    if node.cordoned {
        class.push_str(" cordoned");
    }
    let title = if node.pods.is_empty() {
        format!("{}: {}", node.name, text(lang, Msg::NoPods))
    } else {
        let pods: Vec<String> = node
            .pods
            .iter()
            .map(|p| format!("{} {}", p.name, p.label))
            .collect();
        format!("{}: {}", node.name, pods.join(", "))
    };
    (class, title)
}

/// A drawn cell: its element, its node, the node's view it was last drawn from, and a hash of
/// what it shows (a tick sets the attributes of the cells whose hash changed only).
struct Drawn {
    el: Element,
    name: String,
    /// An update replaces only the views that changed (`NodeCards::apply`): a cell whose view
    /// is the same `Arc` shows the same, and is not worked out again. At 10,000 nodes of 20
    /// pods, working out every cell's title took most of each update's task.
    drawn_from: Option<Arc<NodeView>>,
    shows: u64,
}

/// The grid's cells, drawn by hand rather than one component each: ten thousand components
/// with their memos, effects and two event closures each took about 4 KB of the page's
/// WebAssembly memory a node (issue 20); a cell here is its element and a hash.
#[derive(Default)]
struct Cells {
    drawn: Vec<Drawn>,
    lang: Option<Lang>,
    /// Hidden cells after the drawn ones, kept for the nodes still to come: a big Apply's
    /// nodes reach the page in batches (100 nodes of 20 pods an answer), and a cell appended
    /// at every batch laid out the whole grid of thousands again, a frame's layout of 80–140
    /// ms under load (issue 22's settle bench). With the model's count known from the first
    /// batch, the grid takes its full size once and the batches fill its cells in place,
    /// which changes attributes only.
    spare: usize,
}

impl Cells {
    /// Brings the grid up to `nodes` (in the store's order, by name).
    fn draw(
        &mut self,
        grid: &Element,
        nodes: &[Arc<NodeView>],
        lang: Lang,
        selected: Option<&str>,
    ) {
        let same = self.drawn.len() == nodes.len()
            && self.drawn.iter().zip(nodes).all(|(d, n)| d.name == n.name);
        if !same {
            self.place(grid, nodes);
            rebalance(grid);
        }
        let relabel = self.lang.replace(lang) != Some(lang);
        for (d, node) in self.drawn.iter_mut().zip(nodes) {
            if !relabel && d.drawn_from.as_ref().is_some_and(|n| Arc::ptr_eq(n, node)) {
                continue;
            }
            d.drawn_from = Some(Arc::clone(node));
            let (mut class, title) = cell(node, lang);
            let mut h = DefaultHasher::new();
            (&class, &title).hash(&mut h);
            let shows = h.finish();
            if shows == d.shows && !relabel {
                continue;
            }
            d.shows = shows;
            if selected == Some(d.name.as_str()) {
                class.push_str(" selected");
                let _ = d.el.set_attribute("aria-current", "true");
            }
            // As properties: an attribute's name would cross into JavaScript as one more
            // string for each cell (a decode and its options object, garbage until a major GC).
            d.el.set_class_name(&class);
            // Every cell is a `div` this file made: no instanceof check crossing too.
            d.el.unchecked_ref::<web_sys::HtmlElement>()
                .set_title(&title);
        }
    }

    /// Removes the cells of nodes gone and adds those of new nodes where they go. Both lists
    /// are in name order, so the cells kept are in the nodes' order already.
    fn place(&mut self, grid: &Element, nodes: &[Arc<NodeView>]) {
        let present: std::collections::HashSet<&str> =
            nodes.iter().map(|n| n.name.as_str()).collect();
        let mut kept = std::mem::take(&mut self.drawn).into_iter().filter(|d| {
            let keep = present.contains(d.name.as_str());
            if !keep {
                d.el.remove();
            }
            keep
        });
        let mut next = kept.next();
        for node in nodes {
            if next.as_ref().is_some_and(|d| d.name == node.name) {
                self.drawn.extend(next.take());
                next = kept.next();
                continue;
            }
            // At the end: the first spare cell, if any (they follow every drawn cell).
            let spare = next.is_none().then(|| self.take_spare(grid)).flatten();
            let el = match spare {
                Some(el) => {
                    name_cell(&el, &node.name);
                    el
                }
                None => {
                    let Some(el) = new_cell(&node.name) else {
                        continue;
                    };
                    let before = match &next {
                        Some(d) => Some(d.el.clone()),
                        None => self.first_spare(grid),
                    };
                    // Into the chunk of the cell it goes before, or the last; `rebalance`
                    // then gives every chunk its count again.
                    match before {
                        Some(before) => {
                            let _ = before.before_with_node_1(&el);
                        }
                        None => {
                            let Some(chunk) = last_chunk(grid) else {
                                continue;
                            };
                            let _ = chunk.append_with_node_1(&el);
                        }
                    }
                    el
                }
            };
            self.drawn.push(Drawn {
                el,
                name: node.name.clone(),
                drawn_from: None,
                shows: 0,
            });
        }
        // Out of order (never, by name): those left were made again above.
        for d in next.into_iter().chain(kept) {
            d.el.remove();
        }
    }

    /// The first spare cell: the one after the last drawn cell.
    fn first_spare(&self, grid: &Element) -> Option<Element> {
        if self.spare == 0 {
            return None;
        }
        match self.drawn.last() {
            Some(d) => next_cell(&d.el),
            None => first_cell_from(grid.first_element_child()),
        }
    }

    /// The first spare cell, no longer spare.
    fn take_spare(&mut self, grid: &Element) -> Option<Element> {
        let el = self.first_spare(grid)?;
        self.spare -= 1;
        Some(el)
    }

    /// Brings the spare cells towards as many as the model has nodes not drawn yet (`total`,
    /// the model's count): at most one chunk's worth added ([`spare_slice`]), in one piece of
    /// markup, or the extra ones removed from the end. True when more are to be added.
    fn reserve(&mut self, grid: &Element, total: usize) -> bool {
        let want = total.saturating_sub(self.drawn.len());
        if want > self.spare {
            let add = (want - self.spare).min(spare_slice(grid));
            if add_spares(grid, add).is_none() {
                return false;
            }
            self.spare += add;
        }
        while self.spare > want {
            let Some(chunk) = grid.last_element_child() else {
                break;
            };
            if let Some(last) = chunk.last_element_child() {
                last.remove();
                self.spare -= 1;
            }
            if chunk.child_element_count() == 0 {
                chunk.remove();
            }
        }
        self.spare < want
    }

    /// Marks the cell of `name` selected or not.
    fn mark(&self, name: &str, on: bool) {
        if let Some(d) = self.drawn.iter().find(|d| d.name == name) {
            let _ = d.el.class_list().toggle_with_force("selected", on);
            let _ = if on {
                d.el.set_attribute("aria-current", "true")
            } else {
                d.el.remove_attribute("aria-current")
            };
        }
    }
}

/// How many spare cells the next slice adds: the room left in the last chunk, or a new chunk.
/// One chunk a frame: the chunks near the view are laid out as they come (the others are
/// skipped), and a slice of 2,000 cells there was a frame laying out some 2,000 hidden cells,
/// the longest frames of issue 22's settle bench (68–119 ms under load). 9,900 at once were a
/// task of 276 ms. The batches take about 100 spare cells an answer; a frame adds 480.
fn spare_slice(grid: &Element) -> usize {
    match last_room(grid) {
        0 => CHUNK as usize,
        room => room as usize,
    }
}

/// The cells the grid's last chunk has room for (0 when there is no chunk).
fn last_room(grid: &Element) -> u32 {
    grid.last_element_child()
        .map_or(0, |c| CHUNK.saturating_sub(c.child_element_count()))
}

/// Adds a slice of spare cells after the next frame, then the next slice after the frame that
/// follows, until there are enough ([`Cells::reserve`]); `reserving` is true meanwhile.
fn reserve_after_frame(
    grid: NodeRef<leptos::html::Div>,
    node_count: RwSignal<usize>,
    cells: StoredValue<Cells, LocalStorage>,
    reserving: StoredValue<bool, LocalStorage>,
) {
    request_animation_frame(move || {
        set_timeout(
            move || {
                // The grid may be gone by now (the cluster shrank under the threshold).
                let (Some(grid_el), Some(total)) = (
                    grid.try_get_untracked().flatten(),
                    node_count.try_get_untracked(),
                ) else {
                    return;
                };
                if cells.try_update_value(|c| c.reserve(&grid_el, total)) == Some(true) {
                    reserve_after_frame(grid, node_count, cells, reserving);
                } else {
                    reserving.try_set_value(false);
                }
            },
            std::time::Duration::ZERO,
        );
    });
}

/// A spare cell: it takes its place in the grid, unseen, unnamed and out of the tab order and
/// of the accessibility tree until a node's batch fills it ([`name_cell`]). Hidden by its class
/// (style/main.css): the page's Content-Security-Policy refuses style attributes.
const SPARE_CELL: &str =
    r#"<div role="listitem" class="dense-cell spare" aria-hidden="true"></div>"#;

/// A chunk's opening tag (see [`CHUNK`]).
const CHUNK_OPEN: &str = r#"<div class="dense-chunk">"#;

/// The cells a chunk of the grid holds, every chunk but the last: each chunk is laid out and
/// painted only near the view (`content-visibility: auto`, style/main.css), where a batch's
/// frame at 10,000 nodes laid out and styled every cell of one grid (issue 22's settle bench:
/// frames of 50–77 ms). A multiple of the columns the style sheet may give the grid (divisors of
/// 480), so that the chunks' rows line up as one grid's.
const CHUNK: u32 = 480;

/// Adds `count` spare cells at the end: the last chunk filled up, then new chunks, each in one
/// piece of markup.
fn add_spares(grid: &Element, mut count: usize) -> Option<()> {
    let room = (last_room(grid) as usize).min(count);
    if room > 0 {
        grid.last_element_child()?
            .insert_adjacent_html("beforeend", &SPARE_CELL.repeat(room))
            .ok()?;
        count -= room;
    }
    while count > 0 {
        let n = count.min(CHUNK as usize);
        let html = format!("{CHUNK_OPEN}{}</div>", SPARE_CELL.repeat(n));
        grid.insert_adjacent_html("beforeend", &html).ok()?;
        count -= n;
    }
    Some(())
}

/// The grid's last chunk, a new one if it has none.
fn last_chunk(grid: &Element) -> Option<Element> {
    grid.last_element_child().or_else(|| new_chunk(grid))
}

/// A new, empty chunk at the end of the grid: the same markup [`add_spares`] writes.
fn new_chunk(grid: &Element) -> Option<Element> {
    grid.insert_adjacent_html("beforeend", &format!("{CHUNK_OPEN}</div>"))
        .ok()?;
    grid.last_element_child()
}

/// The cell after `el` in the grid's order, across chunks.
fn next_cell(el: &Element) -> Option<Element> {
    el.next_element_sibling()
        .or_else(|| first_cell_from(el.parent_element()?.next_element_sibling()))
}

/// The first cell of `chunk` or of the chunks after it (one may be empty until `rebalance`).
fn first_cell_from(mut chunk: Option<Element>) -> Option<Element> {
    while let Some(c) = chunk {
        if let Some(cell) = c.first_element_child() {
            return Some(cell);
        }
        chunk = c.next_element_sibling();
    }
    None
}

/// Gives every chunk but the last [`CHUNK`] cells again after cells were added or removed in
/// the middle: a chunk's extra cells go to the front of the next chunk, a short chunk takes the
/// next one's first cells, and an empty chunk goes. The cells' order is unchanged.
fn rebalance(grid: &Element) {
    let mut chunk = grid.first_element_child();
    while let Some(c) = chunk {
        while c.child_element_count() > CHUNK {
            let Some(last) = c.last_element_child() else {
                break;
            };
            let Some(next) = c.next_element_sibling().or_else(|| new_chunk(grid)) else {
                break;
            };
            let _ = next.prepend_with_node_1(&last);
        }
        while c.child_element_count() < CHUNK {
            let Some(next) = c.next_element_sibling() else {
                break;
            };
            match next.first_element_child() {
                Some(first) => {
                    let _ = c.append_child(&first);
                }
                None => next.remove(),
            }
        }
        chunk = c.next_element_sibling();
        if c.child_element_count() == 0 {
            c.remove();
        }
    }
}

/// A cell's element: a focusable list item named after its node.
fn new_cell(name: &str) -> Option<Element> {
    let el = document().create_element("div").ok()?;
    let _ = el.set_attribute("role", "listitem");
    name_cell(&el, name);
    Some(el)
}

/// Makes `el` (new, or spare) the cell of the node `name`; [`Cells::draw`] sets what it shows.
fn name_cell(el: &Element, name: &str) {
    // Its class (no longer `spare`) is set by `Cells::draw`, as a new cell's is.
    let _ = el.remove_attribute("aria-hidden");
    let _ = el.set_attribute("aria-label", name);
    el.unchecked_ref::<web_sys::HtmlElement>().set_tab_index(0);
}

/// The node whose cell an event came from.
fn cell_of(ev: &web_sys::Event) -> Option<String> {
    let target = ev.target()?.dyn_into::<Element>().ok()?;
    let cell = target.closest(".dense-cell").ok()??;
    cell.get_attribute("aria-label")
}

#[component]
pub fn DenseGrid() -> impl IntoView {
    let state = use_state();
    let views = use_views();
    let i18n = use_i18n();
    let grid = NodeRef::<leptos::html::Div>::new();
    let cells = StoredValue::new_local(Cells::default());
    // Every change of the nodes (and of the language: "No pods") sets what changed.
    Effect::new(move |_| {
        let Some(grid_el) = grid.get() else {
            return;
        };
        let lang = i18n.lang();
        let selected = views.selected.get_untracked();
        views.nodes.with(|nodes| {
            cells.update_value(|c| c.draw(&grid_el, nodes, lang, selected.as_deref()));
        });
    });
    // Room for the nodes still to come, once their first batch is drawn: not in the frame
    // that lays out that batch's answer (with a big Apply's transcript entry), but after it.
    let node_count = state.parts().node_count;
    let reserving = StoredValue::new_local(false);
    Effect::new(move |_| {
        node_count.track();
        if grid.get().is_some() && !reserving.get_value() {
            reserving.set_value(true);
            reserve_after_frame(grid, node_count, cells, reserving);
        }
    });
    Effect::new(move |was: Option<Option<String>>| {
        grid.track();
        let now = views.selected.get();
        cells.with_value(|c| {
            if let Some(old) = was.flatten() {
                c.mark(&old, false);
            }
            if let Some(name) = &now {
                c.mark(name, true);
            }
        });
        now
    });
    let select = move |name: String| state.send(Request::Select { node: Some(name) });
    view! {
        <div
            role="list"
            aria-label=i18n.tr(Msg::Nodes)
            class="dense-grid"
            node_ref=grid
            on:click=move |ev| {
                if let Some(name) = cell_of(&ev) {
                    select(name);
                }
            }
            on:keydown=move |ev| {
                if (ev.key() == "Enter" || ev.key() == " ")
                    && let Some(name) = cell_of(&ev)
                {
                    ev.prevent_default();
                    select(name);
                }
            }
        ></div>
        <DenseLegend />
        <Show when=move || views.selected.with(Option::is_some)>
            <ul role="list" aria-label=i18n.tr(Msg::SelectedNode) class="node-grid dense-detail">
                {move || views.selected.get().map(|name| view! { <NodeCard name=name /> })}
            </ul>
        </Show>
    }
}

/// What the colours mean.
#[component]
fn DenseLegend() -> impl IntoView {
    let i18n = use_i18n();
    // kubectl's pod statuses, as kubectl prints them; "No pods" is the playground's.
    const STATES: [(&str, &str); 6] = [
        ("ready", "Ready"),
        ("running", "Running"),
        ("creating", "ContainerCreating"),
        ("pending", "Pending"),
        ("terminating", "Terminating"),
        ("failed", "Failed / ImagePullBackOff"),
    ];
    view! {
        <p class="dense-legend hint">
            {i18n.tr(Msg::DenseLegend)}
            " "
            {STATES
                .iter()
                .map(|(class, text)| {
                    view! {
                        <span class="legend-item">
                            <span class=format!("legend-swatch state-{class}") aria-hidden="true"></span>
                            {*text}
                        </span>
                    }
                })
                .collect_view()}
            <span class="legend-item">
                <span class="legend-swatch state-empty" aria-hidden="true"></span>
                {i18n.tr(Msg::NoPods)}
            </span>
        </p>
    }
}
