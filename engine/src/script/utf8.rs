//! A scenario file's bytes as text: invalid UTF-8 is reported at its line and column, as a
//! line that cannot be read is.

use super::ScriptError;

/// The text of a scenario read from disk, or where its first invalid byte is.
pub fn script_text(bytes: Vec<u8>) -> Result<String, ScriptError> {
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let bad = e.utf8_error().valid_up_to();
        let before = &bytes[..bad];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        // Characters before it on its line (everything there is valid UTF-8).
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        ScriptError {
            line,
            message: format!(
                "not UTF-8 text: byte 0x{:02x} at column {column}",
                bytes[bad]
            ),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_reported_with_its_line_and_column() {
        let e = script_text(b"sim seed 1\nkubectl get pods \xc3\xa9\xff\n".to_vec())
            .expect_err("not UTF-8");
        assert_eq!(e.line, 2);
        assert_eq!(e.message, "not UTF-8 text: byte 0xff at column 19");
        assert_eq!(
            script_text(b"ok\n".to_vec()).expect("UTF-8"),
            "ok\n".to_string()
        );
    }
}
