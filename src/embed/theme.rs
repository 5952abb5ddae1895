//! An embed's colours when the host page chooses them (`data-theme`, or its own dark/light switch
//! as embed.js sees it). The stylesheets keep one dark palette, under
//! `@media (prefers-color-scheme: dark)`; forcing a theme rewrites those rules' media to always
//! (dark) or never (light) apply, so no palette is written twice.

use super::protocol::Theme;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::CssMediaRule;

const DARK_MEDIA: &str = "(prefers-color-scheme: dark)";

thread_local! {
    /// The dark-palette rules, found once (their media text is changed afterwards).
    static DARK_RULES: RefCell<Option<Vec<CssMediaRule>>> = const { RefCell::new(None) };
}

fn dark_rules() -> Vec<CssMediaRule> {
    let Some(sheets) = web_sys::window()
        .and_then(|w| w.document())
        .map(|d| d.style_sheets())
    else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for i in 0..sheets.length() {
        let Some(sheet) = sheets
            .item(i)
            .and_then(|s| s.dyn_into::<web_sys::CssStyleSheet>().ok())
        else {
            continue;
        };
        let Ok(rules) = sheet.css_rules() else {
            continue;
        };
        for j in 0..rules.length() {
            if let Some(rule) = rules
                .item(j)
                .and_then(|r| r.dyn_into::<CssMediaRule>().ok())
                && rule
                    .media()
                    .media_text()
                    .contains("prefers-color-scheme: dark")
            {
                found.push(rule);
            }
        }
    }
    found
}

/// Shows the embed in `theme`.
pub(crate) fn apply(theme: Theme) {
    let media = match theme {
        Theme::Auto => DARK_MEDIA,
        Theme::Light => "not all",
        Theme::Dark => "all",
    };
    DARK_RULES.with(|cell| {
        let mut cell = cell.borrow_mut();
        for rule in cell.get_or_insert_with(dark_rules).iter() {
            rule.media().set_media_text(media);
        }
    });
    // Scrollbars and form controls follow too.
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let scheme = match theme {
            Theme::Auto => "light dark",
            Theme::Light => "light",
            Theme::Dark => "dark",
        };
        if let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() {
            let _ = root.style().set_property("color-scheme", scheme);
        }
    }
}
