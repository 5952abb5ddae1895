//! Word splitting of one command line, as a POSIX shell splits words ("Files and lines" in the
//! scenario-language contract): blanks separate words; single quotes keep everything literally;
//! double quotes keep everything but `\\`, `\"`, `\$`, `` \` `` (and a backslash before the end
//! of the line); a backslash outside quotes takes the next character literally; an unquoted `#`
//! at the start of a word begins a comment. There is no variable, command or glob expansion.
//!
//! Shell operators (`|`, `&`, `;`, `<`, `>`, `(`, `)`) are refused rather than taken literally:
//! a shell would treat them as pipes or redirections, which the language does not have, so
//! taking them as words would silently run a different command. The one redirection that is
//! understood is the here-document marker `<<WORD` / `<< WORD` / `<<'WORD'` / `<<"WORD"` /
//! `<<-WORD`; only the script reader can supply its body.

use std::fmt;
use std::iter::Peekable;
use std::str::Chars;

/// Why a line could not be split into words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordsError {
    /// A `'` or `"` quote is not closed on the line.
    UnterminatedQuote {
        /// The opening quote character.
        quote: char,
    },
    /// The line ends with a backslash (in a script this continues the command on the next line).
    TrailingBackslash,
    /// An unquoted shell operator such as `|`, `>` or `;`.
    Operator {
        /// The operator as written.
        op: String,
    },
    /// `<<` with no delimiter word after it.
    MissingHereDocDelimiter,
    /// More than one `<<` on a command.
    MultipleHereDocs,
    /// A here-document marker where no body can follow (a single interactive line).
    HereDocNotAllowed,
}

impl fmt::Display for WordsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WordsError::UnterminatedQuote { quote } => {
                write!(
                    f,
                    "unterminated quote: the {quote} opened on this line is not closed"
                )
            }
            WordsError::TrailingBackslash => {
                write!(
                    f,
                    "the line ends with \\ but no line follows to continue it"
                )
            }
            WordsError::Operator { op } => write!(
                f,
                "unquoted {op:?}: pipes, redirections and other shell operators are not part of \
                 the scenario language (quote the argument to use it literally)"
            ),
            WordsError::MissingHereDocDelimiter => {
                write!(
                    f,
                    "here-document marker << is missing its delimiter word (e.g. <<EOF)"
                )
            }
            WordsError::MultipleHereDocs => write!(f, "only one here-document per command"),
            WordsError::HereDocNotAllowed => write!(
                f,
                "a here-document (<<WORD) needs the following lines of a script as its body"
            ),
        }
    }
}

impl std::error::Error for WordsError {}

/// A here-document marker found on a command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HereDocMarker {
    /// The delimiter word, quotes removed.
    pub delimiter: String,
    /// `<<-`: leading tabs are removed from the body lines and the delimiter line.
    pub strip_tabs: bool,
}

/// The words of a line, and its here-document marker if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Lexed {
    pub words: Vec<String>,
    pub heredoc: Option<HereDocMarker>,
}

/// Splits one interactive line into words (for the console). A here-document marker is an
/// error here: only [`crate::script::read_script`] can read a body.
pub fn split_words(line: &str) -> Result<Vec<String>, WordsError> {
    let lexed = lex(line)?;
    if lexed.heredoc.is_some() {
        return Err(WordsError::HereDocNotAllowed);
    }
    Ok(lexed.words)
}

fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
}

fn is_operator(c: char) -> bool {
    matches!(c, '|' | '&' | ';' | '<' | '>' | '(' | ')')
}

