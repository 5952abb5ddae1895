//! What the layers over and beside the textarea draw for the lines near the view: the line
//! numbers, and the text coloured.

use super::lines::LineIndex;
use crate::playground::highlight::{Token, highlight_line};
use leptos::prelude::*;
use std::ops::Range;

/// How many digits the number `n` has.
pub(super) fn digits(n: usize) -> usize {
    n.max(1).ilog10() as usize + 1
}

/// The numbers of the drawn `lines` (0-based), one a line, the `marked` one (1-based) in its own
/// class: the error marker, and the element "Show line" scrolls to.
pub(super) fn gutter_numbers(lines: Range<usize>, marked: Option<usize>) -> impl IntoView + use<> {
    lines
        .map(|i| i + 1)
        .map(|n| view! { <span class:error-line=marked == Some(n)>{n}</span> })
        .collect_view()
}

/// The drawn `lines` (0-based) of `text`, coloured, one span a line; the line `marked` (1-based)
/// is underlined as the error's. A trailing blank keeps a last empty line as tall as the
/// textarea's.
pub(super) fn coloured(
    text: &str,
    index: &LineIndex,
    lines: Range<usize>,
    marked: Option<usize>,
) -> impl IntoView + use<> {
    let first = lines.start;
    let lines = lines
        .map(|i| {
            let pieces = highlight_line(index.line(text, i))
                .into_iter()
                .map(|(token, piece)| {
                    let piece = piece.to_string();
                    match token {
                        Token::Plain => piece.into_any(),
                        _ => view! { <span class=token.class()>{piece}</span> }.into_any(),
                    }
                })
                .collect_view();
            let newline = if i == first { "" } else { "\n" };
            view! { {newline} <span class="line" class:error-line=marked == Some(i + 1)>{pieces}</span> }
        })
        .collect_view();
    view! { {lines} " " }
}
