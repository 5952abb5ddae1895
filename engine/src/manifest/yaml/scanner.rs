//! The characters of one document with libyaml's marks, and the scalars read from them: plain
//! (one or more lines), single and double quoted (with escapes and line folding), literal and
//! folded block scalars (chomping and indentation indicators). Texts and error wording follow
//! libyaml's scanner (`scanner.c`), which go-yaml ports and kubectl prints.

use super::error::{Mark, YamlError};
use std::borrow::Cow;

pub(crate) struct Cursor<'a> {
    /// The text, borrowed unless line breaks had to be normalised (4 bytes a character when it
    /// was a `Vec<char>`: 4.7 MB for a pasted NodeList of 10,000 nodes).
    text: Cow<'a, str>,
    /// A byte index into `text`, always at a character boundary.
    i: usize,
    line: usize,
    column: usize,
    /// Blanks before this index were read by the last plain scalar's look at its next lines.
    blanks_read_to: usize,
}

/// Space or tab.
fn is_white(c: Option<char>) -> bool {
    matches!(c, Some(' ' | '\t'))
}

/// Space, tab, line break or the end.
fn is_blank(c: Option<char>) -> bool {
    matches!(c, None | Some(' ' | '\t' | '\n'))
}

pub(crate) fn is_flow_indicator(c: Option<char>) -> bool {
    matches!(c, Some(',' | '[' | ']' | '{' | '}'))
}

impl<'a> Cursor<'a> {
    /// The text with a leading byte order mark dropped and `\r\n` (or a lone `\r`) read as one
    /// line break, as libyaml does.
    pub(crate) fn new(text: &'a str) -> Cursor<'a> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let text = if text.contains('\r') {
            Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
        } else {
            Cow::Borrowed(text)
        };
        Cursor {
            text,
            i: 0,
            line: 0,
            column: 0,
            blanks_read_to: 0,
        }
    }

    /// The first character YAML does not allow in a stream (libyaml's reader: "control
    /// characters are not allowed"), and where it is.
    pub(crate) fn control_character(&self) -> Option<Mark> {
        let printable = |c: char| {
            matches!(c, '\t' | '\n' | '\u{85}' | '\u{feff}')
                || ('\u{20}'..='\u{7e}').contains(&c)
                || ('\u{a0}'..='\u{d7ff}').contains(&c)
                || ('\u{e000}'..='\u{fffd}').contains(&c)
                || c >= '\u{10000}'
        };
        // Printable ASCII bytes first (a manifest is mostly that); from the first other byte,
        // a character boundary, the characters themselves.
        let from = self
            .text
            .bytes()
            .position(|b| !matches!(b, b'\t' | b'\n' | 0x20..=0x7e))?;
        let index = from + self.text.get(from..)?.find(|c| !printable(c))?;
        let before = self.text.get(..index)?;
        let line = before.matches('\n').count();
        let column = before.chars().rev().take_while(|c| *c != '\n').count();
        Some(Mark { line, column })
    }

    /// The next character; an ASCII one read as its byte, without decoding.
    #[inline]
    pub(crate) fn peek(&self) -> Option<char> {
        match self.text.as_bytes().get(self.i) {
            Some(&b) if b.is_ascii() => Some(char::from(b)),
            Some(_) => self.rest().chars().next(),
            None => None,
        }
    }

    pub(crate) fn peek_at(&self, n: usize) -> Option<char> {
        match self.text.as_bytes().get(self.i..=self.i + n) {
            Some(run) if run.is_ascii() => Some(char::from(run[n])),
            _ => self.rest().chars().nth(n),
        }
    }

    /// The text from the cursor on.
    fn rest(&self) -> &str {
        self.text.get(self.i..).unwrap_or("")
    }

    #[inline]
    pub(crate) fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.i += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.column = 0;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    pub(crate) fn mark(&self) -> Mark {
        Mark {
            line: self.line,
            column: self.column,
        }
    }

    pub(crate) fn column(&self) -> usize {
        self.column
    }

    pub(crate) fn at_end(&self) -> bool {
        self.i >= self.text.len()
    }

    /// Whether the next character is `c` followed by a blank (`- `, `: `, `? `).
    pub(crate) fn at_indicator(&self, c: char) -> bool {
        self.peek() == Some(c) && is_blank(self.peek_at(1))
    }

    /// Whether a `:` here ends a key (followed by a blank, or in flow by a flow indicator).
    pub(crate) fn at_value_indicator(&self, flow: bool) -> bool {
        self.peek() == Some(':')
            && (is_blank(self.peek_at(1)) || (flow && is_flow_indicator(self.peek_at(1))))
    }

