//! Where the editor's lines are, and which of them to lay out. The textarea holds the whole
//! text; the colours and the line numbers are drawn only for the lines near the view, inside
//! layers as tall as the whole text. A pasted `kubectl get nodes -o yaml` of 10,000 nodes is
//! 80,000 lines: laid out three times, it cost the tab about 300 MB.

use std::ops::Range;

/// Lines laid out beyond the visible ones, above and below: a fast scroll shows drawn lines
/// before the window catches up.
const MARGIN: usize = 40;

/// The window moves in steps of this many lines, so that scrolling re-renders it only now and
/// then rather than at every pixel.
const STEP: usize = 20;

/// Columns a tab advances to a multiple of (the editor's `tab-size`).
const TAB: usize = 8;

/// The start of every line of a text, and its widest line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct LineIndex {
    /// Byte offsets where each line starts; the first is 0, so there is always one line.
    starts: Vec<usize>,
    /// The widest line in columns (a tab to the next multiple of [`TAB`]), for the layers' width.
    widest: usize,
}

impl LineIndex {
    pub(super) fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let widest = text.split('\n').map(columns).max().unwrap_or(0);
        LineIndex { starts, widest }
    }

    pub(super) fn count(&self) -> usize {
        self.starts.len()
    }

    pub(super) fn widest(&self) -> usize {
        self.widest
    }

    /// Line `i` (0-based) of `text`, the text this index was built from; empty past its end.
    pub(super) fn line<'t>(&self, text: &'t str, i: usize) -> &'t str {
        let Some(&start) = self.starts.get(i) else {
            return "";
        };
        let end = self.starts.get(i + 1).map_or(text.len(), |next| next - 1);
        text.get(start..end).unwrap_or("")
    }

    /// The offsets (UTF-16, as the DOM counts) where line `line` (1-based) starts and ends.
    pub(super) fn utf16_range(&self, text: &str, line: usize) -> (u32, u32) {
        let Some(&start) = self.starts.get(line.max(1) - 1) else {
            let end = utf16_len(text);
            return (end, end);
        };
        let before = utf16_len(text.get(..start).unwrap_or(""));
        let len = utf16_len(self.line(text, line - 1));
        (before, before + len)
    }
}

/// `text` with the range `start..end` in UTF-16 units (a textarea's selection) replaced by `with`.
pub(super) fn replace_utf16(text: &str, start: u32, end: u32, with: &str) -> String {
    let byte = |n: u32| {
        let mut units = 0;
        for (i, c) in text.char_indices() {
            if units >= n {
                return i;
            }
            units += c.len_utf16() as u32;
        }
        text.len()
    };
    let (from, to) = (byte(start.min(end)), byte(start.max(end)));
    [&text[..from], with, &text[to..]].concat()
}

fn utf16_len(s: &str) -> u32 {
    s.encode_utf16().count() as u32
}

/// How wide `line` is in columns of a monospace font.
fn columns(line: &str) -> usize {
    line.chars().fold(0, |col, c| {
        if c == '\t' {
            (col / TAB + 1) * TAB
        } else {
            col + 1
        }
    })
}

/// The lines to lay out (0-based, end excluded) of `count`, when the layers' lines are `line_px`
/// tall, `top` pixels of them are scrolled past and `height` pixels are in view.
pub(super) fn window(top: f64, height: f64, line_px: f64, count: usize) -> Range<usize> {
    let line_px = if line_px > 0.0 { line_px } else { 1.0 };
    let first = (top.max(0.0) / line_px) as usize;
    let last = ((top.max(0.0) + height.max(0.0)) / line_px).ceil() as usize;
    let start = first.saturating_sub(MARGIN) / STEP * STEP;
    let end = (last + MARGIN).div_ceil(STEP) * STEP;
    start.min(count)..end.min(count)
}

#[cfg(test)]
mod tests {
    use super::{LineIndex, replace_utf16, window};

    #[test]
    fn lines_are_found_by_their_starts() {
        let text = "a: 1\n\nb: é𝄞\nc";
        let index = LineIndex::new(text);
        assert_eq!(index.count(), 4);
        let lines: Vec<_> = (0..5).map(|i| index.line(text, i)).collect();
        assert_eq!(lines, ["a: 1", "", "b: é𝄞", "c", ""]);
        let trailing = LineIndex::new("x\n");
        assert_eq!((trailing.count(), trailing.line("x\n", 1)), (2, ""));
    }

    #[test]
    fn line_ranges_count_utf16_units() {
        let text = "a: 1\nb: é𝄞\nc";
        let index = LineIndex::new(text);
        assert_eq!(index.utf16_range(text, 1), (0, 4));
        assert_eq!(index.utf16_range(text, 2), (5, 11));
        assert_eq!(index.utf16_range(text, 3), (12, 13));
        // A line past the end: the end of the text.
        assert_eq!(index.utf16_range(text, 9), (13, 13));
    }

    #[test]
    fn a_selection_is_replaced_by_its_utf16_offsets() {
        assert_eq!(replace_utf16("a: é𝄞\nb", 3, 6, "x"), "a: x\nb");
        assert_eq!(replace_utf16("abc", 1, 1, "Z"), "aZbc");
        assert_eq!(replace_utf16("abc", 0, 99, "new"), "new");
        assert_eq!(replace_utf16("abc", 2, 1, ""), "ac");
    }

    #[test]
    fn the_widest_line_counts_tabs_to_the_next_stop() {
        assert_eq!(LineIndex::new("ab\n\tx\nabcdefghij").widest(), 10);
        assert_eq!(LineIndex::new("abc\tx").widest(), 9);
        assert_eq!(LineIndex::new("").widest(), 0);
    }

    #[test]
    fn the_window_covers_the_view_with_a_margin_in_steps() {
        // 20 px lines, 400 px in view: lines 0..20 visible at the top.
        assert_eq!(window(0.0, 400.0, 20.0, 80_000), 0..60);
        // Scrolled to line 1,005: 1,005..1,025 visible.
        let w = window(20_100.0, 400.0, 20.0, 80_000);
        assert!(w.start <= 1_005 - 40 && w.end >= 1_025 + 40, "{w:?}");
        assert_eq!((w.start % 20, w.end % 20), (0, 0));
        // A few pixels further, the same window: no re-render.
        assert_eq!(window(20_107.0, 400.0, 20.0, 80_000), w);
        // Clamped to the text.
        assert_eq!(window(0.0, 400.0, 20.0, 3), 0..3);
        assert_eq!(window(1e9, 400.0, 20.0, 3), 3..3);
        assert_eq!(window(-5.0, 400.0, 0.0, 10), 0..10);
    }
}
