//! Several tabs of the playground in one browser (issue 24 item 4). They share localStorage, so
//! one tab saving twice used to push the other's newest save out of the two autosave slots.
//! Each tab now also keeps its own slot (`dsplay:autosave:tab:ID`, the ID in the tab's
//! sessionStorage, so it survives the tab's reloads): a reload opens the tab's own work, a new
//! tab the work saved last, and the page says which when other tabs' work is kept too. A tab
//! learns that another is open from the `storage` event another tab's save fires.

use crate::i18n::{Msg, Text};
use crate::storage::local;

/// sessionStorage: this tab's ID.
const TAB: &str = "dsplay:tab";
/// localStorage: a tab's own newest save, by ID.
const SLOT: &str = "dsplay:autosave:tab:";
/// localStorage: the tabs that saved, newest first, one `ID MILLIS` a line.
const INDEX: &str = "dsplay:autosave:tabs";
/// Tabs whose saves are kept; older ones are dropped.
const KEPT: usize = 5;

/// This tab's ID, made on its first load.
pub fn id() -> String {
    let session = crate::storage::session();
    if let Some(id) = session
        .as_ref()
        .and_then(|s| s.get_item(TAB).ok().flatten())
    {
        return id;
    }
    let id = format!(
        "{:x}{:x}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * f64::from(u32::MAX)) as u64
    );
    if let Some(s) = session {
        let _ = s.set_item(TAB, &id);
    }
    id
}

/// The saving tabs, newest first: (ID, when it saved, in Unix milliseconds).
///
/// Read and written as an integer (`Date.now()` is whole milliseconds, which the `f64` this once
/// was printed the same way): `f64`'s parser and printer would add their tables to the page's
/// module, 15 KB gzipped (issue 22).
fn index(store: &web_sys::Storage) -> Vec<(String, u64)> {
    parse_index(&store.get_item(INDEX).ok().flatten().unwrap_or_default())
}

fn parse_index(text: &str) -> Vec<(String, u64)> {
    text.lines()
        .filter_map(|l| {
            let (id, at) = l.split_once(' ')?;
            Some((id.to_string(), at.parse().ok()?))
        })
        .collect()
}

/// `tab` saved at `at`: first in the index, which keeps [`KEPT`]; the rest are dropped.
fn updated_index(
    mut tabs: Vec<(String, u64)>,
    tab: &str,
    at: u64,
) -> (Vec<(String, u64)>, Vec<String>) {
    tabs.retain(|(id, _)| id != tab);
    tabs.insert(0, (tab.to_string(), at));
    let dropped = tabs.split_off(tabs.len().min(KEPT));
    (tabs, dropped.into_iter().map(|(id, _)| id).collect())
}

/// Saves `link` as this tab's own work.
pub fn save(tab: &str, link: &str) {
    let Some(store) = local() else { return };
    let (tabs, dropped) = updated_index(index(&store), tab, js_sys::Date::now() as u64);
    for id in dropped {
        let _ = store.remove_item(&format!("{SLOT}{id}"));
    }
    // A full storage only loses this save, never the page.
    if store.set_item(&format!("{SLOT}{tab}"), link).is_ok() {
        let text: Vec<String> = tabs.iter().map(|(id, at)| format!("{id} {at}")).collect();
        let _ = store.set_item(INDEX, &text.join("\n"));
    }
}

/// This tab's own save, if it made one (the tab is being reloaded).
pub fn own(tab: &str) -> Option<String> {
    local()?.get_item(&format!("{SLOT}{tab}")).ok().flatten()
}

/// What the page says on opening the work saved last when other tabs' work is kept too.
pub fn others_kept(tab: &str) -> Option<Text> {
    let store = local()?;
    let others = index(&store).iter().filter(|(id, _)| id != tab).count();
    // One of the others' saves is the one opened.
    (others > 1).then(|| Text::new(Msg::OtherTabsKept).arg("n", others - 1))
}

/// Whether a `storage` event for `key` is another tab's save.
pub fn is_other_tab_save(key: &str, tab: &str) -> bool {
    key.strip_prefix(SLOT).is_some_and(|id| id != tab)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_keeps_the_newest_tabs_first() {
        let tabs = parse_index("a 3\nb 2\nbad\nc x\n");
        assert_eq!(tabs, vec![("a".to_string(), 3), ("b".to_string(), 2)]);
        let (tabs, dropped) = updated_index(tabs, "b", 4);
        assert_eq!(tabs, vec![("b".to_string(), 4), ("a".to_string(), 3)]);
        assert!(dropped.is_empty());
        let full: Vec<(String, u64)> = (0..KEPT).map(|i| (format!("t{i}"), i as u64)).collect();
        let (tabs, dropped) = updated_index(full, "new", 9);
        assert_eq!(tabs.len(), KEPT);
        assert_eq!(tabs[0].0, "new");
        assert_eq!(dropped, vec![format!("t{}", KEPT - 1)]);
    }

    #[test]
    fn only_another_tabs_slot_counts_as_its_save() {
        assert!(is_other_tab_save("dsplay:autosave:tab:b", "a"));
        assert!(!is_other_tab_save("dsplay:autosave:tab:a", "a"));
        assert!(!is_other_tab_save("dsplay:autosave", "a"));
    }
}