    /// A `---` or `...` line at column 0.
    pub(crate) fn at_document_marker(&self) -> bool {
        self.column == 0
            && matches!(
                (self.peek(), self.peek_at(1), self.peek_at(2)),
                (Some('-'), Some('-'), Some('-')) | (Some('.'), Some('.'), Some('.'))
            )
            && is_blank(self.peek_at(3))
    }

    /// At a line break, a comment or the end: nothing more on this line.
    pub(crate) fn at_line_end(&self) -> bool {
        matches!(self.peek(), None | Some('\n' | '#'))
    }

    /// Skips spaces (and tabs when `tabs`; libyaml refuses a tab where a block token may start).
    pub(crate) fn skip_white(&mut self, tabs: bool) -> Result<(), YamlError> {
        // Spaces, the indentation of every line, moved over at once.
        let spaces = self.text.as_bytes()[self.i..]
            .iter()
            .take_while(|&&b| b == b' ')
            .count();
        self.i += spaces;
        self.column += spaces;
        loop {
            match self.peek() {
                Some(' ') => {}
                Some('\t') if tabs => {}
                Some('\t') if self.i < self.blanks_read_to => {}
                Some('\t') => {
                    // Where a line's first token may start, go-yaml takes a tab for the token
                    // (kubectl refuses `\tname: a`, `\t- a`, `a:\n \tb`; it reads `a:\tb`).
                    let at = self.mark();
                    return Err(YamlError::scanner(
                        "found character that cannot start any token",
                        at,
                        at,
                    ));
                }
                _ => return Ok(()),
            }
            self.bump();
        }
    }

    pub(crate) fn skip_comment(&mut self) {
        if self.peek() == Some('#') {
            while !matches!(self.peek(), None | Some('\n')) {
                self.bump();
            }
        }
    }

    /// Skips whitespace, comments and line breaks up to the next token of a block context.
    pub(crate) fn skip_to_token(&mut self, tabs: bool) -> Result<(), YamlError> {
        loop {
            self.skip_white(tabs)?;
            self.skip_comment();
            if self.peek() == Some('\n') {
                self.bump();
                continue;
            }
            return Ok(());
        }
    }

    /// Skips spaces, tabs, comments and line breaks (flow context).
    pub(crate) fn skip_flow_space(&mut self) {
        loop {
            match self.peek() {
                Some(' ' | '\t' | '\n') => {
                    self.bump();
                }
                Some('#') => self.skip_comment(),
                _ => return,
            }
        }
    }

    /// A plain scalar starting here. In block context its continuation lines must be indented
    /// more than `parent`; it ends before `: `, ` #`, and in flow context a flow indicator.
    /// Returns the text and whether it spans lines.
    pub(crate) fn plain(&mut self, parent: isize, flow: bool) -> Result<(String, bool), YamlError> {
        let start = self.mark();
        let mut out = String::new();
        let mut multiline = false;
        // Whitespace and folded line breaks, kept only if more text follows.
        let mut spaces = String::new();
        loop {
            // One line's run.
            loop {
                let c = self.peek();
                match c {
                    None | Some('\n') => break,
                    Some(':') if self.at_value_indicator(flow) => return Ok((out, multiline)),
                    Some(' ' | '\t') => {
                        let mut n = 0;
                        while is_white(self.peek_at(n)) {
                            n += 1;
                        }
                        if matches!(self.peek_at(n), None | Some('\n' | '#')) {
                            // Trailing whitespace, or a comment: the run ends here.
                            for _ in 0..n {
                                self.bump();
                            }
                            if self.peek() == Some('#') {
                                return Ok((out, multiline));
                            }
                            break;
                        }
                        spaces.push(c.unwrap_or(' '));
                        self.bump();
                    }
                    Some(_) if flow && is_flow_indicator(c) => return Ok((out, multiline)),
                    Some(_) => {
                        out.push_str(&spaces);
                        spaces.clear();
                        // This character, whatever it is, and the run of ordinary ones after it.
                        let from = self.i;
                        self.bump();
                        self.ordinary_run(flow);
                        out.push_str(&self.text[from..self.i]);
                    }
                }
            }
            if self.peek() != Some('\n') {
                return Ok((out, multiline));
            }
            // Look at the following lines: a continuation folds into the text.
            let saved = (self.i, self.line, self.column);
            let mut breaks = 0usize;
            loop {
                if self.peek() == Some('\n') {
                    self.bump();
                    breaks += 1;
                }
                while is_white(self.peek()) {
                    if !flow && self.peek() == Some('\t') && (self.column as isize) < parent + 1 {
                        return Err(YamlError::scanner(
                            "found a tab character that violates indentation",
                            self.mark(),
                            start,
                        ));
                    }
                    self.bump();
                }
                if self.peek() != Some('\n') {
                    break;
                }
            }
            let ends = match self.peek() {
                None | Some('#') => true,
                _ => (!flow && (self.column as isize) <= parent) || self.at_document_marker(),
            };
            if ends {
                // go-yaml's plain scalar has read these blanks (its tabs allowed from the
                // scalar's indentation on): the next token starts after them.
                self.blanks_read_to = self.i;
                (self.i, self.line, self.column) = saved;
                return Ok((out, multiline));
            }
            spaces.clear();
            if breaks == 1 {
                spaces.push(' ');
            } else {
                spaces.extend(std::iter::repeat_n('\n', breaks - 1));
            }
            multiline = true;
        }
    }

