//! The console's command history, walked with Up and Down as in a shell.

/// Commands run so far, oldest first, and where Up/Down have got to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    lines: Vec<String>,
    /// The entry shown, while walking (`None`: the line being typed).
    cursor: Option<usize>,
    /// What was being typed when the walk began, given back by Down at the end.
    draft: String,
}

/// How many commands are remembered.
const LIMIT: usize = 200;

/// Longest console line kept.
const LINE_LIMIT: usize = 64 * 1024;

impl History {
    /// The console's Enter on `line`: remembers it, trimmed, unless it is blank or too long
    /// to walk back to (a pasted script of megabytes).
    pub fn remember(&mut self, line: &str) {
        let line = line.trim();
        if !line.is_empty() && line.len() <= LINE_LIMIT {
            self.push(line);
        }
    }

    /// Remembers a command (not twice in a row) and ends any walk.
    pub fn push(&mut self, line: &str) {
        if self.lines.last().map(String::as_str) != Some(line) {
            self.lines.push(line.to_string());
            if self.lines.len() > LIMIT {
                self.lines.remove(0);
            }
        }
        self.cursor = None;
        self.draft.clear();
    }

    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// Up: the previous command, if there is one. `current` is what the box holds now.
    pub fn older(&mut self, current: &str) -> Option<String> {
        let at = match self.cursor {
            None if self.lines.is_empty() => return None,
            None => {
                self.draft = current.to_string();
                self.lines.len() - 1
            }
            Some(0) => return None,
            Some(i) => i - 1,
        };
        self.cursor = Some(at);
        Some(self.lines[at].clone())
    }

    /// Down: the next command, or what was being typed after the newest.
    pub fn newer(&mut self) -> Option<String> {
        let at = self.cursor?;
        if at + 1 < self.lines.len() {
            self.cursor = Some(at + 1);
            Some(self.lines[at + 1].clone())
        } else {
            self.cursor = None;
            Some(std::mem::take(&mut self.draft))
        }
    }
}