/// Splits a logical line (continuations already joined) into words and a here-document marker.
pub(crate) fn lex(line: &str) -> Result<Lexed, WordsError> {
    let mut chars = line.chars().peekable();
    let mut words = Vec::new();
    let mut heredoc = None;
    loop {
        skip_blanks(&mut chars);
        let Some(&c) = chars.peek() else { break };
        if c == '#' {
            break; // comment to the end of the line
        }
        if c == '<' {
            chars.next();
            if chars.peek() != Some(&'<') {
                return Err(WordsError::Operator { op: "<".into() });
            }
            chars.next();
            if chars.peek() == Some(&'<') {
                return Err(WordsError::Operator { op: "<<<".into() });
            }
            let strip_tabs = chars.peek() == Some(&'-');
            if strip_tabs {
                chars.next();
            }
            skip_blanks(&mut chars);
            let starts_word = chars.peek().is_some_and(|&c| !is_operator(c) && c != '#');
            let delimiter = if starts_word {
                read_word(&mut chars)?
            } else {
                String::new()
            };
            if delimiter.is_empty() {
                return Err(WordsError::MissingHereDocDelimiter);
            }
            if heredoc.is_some() {
                return Err(WordsError::MultipleHereDocs);
            }
            heredoc = Some(HereDocMarker {
                delimiter,
                strip_tabs,
            });
            continue;
        }
        if is_operator(c) {
            let mut op = String::from(c);
            chars.next();
            if matches!(c, '|' | '&' | '>' | ';') && chars.peek() == Some(&c) {
                op.push(c);
            }
            return Err(WordsError::Operator { op });
        }
        words.push(read_word(&mut chars)?);
    }
    Ok(Lexed { words, heredoc })
}

fn skip_blanks(chars: &mut Peekable<Chars<'_>>) {
    while chars.peek().is_some_and(|&c| is_blank(c)) {
        chars.next();
    }
}

