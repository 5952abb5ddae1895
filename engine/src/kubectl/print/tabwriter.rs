//! Go's `text/tabwriter` with spaces as padding, as `kubectl describe` configures it
//! (`tabbedString`: minimum width 0, padding 2). Unlike [`super::table`], columns are aligned
//! per *block*: a run of consecutive lines that all have a tab-terminated cell in that column.
//! A line without a tab ends every block, which is why `describe` output re-aligns after each
//! section title.

/// Lays out `text` (lines ending in `\n`, cells separated by `\t`) as tabwriter does.
pub fn layout(text: &str, min_width: usize, padding: usize) -> String {
    let mut pieces: Vec<&str> = text.split('\n').collect();
    // The text after the last newline is an unterminated last line (usually empty).
    let tail = pieces.pop().unwrap_or("");
    let lines: Vec<Vec<&str>> = pieces.iter().map(|l| l.split('\t').collect()).collect();
    let mut w = Layout {
        lines: &lines,
        min_width,
        padding,
        out: String::with_capacity(text.len() + text.len() / 2),
    };
    let mut widths = Vec::new();
    w.format(&mut widths, 0, lines.len());
    w.out.push_str(&tail.replace('\t', ""));
    w.out
}

struct Layout<'a> {
    lines: &'a [Vec<&'a str>],
    min_width: usize,
    padding: usize,
    out: String,
}

fn width(cell: &str) -> usize {
    cell.chars().count()
}

impl Layout<'_> {
    /// `Writer.format`: finds the blocks of the next column, widest cell plus padding each.
    fn format(&mut self, widths: &mut Vec<usize>, mut line0: usize, line1: usize) {
        let column = widths.len();
        let mut this = line0;
        while this < line1 {
            // Only tab-terminated cells (all but the last of a line) belong to a column.
            if column + 1 >= self.lines[this].len() {
                this += 1;
                continue;
            }
            self.write_lines(widths, line0, this);
            line0 = this;
            let mut w = self.min_width;
            while this < line1 && column + 1 < self.lines[this].len() {
                w = w.max(width(self.lines[this][column]) + self.padding);
                this += 1;
            }
            widths.push(w);
            self.format(widths, line0, this);
            widths.pop();
            line0 = this;
        }
        self.write_lines(widths, line0, line1);
    }

    fn write_lines(&mut self, widths: &[usize], line0: usize, line1: usize) {
        for line in &self.lines[line0..line1] {
            for (j, cell) in line.iter().enumerate() {
                self.out.push_str(cell);
                if let Some(&w) = widths.get(j) {
                    let pad = w.saturating_sub(width(cell));
                    self.out.extend(std::iter::repeat_n(' ', pad));
                }
            }
            self.out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::layout;

    #[test]
    fn blocks_realign_after_a_line_without_tabs() {
        let text = "Name:\tx\nNamespace:\tdefault\nDesired Number of Nodes Scheduled: 3\nPods Status:\t1 Running\n";
        assert_eq!(
            layout(text, 0, 2),
            "Name:       x\nNamespace:  default\nDesired Number of Nodes Scheduled: 3\nPods Status:  1 Running\n"
        );
    }

    #[test]
    fn nested_columns_and_empty_cells() {
        let text = "  Type\tStatus\n  Ready \tTrue \n";
        assert_eq!(layout(text, 0, 2), "  Type    Status\n  Ready   True \n");
        let text = "a\t\tb\tc\nlonger\t\tx\ty\n";
        assert_eq!(layout(text, 0, 2), "a         b  c\nlonger    x  y\n");
    }

    #[test]
    fn last_cell_is_not_padded_and_text_without_newline_is_kept() {
        assert_eq!(layout("a\tbbbbbb\nccc\td\n", 0, 2), "a    bbbbbb\nccc  d\n");
        assert_eq!(layout("x", 0, 2), "x");
    }
}
