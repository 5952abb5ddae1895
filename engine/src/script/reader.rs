//! The scenario reader: turns a script's text into commands, following "Files and lines" of the
//! scenario-language contract.
//!
//! - One command per line; leading and trailing blanks are ignored; blank lines and lines
//!   starting with `#` are skipped.
//! - A line ending in `\` continues on the next line; the pieces are joined with one space.
//! - A command with a here-document marker (`<<WORD`, `<<'WORD'`, `<<"WORD"`, `<<-WORD`) takes
//!   the following lines, up to a line that is `WORD` (surrounding blanks ignored, like every
//!   line of a script), as its standard input. Body lines are kept as written (indentation
//!   matters in YAML), and the body ends with a newline, as a shell gives it.
//!
//! Everything runs inside WebAssembly, where a panic takes the page down, so nothing here
//! indexes or slices without a check.

use std::fmt;

use super::words::{WordsError, lex};

/// One command of a script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptLine {
    /// 1-based number of the line where the command starts.
    pub line: usize,
    /// The command as written: continuation lines joined with a space, the here-document
    /// marker kept, the body left out. The transcript prints it as `$ <text>`.
    pub text: String,
    /// The words of the command, split as a POSIX shell splits them.
    pub args: Vec<String>,
    /// The here-document body, if the command has one.
    pub stdin: Option<String>,
}

/// A script that cannot be read: the line where the faulty command starts, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong, in a sentence.
    pub message: String,
}

impl fmt::Display for ScriptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ScriptError {}

fn trim_blanks(s: &str) -> &str {
    s.trim_ascii()
}

/// One item of a script, in order: a command, or a comment line (what tools that read more than
/// the commands, such as lessons' `#@` directives, look at).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScriptItem {
    /// A command.
    Command(ScriptLine),
    /// A line starting with `#` outside a here-document: its 1-based number and its text without
    /// the surrounding blanks.
    Comment { line: usize, text: String },
}

/// Reads a whole scenario into its commands.
pub fn read_script(src: &str) -> Result<Vec<ScriptLine>, ScriptError> {
    Ok(read_script_items(src)?
        .into_iter()
        .filter_map(|item| match item {
            ScriptItem::Command(c) => Some(c),
            ScriptItem::Comment { .. } => None,
        })
        .collect())
}