    /// Moves over the characters from here that a plain scalar's line keeps as they are,
    /// whatever follows them: none of a line break, a blank, `:` (maybe a value indicator) and,
    /// in flow context, a flow indicator. All of those are ASCII, so the run ends at a character
    /// boundary; its characters are counted by their first bytes.
    fn ordinary_run(&mut self, flow: bool) {
        let from = self.i;
        let rest = &self.text.as_bytes()[from..];
        let len = rest
            .iter()
            .position(|&b| {
                matches!(b, b'\n' | b' ' | b'\t' | b':')
                    || (flow && matches!(b, b',' | b'[' | b']' | b'{' | b'}'))
            })
            .unwrap_or(rest.len());
        let chars = rest[..len].iter().filter(|&&b| b & 0xc0 != 0x80).count();
        self.i += len;
        self.column += chars;
    }

    /// A tag at its `!` (libyaml's `scan_tag`): `!`, `!suffix`, `!!suffix`, `!handle!suffix` or
    /// `!<verbatim>`, followed by a blank. Returns the core schema type it names (`str`,
    /// `int`, ...) or the tag as written.
    pub(crate) fn tag(&mut self, flow: bool) -> Result<String, YamlError> {
        let start = self.mark();
        self.bump();
        let missing =
            |cur: &Cursor, what: &'static str| Err(YamlError::scanner(what, cur.mark(), start));
        let (handle, uri) = if self.peek() == Some('<') {
            self.bump();
            let uri = self.tag_uri(start)?;
            if uri.is_empty() {
                return missing(self, "did not find expected tag URI");
            }
            if self.bump() != Some('>') {
                return missing(self, "did not find the expected '>'");
            }
            (String::new(), uri)
        } else {
            let mut word = String::new();
            while let Some(c) = self
                .peek()
                .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
            {
                word.push(c);
                self.bump();
            }
            if self.peek() == Some('!') {
                self.bump();
                let uri = self.tag_uri(start)?;
                if uri.is_empty() {
                    return missing(self, "did not find expected tag URI");
                }
                (format!("!{word}!"), uri)
            } else {
                let rest = self.tag_uri(start)?;
                ("!".to_string(), word + &rest)
            }
        };
        if !(is_blank(self.peek()) || flow && self.peek() == Some(',')) {
            return missing(self, "did not find expected whitespace or line break");
        }
        if !matches!(handle.as_str(), "" | "!" | "!!") {
            return Err(YamlError::parser(
                "found undefined tag handle",
                start,
                start,
            ));
        }
        let core = match handle.as_str() {
            "!!" => Some(uri.as_str()),
            "" => uri.strip_prefix("tag:yaml.org,2002:"),
            _ => None,
        };
        Ok(core.map_or_else(|| format!("{handle}{uri}"), str::to_string))
    }

    /// The URI characters of a tag, `%XX` escapes decoded (they must make UTF-8).
    fn tag_uri(&mut self, start: Mark) -> Result<String, YamlError> {
        let mut bytes = Vec::new();
        while let Some(c) = self.peek() {
            if c == '%' {
                let at = self.mark();
                let hex = |c: Option<char>| c.and_then(|c| c.to_digit(16));
                let (Some(h), Some(l)) = (hex(self.peek_at(1)), hex(self.peek_at(2))) else {
                    return Err(YamlError::scanner(
                        "did not find URI escaped octet",
                        at,
                        start,
                    ));
                };
                bytes.push((h * 16 + l) as u8);
                for _ in 0..3 {
                    self.bump();
                }
            } else if c.is_ascii_alphanumeric() || ";/?:@&=+$,.!~*'()[]-_".contains(c) {
                bytes.push(c as u8);
                self.bump();
            } else {
                break;
            }
        }
        String::from_utf8(bytes).map_err(|_| {
            YamlError::scanner("found an incorrect leading UTF-8 octet", self.mark(), start)
        })
    }

