//! `resource.Quantity`: kept as written (for output), compared in milli-units.

use serde::{Serialize, Serializer};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Quantity(pub String);

impl Quantity {
    /// The value in thousandths (`100m` → 100, `1` → 1000, `1Ki` → 1 024 000), saturating.
    /// `None` if the text is not a Kubernetes quantity.
    pub fn milli_value(&self) -> Option<i128> {
        parse_milli(self.0.trim())
    }
}

fn parse_milli(s: &str) -> Option<i128> {
    let split = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '+' || c == '-'))
        .unwrap_or(s.len());
    let (num, suffix) = s.split_at(split);
    let (negative, num) = match num.strip_prefix('-') {
        Some(n) => (true, n),
        None => (false, num.strip_prefix('+').unwrap_or(num)),
    };
    let (int_part, frac_part) = num.split_once('.').unwrap_or((num, ""));
    if int_part.is_empty() && frac_part.is_empty()
        || !int_part.bytes().all(|b| b.is_ascii_digit())
        || !frac_part.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    // Work in units of 10^-9 so that `m`, `u` and `n` suffixes stay exact enough.
    // Kubernetes keeps arbitrarily large quantities (`1e100` is a valid cpu request); here they
    // saturate, which compares and sums the same for anything a cluster could hold.
    let mut nanos: i128 = 0;
    for b in int_part.bytes() {
        nanos = nanos
            .saturating_mul(10)
            .saturating_add(i128::from(b - b'0') * 1_000_000_000);
    }
    let mut scale: i128 = 100_000_000;
    for b in frac_part.bytes().take(9) {
        nanos += i128::from(b - b'0') * scale;
        scale /= 10;
    }
    let (mul, div): (i128, i128) = match suffix {
        "" => (1, 1),
        "n" => (1, 1_000_000_000),
        "u" => (1, 1_000_000),
        "m" => (1, 1000),
        "k" => (1000, 1),
        "M" => (1_000_000, 1),
        "G" => (1_000_000_000, 1),
        "T" => (1_000_000_000_000, 1),
        "P" => (1_000_000_000_000_000, 1),
        "E" => (1_000_000_000_000_000_000, 1),
        "Ki" => (1 << 10, 1),
        "Mi" => (1 << 20, 1),
        "Gi" => (1 << 30, 1),
        "Ti" => (1 << 40, 1),
        "Pi" => (1 << 50, 1),
        "Ei" => (1 << 60, 1),
        _ => {
            // go's ParseInt of the exponent: any int32.
            let exp: i32 = suffix.strip_prefix(['e', 'E'])?.parse().ok()?;
            let pow = |e: i32| 10i128.checked_pow(e.unsigned_abs()).unwrap_or(i128::MAX);
            if exp >= 0 {
                (pow(exp), 1)
            } else {
                (1, pow(exp))
            }
        }
    };
    // nanos * mul / div is in 10^-9 units; milli = that / 10^6, rounded up as Kubernetes does.
    // Kubernetes rounds a non-zero amount up to at least one nano-unit.
    let scaled = (nanos.saturating_mul(mul) / div).max(i128::from(nanos > 0));
    // Rounded up: a non-zero amount never becomes zero.
    let milli = scaled.saturating_add(999_999) / 1_000_000;
    Some(if negative { -milli } else { milli })
}

impl Serialize for Quantity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

// The tests' reference decoding; the engine decodes with `api::decode`.
#[cfg(test)]
impl<'de> serde::Deserialize<'de> for Quantity {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::Deserialize;
        // Quantities may be written as YAML numbers (`cpu: 1`, `cpu: 0.5`).
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            S(String),
            I(i64),
            F(f64),
        }
        let text = match Raw::deserialize(d)? {
            Raw::S(s) => s,
            Raw::I(i) => i.to_string(),
            // Go's float formatting: `1e+100` rather than 101 digits.
            Raw::F(f) if f.abs() >= 1e21 => format!("{f:e}"),
            Raw::F(f) => f.to_string(),
        };
        if parse_milli(text.trim()).is_none() {
            return Err(serde::de::Error::custom(format!(
                "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': {text:?}"
            )));
        }
        Ok(Quantity(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Option<i128> {
        Quantity(s.into()).milli_value()
    }

    #[test]
    fn cpu_and_memory_units() {
        assert_eq!(m("100m"), Some(100));
        assert_eq!(m("0.5"), Some(500));
        assert_eq!(m("2"), Some(2000));
        assert_eq!(m("1Ki"), Some(1_024_000));
        assert_eq!(m("200Mi"), Some(200 * (1 << 20) * 1000));
        assert_eq!(m("1G"), Some(1_000_000_000_000));
        assert_eq!(m("1e3"), Some(1_000_000));
        assert_eq!(m("1n"), Some(1)); // rounded up to a milli-unit
        assert_eq!(m("abc"), None);
        assert_eq!(m(""), None);
        assert_eq!(m("1Zi"), None);
        // Issue 24: past i128 the value saturates rather than failing to parse.
        assert_eq!(m("1e100"), Some(i128::MAX / 1_000_000));
        assert_eq!(m("-1e100"), Some(-(i128::MAX / 1_000_000)));
        assert_eq!(m("1e-100"), Some(1));
        assert_eq!(m("-100m"), Some(-100));
    }
}
