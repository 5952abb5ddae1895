//! Splitting a manifest stream into documents as kubectl does (`k8s.io/apimachinery`
//! `yaml.YAMLReader`): a line that starts with `---` ends the current document; only blanks or a
//! comment may follow the dashes on that line. Each document is then parsed on its own, so YAML
//! errors carry line numbers counted from the document's first line, as kubectl prints them.

/// One document's text and where it starts in the stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Chunk<'a> {
    /// 1-based line of the stream where the document's first line is.
    pub start_line: usize,
    pub text: &'a str,
}

/// A separator line with something other than a comment after the dashes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BadSeparator {
    /// 1-based line of the stream.
    pub line: usize,
    /// What follows the dashes, trimmed (kubectl's message shows it).
    pub rest: String,
}

/// The documents of `text` in order, up to the first bad separator (if any).
pub(crate) fn split(text: &str) -> (Vec<Chunk<'_>>, Option<BadSeparator>) {
    let mut chunks = Vec::new();
    let mut start: Option<(usize, usize)> = None; // (byte offset, line) of the current chunk
    let mut offset = 0usize;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let line_no = index + 1;
        if let Some(rest) = line.strip_prefix("---") {
            let rest = rest.trim();
            if !rest.is_empty() && !rest.starts_with('#') {
                if let Some((from, first)) = start.take() {
                    chunks.push(Chunk {
                        start_line: first,
                        text: text.get(from..offset).unwrap_or(""),
                    });
                }
                return (
                    chunks,
                    Some(BadSeparator {
                        line: line_no,
                        rest: rest.to_string(),
                    }),
                );
            }
            if let Some((from, first)) = start.take() {
                chunks.push(Chunk {
                    start_line: first,
                    text: text.get(from..offset).unwrap_or(""),
                });
            }
        } else if start.is_none() {
            start = Some((offset, line_no));
        }
        offset += line.len();
    }
    if let Some((from, first)) = start {
        chunks.push(Chunk {
            start_line: first,
            text: text.get(from..).unwrap_or(""),
        });
    }
    (chunks, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_dash_lines_and_numbers_chunks() {
        let (chunks, bad) = split("a: 1\n---\nb: 2\n--- # c\n\nc: 3\n");
        assert!(bad.is_none());
        let got: Vec<(usize, &str)> = chunks.iter().map(|c| (c.start_line, c.text)).collect();
        assert_eq!(got, vec![(1, "a: 1\n"), (3, "b: 2\n"), (5, "\nc: 3\n")]);
    }

    #[test]
    fn leading_separator_and_empty_documents_give_no_chunk() {
        let (chunks, _) = split("---\n---\nkind: Node\n---\n");
        assert_eq!(chunks.len(), 1);
        assert_eq!(chunks[0].start_line, 3);
        let (chunks, _) = split("");
        assert!(chunks.is_empty());
    }

    #[test]
    fn text_after_the_dashes_is_an_error() {
        let (chunks, bad) = split("a: 1\n----\nb: 2\n");
        assert_eq!(chunks.len(), 1);
        assert_eq!(
            bad,
            Some(BadSeparator {
                line: 2,
                rest: "-".into()
            })
        );
    }

    #[test]
    fn no_trailing_newline() {
        let (chunks, _) = split("a: 1\n---\nb: 2");
        assert_eq!(chunks[1].text, "b: 2");
    }
}