    /// A single- or double-quoted scalar starting at its quote.
    pub(crate) fn quoted(&mut self) -> Result<String, YamlError> {
        let start = self.mark();
        let single = self.bump() == Some('\'');
        let mut out = String::new();
        // Length of `out` up to its last character that is not folding whitespace.
        let mut keep = 0usize;
        loop {
            let Some(c) = self.peek() else {
                return Err(YamlError::scanner(
                    "found unexpected end of stream",
                    self.mark(),
                    start,
                ));
            };
            match c {
                '\'' if single => {
                    self.bump();
                    if self.peek() == Some('\'') {
                        self.bump();
                        out.push('\'');
                        keep = out.len();
                    } else {
                        return Ok(out);
                    }
                }
                '"' if !single => {
                    self.bump();
                    return Ok(out);
                }
                '\\' if !single && self.peek_at(1) == Some('\n') => {
                    self.bump();
                    self.bump();
                    self.fold_breaks(&mut out, start, false)?;
                    keep = out.len();
                }
                '\\' if !single => {
                    self.escape(&mut out, start)?;
                    keep = out.len();
                }
                ' ' | '\t' => {
                    self.bump();
                    out.push(c);
                }
                '\n' => {
                    out.truncate(keep);
                    self.bump();
                    self.fold_breaks(&mut out, start, true)?;
                    keep = out.len();
                }
                _ => {
                    self.bump();
                    out.push(c);
                    keep = out.len();
                }
            }
        }
    }

    /// After a line break inside a quoted scalar: skips the next lines' indentation; one break
    /// folds to a space (`space`), each further empty line gives `\n`.
    fn fold_breaks(&mut self, out: &mut String, start: Mark, space: bool) -> Result<(), YamlError> {
        let mut empty = 0usize;
        loop {
            while is_white(self.peek()) {
                self.bump();
            }
            if self.at_document_marker() {
                return Err(YamlError::scanner(
                    "found unexpected document indicator",
                    self.mark(),
                    start,
                ));
            }
            if self.peek() == Some('\n') {
                self.bump();
                empty += 1;
            } else {
                break;
            }
        }
        if empty == 0 {
            if space {
                out.push(' ');
            }
        } else {
            out.extend(std::iter::repeat_n('\n', empty));
        }
        Ok(())
    }

    /// One escape sequence of a double-quoted scalar, at its backslash.
    fn escape(&mut self, out: &mut String, start: Mark) -> Result<(), YamlError> {
        let at = self.mark();
        self.bump();
        let c = self.bump();
        let simple = match c {
            Some('0') => '\0',
            Some('a') => '\u{7}',
            Some('b') => '\u{8}',
            Some('t' | '\t') => '\t',
            Some('n') => '\n',
            Some('v') => '\u{b}',
            Some('f') => '\u{c}',
            Some('r') => '\r',
            Some('e') => '\u{1b}',
            Some(' ') => ' ',
            Some('"') => '"',
            Some('/') => '/',
            Some('\\') => '\\',
            Some('N') => '\u{85}',
            Some('_') => '\u{a0}',
            Some('L') => '\u{2028}',
            Some('P') => '\u{2029}',
            Some('x') => return self.hex(out, 2, start),
            Some('u') => return self.hex(out, 4, start),
            Some('U') => return self.hex(out, 8, start),
            _ => {
                return Err(YamlError::scanner(
                    "found unknown escape character",
                    at,
                    start,
                ));
            }
        };
        out.push(simple);
        Ok(())
    }

    fn hex(&mut self, out: &mut String, digits: usize, start: Mark) -> Result<(), YamlError> {
        let mut code = 0u32;
        for _ in 0..digits {
            let Some(d) = self.peek().and_then(|c| c.to_digit(16)) else {
                return Err(YamlError::scanner(
                    "did not find expected hexdecimal number",
                    self.mark(),
                    start,
                ));
            };
            self.bump();
            code = code * 16 + d;
        }
        match char::from_u32(code) {
            Some(c) => {
                out.push(c);
                Ok(())
            }
            None => Err(YamlError::scanner(
                "found invalid Unicode character escape code",
                self.mark(),
                start,
            )),
        }
    }