/// Reads a whole scenario into its commands and comment lines, in order.
pub fn read_script_items(src: &str) -> Result<Vec<ScriptItem>, ScriptError> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let lines: Vec<&str> = src
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let mut commands = Vec::new();
    let mut next = 0usize;
    while let Some(&raw) = lines.get(next) {
        let start = next;
        next += 1;
        let first = trim_blanks(raw);
        if first.starts_with('#') {
            commands.push(ScriptItem::Comment {
                line: start + 1,
                text: first.to_string(),
            });
            continue;
        }
        if first.is_empty() {
            continue;
        }
        let mut text = first.to_string();
        let lexed = loop {
            match lex(&text) {
                Ok(lexed) => break lexed,
                Err(WordsError::TrailingBackslash) => {
                    // Drop the backslash and join the next line, if any, with one space.
                    text.pop();
                    text.truncate(text.trim_end_matches([' ', '\t']).len());
                    if let Some(&cont) = lines.get(next) {
                        next += 1;
                        let cont = trim_blanks(cont);
                        if !cont.is_empty() {
                            if !text.is_empty() {
                                text.push(' ');
                            }
                            text.push_str(cont);
                        }
                    }
                }
                Err(e) => {
                    return Err(ScriptError {
                        line: start + 1,
                        message: e.to_string(),
                    });
                }
            }
        };
        let stdin = match &lexed.heredoc {
            None => None,
            Some(marker) => {
                if lexed.words.is_empty() {
                    return Err(ScriptError {
                        line: start + 1,
                        message: "a here-document needs a command before <<".to_string(),
                    });
                }
                let mut body = String::new();
                let mut closed = false;
                while let Some(&body_line) = lines.get(next) {
                    next += 1;
                    let body_line = if marker.strip_tabs {
                        body_line.trim_start_matches('\t')
                    } else {
                        body_line
                    };
                    if trim_blanks(body_line) == marker.delimiter {
                        closed = true;
                        break;
                    }
                    body.push_str(body_line);
                    body.push('\n');
                }
                if !closed {
                    return Err(ScriptError {
                        line: start + 1,
                        message: format!(
                            "unterminated here-document: no line {:?} after the command (the \
                             here-document runs to the end of the script)",
                            marker.delimiter
                        ),
                    });
                }
                Some(body)
            }
        };
        if lexed.words.is_empty() {
            continue; // e.g. a lone `\` followed by a comment
        }
        commands.push(ScriptItem::Command(ScriptLine {
            line: start + 1,
            text,
            args: lexed.words,
            stdin,
        }));
    }
    Ok(commands)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    fn line(n: usize, text: &str, args: &[&str], stdin: Option<&str>) -> ScriptLine {
        ScriptLine {
            line: n,
            text: text.into(),
            args: w(args),
            stdin: stdin.map(str::to_string),
        }
    }

    /// "Files and lines": one command per line; blanks around it are ignored.
    #[test]
    fn files_and_lines_one_command_per_line() {
        let got = read_script("sim seed 1\n  kubectl get nodes  \n\tsim advance 5s\t\n").unwrap();
        assert_eq!(
            got,
            vec![
                line(1, "sim seed 1", &["sim", "seed", "1"], None),
                line(2, "kubectl get nodes", &["kubectl", "get", "nodes"], None),
                line(3, "sim advance 5s", &["sim", "advance", "5s"], None),
            ]
        );
    }

    /// "Files and lines": blank lines and lines starting with `#` are ignored.
    #[test]
    fn files_and_lines_blank_and_comment_lines_are_skipped() {
        let got =
            read_script("# a scenario\n\n   \n  # indented comment\nsim seed 2\n#\n").unwrap();
        assert_eq!(
            got,
            vec![line(5, "sim seed 2", &["sim", "seed", "2"], None)]
        );
        assert_eq!(read_script("").unwrap(), vec![]);
        assert_eq!(read_script("\n\n").unwrap(), vec![]);
    }

    #[test]
    fn files_and_lines_crlf_and_bom_are_tolerated() {
        let got = read_script("\u{feff}sim seed 1\r\nsim seed 2\r\n").unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].args, w(&["sim", "seed", "1"]));
        assert_eq!(got[1].text, "sim seed 2");
    }

    /// "Files and lines": a line ending in `\` continues on the next line.
    #[test]
    fn files_and_lines_backslash_continues_the_line() {
        let src = "kubectl get pods \\\n    -o wide \\\n   --show-labels\nsim seed 1\n";
        let got = read_script(src).unwrap();
        assert_eq!(
            got,
            vec![
                line(
                    1,
                    "kubectl get pods -o wide --show-labels",
                    &["kubectl", "get", "pods", "-o", "wide", "--show-labels"],
                    None
                ),
                line(4, "sim seed 1", &["sim", "seed", "1"], None),
            ]
        );
    }

    #[test]
    fn files_and_lines_continuation_without_space_still_separates_words() {
        let got = read_script("kubectl get\\\npods").unwrap();
        assert_eq!(got[0].text, "kubectl get pods");
        assert_eq!(got[0].args, w(&["kubectl", "get", "pods"]));
    }

    #[test]
    fn files_and_lines_continuation_edge_cases() {
        // An escaped backslash does not continue the line.
        let got = read_script("sim image a\\\\\nsim seed 1").unwrap();
        assert_eq!(got[0].args, w(&["sim", "image", "a\\"]));
        assert_eq!(got.len(), 2);
        // A continuation at the end of the script just ends the command.
        let got = read_script("sim seed 1 \\").unwrap();
        assert_eq!(
            got,
            vec![line(1, "sim seed 1", &["sim", "seed", "1"], None)]
        );
        // A blank line ends the continued command.
        let got = read_script("sim seed \\\n\nsim advance 1s").unwrap();
        assert_eq!(got[0].args, w(&["sim", "seed"]));
        assert_eq!(got[1].line, 3);
        // A backslash inside single quotes is literal, so the quote is unterminated.
        let err = read_script("sim image 'a\\\nb'").unwrap_err();
        assert_eq!(err.line, 1);
        assert!(
            err.message.contains("unterminated quote"),
            "{}",
            err.message
        );
        // Inside double quotes, a trailing backslash continues the line.
        let got = read_script("sim image \"a \\\nb\"").unwrap();
        assert_eq!(got[0].args, w(&["sim", "image", "a b"]));
        // A comment swallows the backslash.
        let got = read_script("sim seed 1 # note \\\nsim seed 2").unwrap();
        assert_eq!(got.len(), 2);
        // A lone backslash line followed by a comment is no command.
        assert_eq!(read_script("\\\n# nothing\n").unwrap(), vec![]);
    }

    /// "Files and lines": `<<WORD` takes the following lines up to `WORD` as standard input.
    #[test]
    fn files_and_lines_heredoc_is_stdin() {
        let src = "kubectl apply -f - <<EOF\napiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: x\nEOF\nkubectl get ds\n";
        let got = read_script(src).unwrap();
        assert_eq!(
            got,
            vec![
                line(
                    1,
                    "kubectl apply -f - <<EOF",
                    &["kubectl", "apply", "-f", "-"],
                    Some("apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: x\n")
                ),
                line(7, "kubectl get ds", &["kubectl", "get", "ds"], None),
            ]
        );
    }

    #[test]
    fn files_and_lines_heredoc_quoted_delimiters_and_blank_lines() {
        for marker in ["<<'END'", "<<\"END\"", "<< END", "<<END"] {
            let src =
                format!("kubectl apply -f - {marker}\n\n# not a comment here\n  indented\nEND\n");
            let got = read_script(&src).unwrap();
            assert_eq!(got.len(), 1, "{marker}");
            assert_eq!(
                got[0].stdin.as_deref(),
                Some("\n# not a comment here\n  indented\n"),
                "{marker}"
            );
            assert_eq!(got[0].text, format!("kubectl apply -f - {marker}"));
        }
        // An empty body.
        let got = read_script("kubectl apply -f - <<EOF\nEOF").unwrap();
        assert_eq!(got[0].stdin.as_deref(), Some(""));
        // The delimiter line may be indented like the rest of the script.
        let got = read_script("  kubectl apply -f - <<EOF\n  a: 1\n  EOF\n").unwrap();
        assert_eq!(got[0].stdin.as_deref(), Some("  a: 1\n"));
        // A line merely containing the delimiter does not close the body.
        let got = read_script("kubectl apply -f - <<EOF\nEOFX\nx EOF\nEOF\n").unwrap();
        assert_eq!(got[0].stdin.as_deref(), Some("EOFX\nx EOF\n"));
    }

    #[test]
    fn files_and_lines_heredoc_strip_tabs() {
        let got = read_script("kubectl apply -f - <<-EOF\n\ta: 1\n\t\tb: 2\n\tEOF\n").unwrap();
        assert_eq!(got[0].stdin.as_deref(), Some("a: 1\nb: 2\n"));
    }

    #[test]
    fn files_and_lines_heredoc_after_continuation() {
        let got = read_script("kubectl apply \\\n  -f - <<EOF\nk: v\nEOF\nsim seed 1").unwrap();
        assert_eq!(got[0].line, 1);
        assert_eq!(got[0].text, "kubectl apply -f - <<EOF");
        assert_eq!(got[0].stdin.as_deref(), Some("k: v\n"));
        assert_eq!(got[1].line, 5);
    }

    #[test]
    fn files_and_lines_unterminated_heredoc_is_an_error() {
        let err = read_script("sim seed 1\nkubectl apply -f - <<EOF\na: 1\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(
            err.message.contains("unterminated here-document"),
            "{}",
            err.message
        );
        assert!(err.message.contains("\"EOF\""), "{}", err.message);
        assert_eq!(err.to_string(), format!("line 2: {}", err.message));
    }

    #[test]
    fn files_and_lines_errors_carry_the_line_number() {
        let err = read_script("sim seed 1\n\nkubectl label node a 'x=y\n").unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.message.contains("unterminated quote"));
        let err = read_script("kubectl get pods | wc -l").unwrap_err();
        assert_eq!(err.line, 1);
        assert!(err.message.contains("\"|\""));
        let err = read_script("<<EOF\nx\nEOF").unwrap_err();
        assert!(err.message.contains("needs a command"));
        let err = read_script("a \\\n 'b").unwrap_err();
        assert_eq!(err.line, 1);
    }

    #[test]
    fn files_and_lines_quotes_and_comments_in_commands() {
        let got = read_script("kubectl label node n1 'note=a b' # why\n").unwrap();
        assert_eq!(
            got[0].args,
            w(&["kubectl", "label", "node", "n1", "note=a b"])
        );
        assert_eq!(got[0].text, "kubectl label node n1 'note=a b' # why");
    }
}