/// Reads one word starting at a non-blank, non-operator character; stops before a blank or an
/// operator. Quotes and backslashes are removed as the shell removes them.
fn read_word(chars: &mut Peekable<Chars<'_>>) -> Result<String, WordsError> {
    let mut word = String::new();
    while let Some(&c) = chars.peek() {
        if is_blank(c) || is_operator(c) {
            break;
        }
        chars.next();
        match c {
            '\\' => match chars.next() {
                None => return Err(WordsError::TrailingBackslash),
                Some('\n') => {} // backslash-newline: a continuation inside the word
                Some(escaped) => word.push(escaped),
            },
            '\'' => loop {
                match chars.next() {
                    None => return Err(WordsError::UnterminatedQuote { quote: '\'' }),
                    Some('\'') => break,
                    Some(inner) => word.push(inner),
                }
            },
            '"' => loop {
                match chars.next() {
                    None => return Err(WordsError::UnterminatedQuote { quote: '"' }),
                    Some('"') => break,
                    Some('\\') => match chars.peek() {
                        None => return Err(WordsError::TrailingBackslash),
                        Some('\n') => {
                            chars.next();
                        }
                        Some(&e @ ('\\' | '"' | '$' | '`')) => {
                            chars.next();
                            word.push(e);
                        }
                        Some(_) => word.push('\\'),
                    },
                    Some(inner) => word.push(inner),
                }
            },
            other => word.push(other),
        }
    }
    Ok(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<String> {
        split_words(line).unwrap_or_else(|e| panic!("{line:?}: {e}"))
    }

    fn w(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    /// "Files and lines": arguments are split as a POSIX shell splits words.
    #[test]
    fn files_and_lines_blanks_separate_words() {
        assert_eq!(
            words("kubectl get  pods\t-o wide"),
            w(&["kubectl", "get", "pods", "-o", "wide"])
        );
        assert_eq!(words(""), Vec::<String>::new());
        assert_eq!(words("   "), Vec::<String>::new());
    }

    #[test]
    fn files_and_lines_single_quotes_are_literal() {
        assert_eq!(words("a 'b c' 'd\\e' '$x'"), w(&["a", "b c", "d\\e", "$x"]));
        assert_eq!(words("''"), w(&[""]));
        assert_eq!(words("'a'b'c'"), w(&["abc"]));
        assert_eq!(words("-l 'env in (a,b)'"), w(&["-l", "env in (a,b)"]));
    }

    #[test]
    fn files_and_lines_double_quotes_keep_four_escapes() {
        assert_eq!(
            words(r#""a b" "c\"d" "e\\f" "g\$h" "i\`j" "k\nl""#),
            w(&["a b", "c\"d", "e\\f", "g$h", "i`j", "k\\nl"])
        );
        assert_eq!(words(r#""""#), w(&[""]));
        assert_eq!(words(r#"x"y z"w"#), w(&["xy zw"]));
        assert_eq!(words(r#""it's""#), w(&["it's"]));
    }

    #[test]
    fn files_and_lines_backslash_outside_quotes_escapes_one_character() {
        assert_eq!(words(r"a\ b c\\d \'e"), w(&["a b", "c\\d", "'e"]));
        assert_eq!(words(r"\|"), w(&["|"]));
    }

    #[test]
    fn files_and_lines_no_expansion() {
        assert_eq!(
            words("$HOME ~ * ? [a] {b,c} `x`"),
            w(&["$HOME", "~", "*", "?", "[a]", "{b,c}", "`x`"])
        );
    }

    #[test]
    fn files_and_lines_hash_starts_a_comment_only_at_a_word_start() {
        assert_eq!(
            words("kubectl get pods # all of them"),
            w(&["kubectl", "get", "pods"])
        );
        assert_eq!(words("a#b '#c' \\#d"), w(&["a#b", "#c", "#d"]));
        assert_eq!(words("# only a comment"), Vec::<String>::new());
    }

    #[test]
    fn files_and_lines_unterminated_quotes_are_errors() {
        assert_eq!(
            split_words("echo 'abc"),
            Err(WordsError::UnterminatedQuote { quote: '\'' })
        );
        assert_eq!(
            split_words("echo \"abc"),
            Err(WordsError::UnterminatedQuote { quote: '"' })
        );
        assert_eq!(
            split_words("echo abc\\"),
            Err(WordsError::TrailingBackslash)
        );
        assert_eq!(
            split_words("echo \"abc\\"),
            Err(WordsError::TrailingBackslash)
        );
    }

    #[test]
    fn files_and_lines_shell_operators_are_refused() {
        for (line, op) in [
            ("kubectl get pods | grep x", "|"),
            ("a || b", "||"),
            ("a && b", "&&"),
            ("a & b", "&"),
            ("a; b", ";"),
            ("a > out", ">"),
            ("a >> out", ">>"),
            ("a 2>&1", ">"),
            ("a < in", "<"),
            ("a <<< x", "<<<"),
            ("-l env in (a,b)", "("),
            ("a)", ")"),
        ] {
            assert_eq!(
                split_words(line),
                Err(WordsError::Operator { op: op.into() }),
                "{line}"
            );
        }
    }

    #[test]
    fn files_and_lines_heredoc_markers() {
        let m = |d: &str, strip: bool| {
            Some(HereDocMarker {
                delimiter: d.into(),
                strip_tabs: strip,
            })
        };
        for (line, marker) in [
            ("kubectl apply -f - <<EOF", m("EOF", false)),
            ("kubectl apply -f - << EOF", m("EOF", false)),
            ("kubectl apply -f - <<'EOF'", m("EOF", false)),
            ("kubectl apply -f - <<\"END\"", m("END", false)),
            ("kubectl apply -f - <<-EOF", m("EOF", true)),
            ("kubectl apply -f - <<\\EOF", m("EOF", false)),
            ("kubectl apply <<EOF -f -", m("EOF", false)),
        ] {
            let lexed = lex(line).unwrap();
            assert_eq!(lexed.heredoc, marker, "{line}");
            assert_eq!(lexed.words, w(&["kubectl", "apply", "-f", "-"]), "{line}");
        }
        assert_eq!(lex("a -f-<<EOF").unwrap().words, w(&["a", "-f-"]));
        assert_eq!(lex("a <<"), Err(WordsError::MissingHereDocDelimiter));
        assert_eq!(lex("a << |"), Err(WordsError::MissingHereDocDelimiter));
        assert_eq!(lex("a <<''"), Err(WordsError::MissingHereDocDelimiter));
        assert_eq!(lex("a <<A <<B"), Err(WordsError::MultipleHereDocs));
        assert_eq!(
            split_words("kubectl apply -f - <<EOF"),
            Err(WordsError::HereDocNotAllowed)
        );
        // Quoted, the marker is an ordinary word.
        assert_eq!(words("echo '<<EOF'"), w(&["echo", "<<EOF"]));
    }

    #[test]
    fn errors_have_readable_messages() {
        assert!(
            WordsError::UnterminatedQuote { quote: '\'' }
                .to_string()
                .contains("unterminated quote")
        );
        assert!(
            WordsError::Operator { op: "|".into() }
                .to_string()
                .contains("\"|\"")
        );
    }
}
