//! Durations as kubectl reads and prints them.
//!
//! - [`parse_duration`] reads Go's `time.ParseDuration` grammar, because `sim advance 1h30m`,
//!   `--timeout=30s` and every kubectl duration flag use it (`500ms`, `1.5s`, `2m`, `1h30m`,
//!   `0`); its errors are Go's texts, so they can be embedded in kubectl's flag errors.
//! - [`human_duration`] is `k8s.io/apimachinery/pkg/util/duration.HumanDuration`, the AGE column
//!   of `kubectl get` (`45s`, `119s`, `2m5s`, `10m`, `3h5m`, `8h`, `2d3h`, `9d`, `2y10d`).
//! - [`short_human_duration`] is `ShortHumanDuration` from the same file.

use std::time::Duration;

const NANOS_PER_UNIT: [(&str, u64); 8] = [
    ("ns", 1),
    ("us", 1_000),
    ("\u{b5}s", 1_000),  // U+00B5 micro sign
    ("\u{3bc}s", 1_000), // U+03BC Greek small letter mu
    ("ms", 1_000_000),
    ("s", 1_000_000_000),
    ("m", 60_000_000_000),
    ("h", 3_600_000_000_000),
];

/// Reads a duration in Go's `time.ParseDuration` grammar: an optional sign, then one or more
/// decimal numbers (with optional fraction) each followed by a unit `ns`, `us` (or `µs`), `ms`,
/// `s`, `m`, `h`; `0` alone needs no unit. Negative durations are refused (the simulator has
/// no use for them). The error is Go's text, e.g. `time: missing unit in duration "1"`.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let nanos = parse_go_duration(s)?;
    if nanos < 0 {
        return Err(format!(
            "negative durations are not supported: {}",
            go_time_quote(s)
        ));
    }
    Ok(Duration::from_nanos(nanos.unsigned_abs()))
}

/// Go's `time.ParseDuration`, returning signed nanoseconds (Go's `time.Duration`), with Go's
/// error texts. Used by pflag-style `Duration` flags, which accept negative values.
pub(crate) fn parse_go_duration(orig: &str) -> Result<i64, String> {
    let invalid = || format!("time: invalid duration {}", go_time_quote(orig));
    let mut s = orig;
    let mut neg = false;
    if let Some(rest) = s.strip_prefix('-') {
        neg = true;
        s = rest;
    } else if let Some(rest) = s.strip_prefix('+') {
        s = rest;
    }
    if s == "0" {
        return Ok(0);
    }
    if s.is_empty() {
        return Err(invalid());
    }
    // Accumulated magnitude; Go allows up to 1<<63 (for the negative extreme).
    let limit: u64 = 1 << 63;
    let mut total: u64 = 0;
    while !s.is_empty() {
        let first = s.as_bytes()[0];
        if !(first == b'.' || first.is_ascii_digit()) {
            return Err(invalid());
        }
        // Integer part.
        let int_len = s.bytes().take_while(u8::is_ascii_digit).count();
        let mut v: u64 = 0;
        for b in s[..int_len].bytes() {
            if v > limit / 10 {
                return Err(invalid());
            }
            v = v * 10 + u64::from(b - b'0');
            if v > limit {
                return Err(invalid());
            }
        }
        let pre = int_len > 0;
        s = &s[int_len..];
        // Fraction part: digits beyond 63 bits of precision are read but ignored.
        let mut f: u64 = 0;
        let mut scale: f64 = 1.0;
        let mut post = false;
        if let Some(rest) = s.strip_prefix('.') {
            s = rest;
            let frac_len = s.bytes().take_while(u8::is_ascii_digit).count();
            post = frac_len > 0;
            let mut overflow = false;
            for b in s[..frac_len].bytes() {
                if overflow {
                    continue;
                }
                if f > (limit - 1) / 10 {
                    overflow = true;
                    continue;
                }
                let y = f * 10 + u64::from(b - b'0');
                if y > limit {
                    overflow = true;
                    continue;
                }
                f = y;
                scale *= 10.0;
            }
            s = &s[frac_len..];
        }
        if !pre && !post {
            return Err(invalid());
        }
        // Unit: everything up to the next digit or '.'.
        let unit_len = s
            .char_indices()
            .find(|&(_, c)| c == '.' || c.is_ascii_digit())
            .map_or(s.len(), |(i, _)| i);
        if unit_len == 0 {
            return Err(format!(
                "time: missing unit in duration {}",
                go_time_quote(orig)
            ));
        }
        let unit_text = &s[..unit_len];
        s = &s[unit_len..];
        let Some(&(_, unit)) = NANOS_PER_UNIT.iter().find(|(u, _)| *u == unit_text) else {
            return Err(format!(
                "time: unknown unit {} in duration {}",
                go_time_quote(unit_text),
                go_time_quote(orig)
            ));
        };
        if v > limit / unit {
            return Err(invalid());
        }
        v *= unit;
        if f > 0 {
            // Go uses float64 here so that fractions of hours are nanosecond-accurate.
            v += (f as f64 * (unit as f64 / scale)) as u64;
            if v > limit {
                return Err(invalid());
            }
        }
        // Go adds in uint64; both terms are at most 1<<63, so only their sum can overflow.
        total = total.checked_add(v).ok_or_else(invalid)?;
        if total > limit {
            return Err(invalid());
        }
    }
    if neg {
        // total <= 1<<63, so the negation fits in i64.
        return Ok((total as i64).wrapping_neg());
    }
    if total > limit - 1 {
        return Err(invalid());
    }
    Ok(total as i64)
}

