//! kubectl's human-readable tables: rows of cells laid out by Go's `text/tabwriter`
//! ([`super::tabwriter`]) as `printers.GetNewTabWriter` configures it (minimum width 6, padding
//! 3, spaces). Every column but the last is padded to its widest cell plus three spaces (and to
//! at least six characters); the last column is not padded. Widths count characters (runes), as
//! tabwriter does for UTF-8 text.

/// A table: column headers (already upper-case) and rows of cells.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

const MIN_WIDTH: usize = 6;
const PADDING: usize = 3;

impl Table {
    pub fn new(headers: &[&str]) -> Table {
        Table {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a column in front of every row (`NAMESPACE` for `-A`).
    pub fn prepend_column(&mut self, header: &str, cells: Vec<String>) {
        self.headers.insert(0, header.to_string());
        for (row, cell) in self.rows.iter_mut().zip(cells) {
            row.insert(0, cell);
        }
    }

    /// Adds a column after every row (`LABELS` for `--show-labels`).
    pub fn append_column(&mut self, header: &str, cells: Vec<String>) {
        self.headers.push(header.to_string());
        for (row, cell) in self.rows.iter_mut().zip(cells) {
            row.push(cell);
        }
    }

    /// The table's text: the header line and one line per row, each ending with a newline.
    pub fn render(&self) -> String {
        let mut lines: Vec<&[String]> = Vec::with_capacity(self.rows.len() + 1);
        lines.push(&self.headers);
        for row in &self.rows {
            lines.push(row);
        }
        layout(&lines)
    }
}

/// Lays out lines of cells with kubectl's tabwriter settings (cells joined by tabs, as the
/// table printer writes them).
pub fn layout(lines: &[&[String]]) -> String {
    let mut text = String::new();
    for line in lines {
        text.push_str(&line.join("\t"));
        text.push('\n');
    }
    super::tabwriter::layout(&text, MIN_WIDTH, PADDING)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    /// The `kubectl get pods` line of seed 000.
    #[test]
    fn pads_each_column_to_widest_plus_three() {
        let mut t = Table::new(super::super::printers::POD_HEADERS);
        t.rows.push(s(&[
            "fluentd-elasticsearch-test-pb5qw",
            "0/1",
            "ContainerCreating",
            "0",
            "18s",
        ]));
        assert_eq!(
            t.render(),
            "NAME                               READY   STATUS              RESTARTS   AGE\n\
             fluentd-elasticsearch-test-pb5qw   0/1     ContainerCreating   0          18s\n"
        );
    }

    /// The `kubectl get ds -n kube-system` table of seed 003.
    #[test]
    fn daemonset_table_of_seed_003() {
        let mut t = Table::new(super::super::printers::DS_HEADERS);
        t.rows.push(s(&[
            "calico-node",
            "6",
            "6",
            "6",
            "6",
            "6",
            "beta.kubernetes.io/os=linux",
            "25d",
        ]));
        t.rows.push(s(&[
            "fluentd-elasticsearch",
            "6",
            "6",
            "6",
            "6",
            "6",
            "<none>",
            "3s",
        ]));
        t.rows.push(s(&[
            "kube-proxy",
            "6",
            "6",
            "6",
            "6",
            "6",
            "beta.kubernetes.io/os=linux",
            "25d",
        ]));
        assert_eq!(
            t.render(),
            "NAME                    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR                 AGE\n\
             calico-node             6         6         6       6            6           beta.kubernetes.io/os=linux   25d\n\
             fluentd-elasticsearch   6         6         6       6            6           <none>                        3s\n\
             kube-proxy              6         6         6       6            6           beta.kubernetes.io/os=linux   25d\n"
        );
    }

    #[test]
    fn minimum_width_and_unpadded_last_column() {
        let mut t = Table::new(&["A", "B"]);
        t.rows.push(s(&["x", "a-long-last-cell"]));
        assert_eq!(t.render(), "A     B\nx     a-long-last-cell\n");
    }

    #[test]
    fn widths_count_characters_not_bytes() {
        let mut t = Table::new(&["NAME", "X"]);
        t.rows.push(s(&["héllo", "1"]));
        assert_eq!(t.render(), "NAME    X\nhéllo   1\n");
    }

    #[test]
    fn extra_columns() {
        let mut t = Table::new(&["NAME", "AGE"]);
        t.rows.push(s(&["a", "1s"]));
        t.prepend_column("NAMESPACE", s(&["default"]));
        t.append_column("LABELS", s(&["<none>"]));
        assert_eq!(
            t.render(),
            "NAMESPACE   NAME   AGE   LABELS\ndefault     a      1s    <none>\n"
        );
    }
}