    /// A literal (`|`) or folded (`>`) block scalar at its indicator, in a block collection
    /// indented at `parent` (-1 at the top). Ends at the first line less indented than its
    /// content (the cursor at that line's first non-space). Returns the text and where its
    /// content starts.
    pub(crate) fn block_scalar(&mut self, parent: isize) -> Result<(String, Mark), YamlError> {
        let start = self.mark();
        let folded = self.bump() == Some('>');
        let mut chomp: Option<bool> = None; // Some(true): keep (+), Some(false): strip (-)
        let mut increment = 0usize;
        for _ in 0..2 {
            match self.peek() {
                Some('+') if chomp.is_none() => chomp = Some(true),
                Some('-') if chomp.is_none() => chomp = Some(false),
                Some('0') if increment == 0 => {
                    return Err(YamlError::scanner(
                        "found an indentation indicator equal to 0",
                        self.mark(),
                        start,
                    ));
                }
                Some(d @ '1'..='9') if increment == 0 => {
                    increment = d.to_digit(10).map_or(1, |d| d as usize);
                }
                _ => break,
            }
            self.bump();
        }
        while is_white(self.peek()) {
            self.bump();
        }
        self.skip_comment();
        match self.peek() {
            None => {}
            Some('\n') => {
                self.bump();
            }
            Some(_) => {
                return Err(YamlError::scanner(
                    "did not find expected comment or line break",
                    self.mark(),
                    start,
                ));
            }
        }
        // At least one more than the enclosing collection (go-yaml lets a document's top
        // scalar start at column 0).
        let floor = usize::try_from(parent + 1).unwrap_or(0);
        let indent = if increment > 0 {
            Some(usize::try_from(parent).map_or(increment, |p| p + increment))
        } else {
            None
        };
        let mut out = String::new();
        let mut trailing = String::new();
        let indent = self.block_breaks(indent, floor, &mut trailing, start)?;
        // An empty scalar at the end of the text is where its indicator is.
        let content = if self.at_end() { start } else { self.mark() };
        let mut leading_break = false;
        let mut leading_blank = false;
        while self.column == indent && !self.at_end() && !self.at_document_marker() {
            let trailing_blank = is_white(self.peek());
            if folded && leading_break && !leading_blank && !trailing_blank {
                if trailing.is_empty() {
                    out.push(' ');
                }
            } else if leading_break {
                out.push('\n');
            }
            out.push_str(&trailing);
            trailing.clear();
            leading_blank = is_white(self.peek());
            while !matches!(self.peek(), None | Some('\n')) {
                out.extend(self.bump());
            }
            // The last line counts as ended by a break (go-yaml reads `|` then `x` at the end
            // of the text as "x\n", as kubectl shows).
            leading_break = true;
            if self.at_end() {
                break;
            }
            self.bump();
            self.block_breaks(Some(indent), floor, &mut trailing, start)?;
        }
        if chomp != Some(false) && leading_break {
            out.push('\n');
        }
        if chomp == Some(true) {
            out.push_str(&trailing);
        }
        Ok((out, content))
    }

    /// The indentation and empty lines before a block scalar's next line; without an `indent`
    /// it settles the indentation from them (libyaml: the most spaces seen, at least `floor`).
    fn block_breaks(
        &mut self,
        indent: Option<usize>,
        floor: usize,
        breaks: &mut String,
        start: Mark,
    ) -> Result<usize, YamlError> {
        let mut most = 0usize;
        let short = |column: usize| indent.is_none_or(|i| column < i);
        loop {
            let line_start = self.i;
            while short(self.column) && self.peek() == Some(' ') {
                self.bump();
            }
            most = most.max(self.column);
            // A last line of only spaces counts as ended by a break: go-yaml reads `|+` then
            // ` ` at the end of the text as "\n" (kubectl shows it), as it ends a last line of
            // text with one.
            if self.at_end() && self.i > line_start {
                breaks.push('\n');
                break;
            }
            if short(self.column) && self.peek() == Some('\t') {
                return Err(YamlError::scanner(
                    "found a tab character where an indentation space is expected",
                    self.mark(),
                    start,
                ));
            }
            if self.peek() != Some('\n') {
                break;
            }
            self.bump();
            breaks.push('\n');
        }
        Ok(indent.unwrap_or(most.max(floor)))
    }
}
