//! The static shell of `index.html`: the page's header, an empty canvas frame and the editor
//! holding the default manifest as a plain textarea, painted before the WebAssembly has arrived
//! (a script in its `<head>` picks the embed's frame or "Opening…" instead). When the app mounts it
//! takes over what the reader typed there, and the shell goes.

use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlTextAreaElement};

const SHELL_ID: &str = "shell";
const EDITOR_ID: &str = "shell-editor";

/// What the reader did in the shell's editor before the app mounted.
struct Typed {
    text: String,
    /// The editor had the focus, with this selection (UTF-16 offsets, as the DOM counts).
    focus: Option<(u32, u32)>,
}

thread_local! {
    static TYPED: RefCell<Option<Typed>> = const { RefCell::new(None) };
}

fn document() -> Option<Document> {
    web_sys::window().and_then(|w| w.document())
}

fn shell_editor(document: &Document) -> Option<HtmlTextAreaElement> {
    document
        .get_element_by_id(EDITOR_ID)
        .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
}

/// Notes what was typed in the shell's editor, if anything (before the app mounts).
pub(crate) fn capture() {
    let Some(document) = document() else { return };
    let Some(editor) = shell_editor(&document) else {
        return;
    };
    let text = editor.value();
    let Ok(original) = editor.default_value() else {
        return;
    };
    if text == original {
        return;
    }
    let focused = document
        .active_element()
        .is_some_and(|active| active == **editor);
    let focus = focused.then(|| {
        (
            editor.selection_start().ok().flatten().unwrap_or(0),
            editor.selection_end().ok().flatten().unwrap_or(0),
        )
    });
    TYPED.with(|t| *t.borrow_mut() = Some(Typed { text, focus }));
}

/// The text typed in the shell's editor, for the app to open in place of the default manifest.
pub(crate) fn typed_text() -> Option<String> {
    TYPED.with(|t| t.borrow().as_ref().map(|typed| typed.text.clone()))
}

/// Removes the shell once the app is on the page, and gives its editor the focus and the
/// selection the shell's had.
pub(crate) fn remove() {
    let Some(document) = document() else { return };
    if let Some(shell) = document.get_element_by_id(SHELL_ID) {
        shell.remove();
    }
    let Some(Typed {
        focus: Some((start, end)),
        ..
    }) = TYPED.with(|t| t.borrow_mut().take())
    else {
        return;
    };
    let editor = document
        .query_selector("#editor textarea")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok());
    if let Some(editor) = editor {
        let _ = editor.focus();
        let _ = editor.set_selection_range(start, end);
    }
}

#[cfg(test)]
mod tests {
    use crate::host::Host;
    use crate::host::protocol::{Request, ToModel};
    use crate::i18n::{self, Lang, Msg};

    /// The text between the shell editor's tags, as the browser reads it: the newline right
    /// after the start tag dropped, the entities `<`, `>` and `&` decoded.
    fn shell_manifest(html: &str) -> String {
        let start = html
            .find("id=\"shell-editor\"")
            .expect("the shell's editor");
        let open = start + html[start..].find('>').expect("its start tag") + 1;
        let close = open + html[open..].find("</textarea>").expect("its end tag");
        let text = &html[open..close];
        text.strip_prefix('\n')
            .unwrap_or(text)
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    }

    /// The shell shows what the app opens when there is no link and no autosave: the default
    /// preset, under the English welcome (the shell is in English, as the page before it knows
    /// the reader's language), as the model's [`Request::open_default`] opens it: the app's
    /// editor takes the shell's text without a different one between.
    #[test]
    fn shell_editor_holds_the_default_manifest() {
        let mut host = Host::new();
        let message = ToModel {
            id: 1,
            request: Request::open_default(),
        };
        host.serve(message, || 0.0);
        let html = include_str!("../index.html");
        assert_eq!(shell_manifest(html), host.playground().manifest);
        assert!(
            host.playground()
                .manifest
                .starts_with(i18n::EDITOR_WELCOME_EN)
        );
        assert_eq!(
            i18n::EDITOR_WELCOME_EN,
            i18n::text(Lang::En, Msg::EditorWelcome)
        );
    }
}