/// The `quote` helper of Go's `time` package (not `strconv.Quote`): bytes outside printable
/// ASCII are written as `\xNN`, `"` and `\` are backslash-escaped.
fn go_time_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if (c as u32) >= 0x80 || c < ' ' {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("\\x{b:02x}"));
            }
        } else {
            if c == '"' || c == '\\' {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out.push('"');
    out
}

/// kubectl's AGE format (`apimachinery/pkg/util/duration.HumanDuration`): about two or three
/// significant figures, e.g. `119s`, `2m5s`, `10m`, `3h5m`, `8h`, `2d3h`, `9d`, `2y10d`, `8y`.
pub fn human_duration(d: Duration) -> String {
    let seconds = d.as_secs();
    if seconds < 60 * 2 {
        return format!("{seconds}s");
    }
    let minutes = seconds / 60;
    if minutes < 10 {
        let s = seconds % 60;
        if s == 0 {
            return format!("{minutes}m");
        }
        return format!("{minutes}m{s}s");
    } else if minutes < 60 * 3 {
        return format!("{minutes}m");
    }
    let hours = seconds / 3600;
    if hours < 8 {
        let m = minutes % 60;
        if m == 0 {
            return format!("{hours}h");
        }
        format!("{hours}h{m}m")
    } else if hours < 48 {
        format!("{hours}h")
    } else if hours < 24 * 8 {
        let h = hours % 24;
        if h == 0 {
            return format!("{}d", hours / 24);
        }
        format!("{}d{h}h", hours / 24)
    } else if hours < 24 * 365 * 2 {
        format!("{}d", hours / 24)
    } else if hours < 24 * 365 * 8 {
        let dy = (hours / 24) % 365;
        if dy == 0 {
            return format!("{}y", hours / 24 / 365);
        }
        format!("{}y{dy}d", hours / 24 / 365)
    } else {
        format!("{}y", hours / 24 / 365)
    }
}

/// `apimachinery/pkg/util/duration.ShortHumanDuration`: one unit only (`59s`, `1m`, `23h`,
/// `364d`, `2y`).
pub fn short_human_duration(d: Duration) -> String {
    let seconds = d.as_secs();
    if seconds < 60 {
        return format!("{seconds}s");
    }
    let minutes = seconds / 60;
    if minutes < 60 {
        return format!("{minutes}m");
    }
    let hours = seconds / 3600;
    if hours < 24 {
        format!("{hours}h")
    } else if hours < 24 * 365 {
        format!("{}d", hours / 24)
    } else {
        format!("{}y", hours / 24 / 365)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SECOND: u64 = 1;
    const MINUTE: u64 = 60;
    const HOUR: u64 = 3600;
    const DAY: u64 = 24 * HOUR;
    const MS: Duration = Duration::from_millis(1);

    fn secs(n: u64) -> Duration {
        Duration::from_secs(n)
    }

    /// apimachinery `duration_test.go` `TestHumanDuration`.
    #[test]
    fn test_human_duration() {
        let cases = [
            (secs(SECOND), "1s"),
            (secs(70 * SECOND), "70s"),
            (secs(190 * SECOND), "3m10s"),
            (secs(70 * MINUTE), "70m"),
            (secs(47 * HOUR), "47h"),
            (secs(49 * HOUR), "2d1h"),
            (secs((8 * 24 + 2) * HOUR), "8d"),
            (secs(367 * 24 * HOUR), "367d"),
            (secs((365 * 2 * 24 + 25) * HOUR), "2y1d"),
            (secs((365 * 8 * 24 + 2) * HOUR), "8y"),
        ];
        for (d, want) in cases {
            assert_eq!(human_duration(d), want, "{d:?}");
        }
    }

    /// apimachinery `duration_test.go` `TestHumanDurationBoundaries` (the two negative cases
    /// cannot be expressed with `std::time::Duration`).
    #[test]
    fn test_human_duration_boundaries() {
        let cases = [
            (secs(0), "0s"),
            (secs(SECOND) - MS, "0s"),
            (secs(2 * MINUTE) - MS, "119s"),
            (secs(2 * MINUTE), "2m"),
            (secs(2 * MINUTE + SECOND), "2m1s"),
            (secs(10 * MINUTE) - MS, "9m59s"),
            (secs(10 * MINUTE), "10m"),
            (secs(10 * MINUTE + SECOND), "10m"),
            (secs(3 * HOUR) - MS, "179m"),
            (secs(3 * HOUR), "3h"),
            (secs(3 * HOUR + MINUTE), "3h1m"),
            (secs(8 * HOUR) - MS, "7h59m"),
            (secs(8 * HOUR), "8h"),
            (secs(8 * HOUR + 59 * MINUTE), "8h"),
            (secs(2 * DAY) - MS, "47h"),
            (secs(2 * DAY), "2d"),
            (secs(2 * DAY + HOUR), "2d1h"),
            (secs(8 * DAY) - MS, "7d23h"),
            (secs(8 * DAY), "8d"),
            (secs(8 * DAY + 23 * HOUR), "8d"),
            (secs(2 * 365 * DAY) - MS, "729d"),
            (secs(2 * 365 * DAY), "2y"),
            (secs(2 * 365 * DAY + 23 * HOUR), "2y"),
            (secs(2 * 365 * DAY + 23 * HOUR + 59 * MINUTE), "2y"),
            (secs(2 * 365 * DAY + DAY) - MS, "2y"),
            (secs(2 * 365 * DAY + DAY), "2y1d"),
            (secs(3 * 365 * DAY), "3y"),
            (secs(4 * 365 * DAY), "4y"),
            (secs(5 * 365 * DAY), "5y"),
            (secs(6 * 365 * DAY), "6y"),
            (secs(7 * 365 * DAY), "7y"),
            (secs(8 * 365 * DAY) - MS, "7y364d"),
            (secs(8 * 365 * DAY), "8y"),
            (secs(8 * 365 * DAY + 364 * DAY), "8y"),
            (secs(9 * 365 * DAY), "9y"),
        ];
        for (d, want) in cases {
            assert_eq!(human_duration(d), want, "{d:?}");
        }
    }

    /// apimachinery `duration_test.go` `TestShortHumanDurationBoundaries` (non-negative cases).
    #[test]
    fn test_short_human_duration_boundaries() {
        let cases = [
            (secs(0), "0s"),
            (secs(SECOND) - MS, "0s"),
            (secs(SECOND), "1s"),
            (secs(2 * SECOND) - MS, "1s"),
            (secs(MINUTE) - MS, "59s"),
            (secs(MINUTE), "1m"),
            (secs(2 * MINUTE) - MS, "1m"),
            (secs(HOUR) - MS, "59m"),
            (secs(HOUR), "1h"),
            (secs(2 * HOUR) - MS, "1h"),
            (secs(DAY) - MS, "23h"),
            (secs(DAY), "1d"),
            (secs(2 * DAY) - MS, "1d"),
            (secs(365 * DAY) - MS, "364d"),
            (secs(365 * DAY), "1y"),
            (secs(2 * 365 * DAY) - MS, "1y"),
            (secs(2 * 365 * DAY), "2y"),
        ];
        for (d, want) in cases {
            assert_eq!(short_human_duration(d), want, "{d:?}");
        }
    }

    /// The examples of the brief and of the scenario language (`sim advance`).
    #[test]
    fn parse_duration_accepts_go_forms() {
        let ok = |s: &str, d: Duration| assert_eq!(parse_duration(s), Ok(d), "{s}");
        ok("500ms", Duration::from_millis(500));
        ok("30s", secs(30));
        ok("2m", secs(120));
        ok("1h30m", secs(5400));
        ok("1.5s", Duration::from_millis(1500));
        ok("0", Duration::ZERO);
        ok("+0", Duration::ZERO);
        ok("-0", Duration::ZERO);
        ok("0s", Duration::ZERO);
        ok(".5s", Duration::from_millis(500));
        ok("1.s", secs(1));
        ok("7ns", Duration::from_nanos(7));
        ok("1us", Duration::from_micros(1));
        ok("1\u{b5}s", Duration::from_micros(1));
        ok("1\u{3bc}s", Duration::from_micros(1));
        ok("1.5h", secs(5400));
        ok("1h1m1s1ms1us1ns", Duration::from_nanos(3_661_001_001_001));
        ok("+5s", secs(5));
        ok(
            "9223372036854775807ns",
            Duration::from_nanos(i64::MAX as u64),
        );
    }

    /// Go's texts, as `time.ParseDuration` returns them (and as pflag embeds them).
    #[test]
    fn parse_duration_errors_read_like_go() {
        let err = |s: &str, msg: &str| assert_eq!(parse_duration(s), Err(msg.to_string()), "{s}");
        err("", "time: invalid duration \"\"");
        err("abc", "time: invalid duration \"abc\"");
        err("10", "time: missing unit in duration \"10\"");
        err("5x", "time: unknown unit \"x\" in duration \"5x\"");
        err("1..5s", "time: missing unit in duration \"1..5s\"");
        err(".s", "time: invalid duration \".s\"");
        err("-", "time: invalid duration \"-\"");
        err("s", "time: invalid duration \"s\"");
        err("1 s", "time: unknown unit \" s\" in duration \"1 s\"");
        err("\u{663}s", "time: invalid duration \"\\xd9\\xa3s\"");
        err(
            "5\u{b5}x",
            "time: unknown unit \"\\xc2\\xb5x\" in duration \"5\\xc2\\xb5x\"",
        );
        err(
            "9223372036854775808ns",
            "time: invalid duration \"9223372036854775808ns\"",
        );
        err("3000000h", "time: invalid duration \"3000000h\"");
        err("1d", "time: unknown unit \"d\" in duration \"1d\"");
        err(
            "9223372036854775808ns9223372036854775808ns",
            "time: invalid duration \"9223372036854775808ns9223372036854775808ns\"",
        );
        err("2562047h48m", "time: invalid duration \"2562047h48m\"");
        err("-1s", "negative durations are not supported: \"-1s\"");
    }

    #[test]
    fn go_duration_keeps_the_sign_for_flags() {
        assert_eq!(parse_go_duration("-1s"), Ok(-1_000_000_000));
        assert_eq!(parse_go_duration("-9223372036854775808ns"), Ok(i64::MIN));
    }

    proptest! {
        /// `parse_duration` never panics, whatever the input.
        #[test]
        fn parse_duration_never_panics(s in ".*") {
            let _ = parse_duration(&s);
        }

        /// Nor on inputs that look like durations.
        #[test]
        fn parse_duration_never_panics_on_near_misses(s in "[-+]?[0-9.]{0,25}(ns|us|ms|s|m|h|x|µs)?([0-9.]{0,25}(s|m|h))?") {
            let _ = parse_duration(&s);
        }

        /// Whole seconds read back exactly.
        #[test]
        fn whole_seconds_round_trip(n in 0u64..10_000_000) {
            prop_assert_eq!(parse_duration(&format!("{n}s")), Ok(Duration::from_secs(n)));
        }

        #[test]
        fn human_duration_never_panics(n in any::<u64>(), nanos in 0u32..1_000_000_000) {
            let _ = human_duration(Duration::new(n, nanos));
            let _ = short_human_duration(Duration::new(n, nanos));
        }
    }
}
