//! `resource.Quantity` (apimachinery `pkg/api/resource`): parsed once, held as its exact value
//! and format, and printed in the API server's canonical form (`Quantity.String()`).
//!
//! The value is `mantissa × 10^exp`, exact, for every quantity whose digits (trailing zeros
//! aside) fit an `i64` — all a cluster holds. A longer one (`123456789012345678901234`) keeps
//! its canonical text, computed exactly here on its decimal digits, and its value in
//! thousandths (saturating) for sums and comparisons.
//!
//! As the API server does, a quantity is stored as `ParseQuantity(q.String())` of what the
//! client sent: `0.5` → `500m`, `1000m` → `1`, `1024Mi` → `1Gi`, `2000` → `2k`. Input that
//! `ParseQuantity` keeps verbatim (already canonical, or `+1`, `1E3`) prints as written, as
//! Kubernetes prints it. The manifest's own form (a YAML number, or the text as written) is
//! kept beside the value only for the `last-applied-configuration` annotation, which kubectl
//! writes from the manifest and not from the stored object.

use std::fmt;

/// `resource.Format`: how a quantity was written, and so how it prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// `12M`, `500m`, `2`.
    #[default]
    DecimalSI,
    /// `12Mi`.
    BinarySI,
    /// `12e6`.
    DecimalExponent,
}

/// Why text is not a quantity: apimachinery's three errors, with their text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuantityError {
    /// `ErrFormatWrong`.
    FormatWrong,
    /// `ErrNumeric`.
    Numeric,
    /// `ErrSuffix`.
    Suffix,
}

impl QuantityError {
    pub fn message(self) -> &'static str {
        match self {
            QuantityError::FormatWrong => {
                "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
            }
            QuantityError::Numeric => "unable to parse numeric part of quantity",
            QuantityError::Suffix => "unable to parse quantity's suffix",
        }
    }
}

impl fmt::Display for QuantityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

/// A quantity: its exact value and format (see the module's note).
#[derive(Debug, Clone, Default)]
pub struct Quantity {
    /// With `exp`, the value `mantissa × 10^exp`; trailing zeros moved into `exp` (zero has
    /// `exp` 0). Zero when `extra` holds a long value.
    mantissa: i64,
    exp: i32,
    format: Format,
    /// What the three fields above cannot say; `None` for nearly every quantity.
    extra: Option<Box<Extra>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Extra {
    /// `String()` when it is not the canonical text of the fields: the input `ParseQuantity`
    /// keeps verbatim (`+1`), a long value's canonical text, or text that is not a quantity
    /// (only [`Quantity()`] makes one; decoding refuses it).
    text: Option<Box<str>>,
    /// A long value in thousandths (rounded up, saturating).
    long_milli: Option<i128>,
    /// `text` is not a quantity.
    invalid: bool,
    /// The manifest's own form, when it differs from `String()` (for the last-applied annotation).
    written: Option<Written>,
}

/// A quantity as a manifest wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Written {
    /// A JSON number's text (`0.5`, `1`).
    Number(Box<str>),
    /// A string, as written (`1000m`).
    Text(Box<str>),
}

/// The saturation bound of [`Quantity::milli_value`] (the same as before quantities were parsed
/// once): far beyond any cluster, and a sum of many still fits an `i128`.
const MILLI_LIMIT: i128 = i128::MAX / 1_000_000;

/// Equal when stored alike: the same value, format and text (what the API server would write);
/// the manifest's own form is not part of the stored object.
impl PartialEq for Quantity {
    fn eq(&self, other: &Self) -> bool {
        let stored = |q: &Quantity| {
            q.extra
                .as_ref()
                .map(|e| (e.text.clone(), e.long_milli, e.invalid))
                .unwrap_or_default()
        };
        self.mantissa == other.mantissa
            && self.exp == other.exp
            && self.format == other.format
            && stored(self) == stored(other)
    }
}

impl Eq for Quantity {}

/// The quantity `text` as the API server stores it; text that is not a quantity is kept as it is
/// (with no value: [`Quantity::milli_value`] is `None`). The constructor's name is the one the
/// tuple struct had, so the engine's tests build quantities as before.
#[allow(non_snake_case)]
pub fn Quantity(text: String) -> Quantity {
    Quantity::parse(&text).unwrap_or_else(|_| Quantity {
        extra: Some(Box::new(Extra {
            text: Some(text.into()),
            invalid: true,
            ..Extra::default()
        })),
        ..Quantity::default()
    })
}

impl Quantity {
    /// `ParseQuantity(text)` then stored: `ParseQuantity(q.String())`, as the API server keeps it.
    pub fn parse(text: &str) -> Result<Quantity, QuantityError> {
        let first = parse_quantity(text)?;
        if first.verbatim {
            return Ok(Quantity::from_parsed(first, text));
        }
        let q = Quantity::from_parsed(first, text);
        q.with_text(|canonical| {
            let stored = parse_quantity(canonical)?;
            Ok(Quantity::from_parsed(stored, canonical))
        })
    }

    /// `f` of `String()`, without allocating for a value that fits the fields.
    pub fn with_text<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        if let Some(t) = self.extra.as_ref().and_then(|e| e.text.as_deref()) {
            return f(t);
        }
        let mut buf = TextBuf::default();
        match write_small(&mut buf, self.mantissa, self.exp, self.format) {
            Ok(()) => f(buf.as_str()),
            Err(_) => f(&self.canonical_text()),
        }
    }

    /// A decoded manifest's quantity: the text (a string's, or a JSON number's) parsed and
    /// stored, with the manifest's own form kept when it differs from what the API server
    /// prints.
    pub(crate) fn decode(text: &str, number: bool) -> Result<Quantity, QuantityError> {
        let mut q = Quantity::parse(text.trim())?;
        if number || q.with_text(|t| t != text) {
            let written = if number {
                Written::Number(text.into())
            } else {
                Written::Text(text.into())
            };
            q.extra.get_or_insert_with(Box::default).written = Some(written);
        }
        Ok(q)
    }

    /// The manifest's own form, `(text, is_number)`, kept where it differs from `String()`
    /// (for the last-applied annotation only).
    pub(crate) fn written_form(&self) -> Option<(&str, bool)> {
        match self.extra.as_ref()?.written.as_ref()? {
            Written::Number(t) => Some((t, true)),
            Written::Text(t) => Some((t, false)),
        }
    }

    /// Whether the manifest's own form is kept (it differs from `String()`).
    pub fn has_written(&self) -> bool {
        self.extra.as_ref().is_some_and(|e| e.written.is_some())
    }

    /// Drops the manifest's own form (the stored object does not have it).
    pub fn forget_written(&mut self) {
        if let Some(e) = &mut self.extra {
            e.written = None;
            if e.text.is_none() && e.long_milli.is_none() && !e.invalid {
                self.extra = None;
            }
        }
    }

    pub fn format(&self) -> Format {
        self.format
    }

    /// The value in thousandths (`100m` → 100, `1` → 1000, `1Ki` → 1 024 000), rounded up
    /// (away from zero) as `MilliValue()` does, saturating far beyond any cluster.
    /// `None` only for text [`Quantity()`] was given that is not a quantity.
    pub fn milli_value(&self) -> Option<i128> {
        match &self.extra {
            Some(e) if e.invalid => None,
            Some(e) if e.long_milli.is_some() => e.long_milli,
            _ => Some(small_milli(self.mantissa, self.exp)),
        }
    }

    /// `Quantity.Cmp`: the values compared exactly; `None` if either is not a quantity.
    pub fn cmp_value(&self, other: &Quantity) -> Option<std::cmp::Ordering> {
        Some(self.exact()?.cmp_exact(&other.exact()?))
    }

    /// The exact value.
    fn exact(&self) -> Option<Dec> {
        match &self.extra {
            Some(e) if e.invalid => None,
            Some(e) if e.long_milli.is_some() => {
                let mut d = parse_quantity(e.text.as_deref()?).ok()?.dec();
                d.strip_zeros();
                Some(d)
            }
            _ => Some(Dec::of_small(self.mantissa, self.exp)),
        }
    }

    fn from_parsed(p: Parsed, text: &str) -> Quantity {
        let verbatim = p.verbatim;
        let format = p.format;
        let small = match p.value {
            ParsedValue::Small(m, e) => strip_small(m, e),
            ParsedValue::Long(mut dec) => {
                dec.strip_zeros();
                let fits = dec.digits.len() <= 18;
                match (fits, i32::try_from(dec.exp)) {
                    (true, Ok(e)) => {
                        let m = digits_value(&dec.digits);
                        Some((if dec.neg { -m } else { m }, e))
                    }
                    _ => {
                        return Quantity {
                            mantissa: 0,
                            exp: 0,
                            format,
                            extra: Some(Box::new(Extra {
                                text: Some(Dec::canonical_of(&dec, format).into()),
                                long_milli: Some(dec.milli()),
                                ..Extra::default()
                            })),
                        };
                    }
                }
            }
        };
        match small {
            Some((mantissa, exp)) => {
                let mut q = Quantity {
                    mantissa,
                    exp,
                    format,
                    extra: None,
                };
                if verbatim && q.with_text(|t| t != text) {
                    q.extra = Some(Box::new(Extra {
                        text: Some(text.into()),
                        ..Extra::default()
                    }));
                }
                q
            }
            // Trailing zeros past an i32 exponent (`10e2147483647`): kept as Go prints it.
            None => Quantity {
                mantissa: 0,
                exp: 0,
                format,
                extra: Some(Box::new(Extra {
                    text: Some(text.into()),
                    long_milli: Some(MILLI_LIMIT),
                    ..Extra::default()
                })),
            },
        }
    }

    /// `CanonicalizeBytes` of the fields.
    fn canonical_text(&self) -> String {
        Dec::canonical_of(&Dec::of_small(self.mantissa, self.exp), self.format)
    }
}

/// `Quantity.String()`.
impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.with_text(|t| f.write_str(t))
    }
}

/// `mantissa × 10^exp` in thousandths, rounded away from zero, saturating at [`MILLI_LIMIT`].
fn small_milli(mantissa: i64, exp: i32) -> i128 {
    if mantissa == 0 {
        return 0;
    }
    let m = i128::from(mantissa.unsigned_abs());
    let shift = i64::from(exp) + 3;
    let magnitude = if shift >= 0 {
        u32::try_from(shift)
            .ok()
            .and_then(|s| 10i128.checked_pow(s))
            .and_then(|p| m.checked_mul(p))
            .map_or(MILLI_LIMIT, |v| v.min(MILLI_LIMIT))
    } else {
        match u32::try_from(-shift)
            .ok()
            .and_then(|s| 10i128.checked_pow(s))
        {
            Some(p) => (m + p - 1) / p,
            None => 1,
        }
    };
    if mantissa < 0 { -magnitude } else { magnitude }
}

/// `m × 10^e` with the trailing zeros of `m` moved into `e`; `None` past an i32 exponent.
fn strip_small(mut m: i64, mut e: i32) -> Option<(i64, i32)> {
    if m == 0 {
        return Some((0, 0));
    }
    while m % 10 == 0 {
        m /= 10;
        e = e.checked_add(1)?;
    }
    Some((m, e))
}

/// A binary value's largest power of 1024 that divides it, as its suffix: `2048` → `2Ki`.
fn in_powers_of_1024(mut v: u128) -> (u128, &'static str) {
    const SUFFIXES: [&str; 7] = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];
    let mut times = 0;
    while v >= 1024 && v.is_multiple_of(1024) && times + 1 < SUFFIXES.len() {
        v /= 1024;
        times += 1;
    }
    (v, SUFFIXES[times])
}

/// `CanonicalizeBytes` of `m × 10^e` (trailing zeros stripped) in `format`, written without
/// allocating: the decimal form pads the exponent down to a multiple of three, a binary value of
/// at least 1024 that is an integer prints in powers of 1024.
fn write_small(out: &mut impl fmt::Write, m: i64, e: i32, format: Format) -> fmt::Result {
    if m == 0 {
        return out.write_str("0");
    }
    let sign = if m < 0 { "-" } else { "" };
    let magnitude = i128::from(m.unsigned_abs());
    if format == Format::BinarySI && e >= 0 {
        // Binary values are at most i64::MAX: 10^e fits when the value does.
        if let Some(v) = u32::try_from(e)
            .ok()
            .and_then(|e| 10i128.checked_pow(e))
            .and_then(|p| magnitude.checked_mul(p))
            && v >= 1024
        {
            let (v, suffix) = in_powers_of_1024(v.unsigned_abs());
            return write!(out, "{sign}{v}{suffix}");
        }
    }
    let pad = e.rem_euclid(3);
    let digits = magnitude * 10i128.pow(pad.unsigned_abs());
    let exp = i64::from(e) - i64::from(pad);
    match format {
        Format::DecimalExponent => {
            write!(out, "{sign}{digits}")?;
            if exp != 0 {
                write!(out, "e{exp}")?;
            }
            Ok(())
        }
        _ => write!(out, "{sign}{digits}{}", decimal_suffix(exp)),
    }
}

/// The decimal SI suffix of an exponent; none past `E` (`1000E` prints `1`, as Kubernetes does).
fn decimal_suffix(exp: i64) -> &'static str {
    match exp {
        -9 => "n",
        -6 => "u",
        -3 => "m",
        3 => "k",
        6 => "M",
        9 => "G",
        12 => "T",
        15 => "P",
        18 => "E",
        _ => "",
    }
}

/// A quantity's text on the stack (the longest small one is under 40 bytes).
struct TextBuf {
    buf: [u8; 48],
    len: usize,
}

impl Default for TextBuf {
    fn default() -> Self {
        TextBuf {
            buf: [0; 48],
            len: 0,
        }
    }
}

impl TextBuf {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default()
    }
}

impl fmt::Write for TextBuf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        let dst = self.buf.get_mut(self.len..end).ok_or(fmt::Error)?;
        dst.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

fn digits_value(digits: &[u8]) -> i64 {
    digits
        .iter()
        .fold(0i64, |v, d| v * 10 + i64::from(d - b'0'))
}

/// An exact decimal: `±digits × 10^exp` (ASCII digits, no leading zeros; empty is zero).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Dec {
    neg: bool,
    digits: Vec<u8>,
    exp: i64,
}

impl Dec {
    /// `m × 10^e`, trailing zeros stripped.
    fn of_small(m: i64, e: i32) -> Dec {
        let mut d = Dec {
            neg: m < 0,
            digits: if m == 0 {
                Vec::new()
            } else {
                m.unsigned_abs().to_string().into_bytes()
            },
            exp: i64::from(e),
        };
        d.strip_zeros();
        d
    }

    fn is_zero(&self) -> bool {
        self.digits.is_empty()
    }

    /// Compares two values with trailing zeros stripped.
    fn cmp_exact(&self, other: &Dec) -> std::cmp::Ordering {
        use std::cmp::Ordering;
        let sign = |d: &Dec| {
            if d.is_zero() {
                0
            } else if d.neg {
                -1
            } else {
                1
            }
        };
        let (a, b) = (sign(self), sign(other));
        if a != b || a == 0 {
            return a.cmp(&b);
        }
        // Magnitudes: the position of the leading digit, then the digits.
        let top = |d: &Dec| i128::from(d.exp) + d.digits.len() as i128;
        let magnitude = match top(self).cmp(&top(other)) {
            Ordering::Equal => {
                let n = self.digits.len().max(other.digits.len());
                let at = |d: &Dec, i: usize| d.digits.get(i).copied().unwrap_or(b'0');
                (0..n)
                    .map(|i| at(self, i).cmp(&at(other, i)))
                    .find(|o| o.is_ne())
                    .unwrap_or(Ordering::Equal)
            }
            o => o,
        };
        if a < 0 {
            magnitude.reverse()
        } else {
            magnitude
        }
    }

    /// Moves trailing zeros into the exponent (`removeInt64Factors(_, 10)`).
    fn strip_zeros(&mut self) {
        while self.digits.last() == Some(&b'0') {
            self.digits.pop();
            self.exp += 1;
        }
        if self.digits.is_empty() {
            self.exp = 0;
            self.neg = false;
        }
    }

    fn trim_leading(&mut self) {
        let lead = self.digits.iter().take_while(|&&d| d == b'0').count();
        self.digits.drain(..lead);
    }

    /// The magnitude times `2^k`.
    fn mul_pow2(&mut self, k: u32) {
        for _ in 0..k {
            let mut carry = 0u8;
            for d in self.digits.iter_mut().rev() {
                let v = (*d - b'0') * 2 + carry;
                *d = b'0' + v % 10;
                carry = v / 10;
            }
            if carry > 0 {
                self.digits.insert(0, b'0' + carry);
            }
        }
    }

    /// Adds one unit in the last place to the magnitude.
    fn increment(&mut self) {
        for d in self.digits.iter_mut().rev() {
            if *d == b'9' {
                *d = b'0';
            } else {
                *d += 1;
                return;
            }
        }
        self.digits.insert(0, b'1');
    }

    /// `Round(amount, Nano, RoundUp)`: to at most nine decimals, away from zero.
    fn round_up_to_nano(&mut self) {
        if self.is_zero() || self.exp >= -9 {
            return;
        }
        let drop = -9 - self.exp;
        let keep = i64::try_from(self.digits.len()).unwrap_or(i64::MAX) - drop;
        let dropped_nonzero;
        if keep <= 0 {
            dropped_nonzero = self.digits.iter().any(|&d| d != b'0');
            self.digits.clear();
        } else {
            let keep = usize::try_from(keep).unwrap_or(0);
            dropped_nonzero = self.digits[keep..].iter().any(|&d| d != b'0');
            self.digits.truncate(keep);
        }
        self.exp = -9;
        if dropped_nonzero {
            self.increment();
        }
        self.trim_leading();
        if self.digits.is_empty() {
            self.exp = 0;
        }
    }

    /// Compared with an integer's magnitude: is `|self| < limit`?
    fn magnitude_below(&self, limit: u128) -> bool {
        let mut d = self.clone();
        d.strip_zeros();
        if d.is_zero() {
            return true;
        }
        if d.exp >= 0 {
            let len = i64::try_from(d.digits.len()).unwrap_or(i64::MAX);
            if len + d.exp > 39 {
                return false;
            }
            let v =
                u128_of(&d.digits).saturating_mul(10u128.pow(u32::try_from(d.exp).unwrap_or(0)));
            v < limit
        } else {
            // Integer part strictly below limit is enough (the fraction is below one).
            let frac = usize::try_from(-d.exp).unwrap_or(usize::MAX);
            if frac >= d.digits.len() {
                return true;
            }
            let int = &d.digits[..d.digits.len() - frac];
            int.len() <= 39 && u128_of(int) < limit
        }
    }

    /// The magnitude as an integer when it is one and fits, else `None`.
    fn integer(&self) -> Option<u128> {
        let mut d = self.clone();
        d.strip_zeros();
        if d.exp < 0 {
            return None;
        }
        let len = i64::try_from(d.digits.len()).ok()?;
        if len + d.exp > 38 {
            return None;
        }
        Some(u128_of(&d.digits) * 10u128.pow(u32::try_from(d.exp).ok()?))
    }

    /// The value in thousandths, rounded away from zero, saturating at [`MILLI_LIMIT`].
    fn milli(&self) -> i128 {
        let mut d = self.clone();
        d.strip_zeros();
        if d.is_zero() {
            return 0;
        }
        d.exp += 3;
        let magnitude = if d.exp >= 0 {
            let len = i64::try_from(d.digits.len()).unwrap_or(i64::MAX);
            if len + d.exp > 38 {
                MILLI_LIMIT
            } else {
                let v = u128_of(&d.digits) * 10u128.pow(u32::try_from(d.exp).unwrap_or(0));
                i128::try_from(v).unwrap_or(MILLI_LIMIT).min(MILLI_LIMIT)
            }
        } else {
            let frac = usize::try_from(-d.exp).unwrap_or(usize::MAX);
            if frac >= d.digits.len() {
                1
            } else {
                let int = &d.digits[..d.digits.len() - frac];
                if int.len() > 38 {
                    MILLI_LIMIT
                } else {
                    i128::try_from(u128_of(int))
                        .unwrap_or(MILLI_LIMIT)
                        .saturating_add(1)
                        .min(MILLI_LIMIT)
                }
            }
        };
        if d.neg { -magnitude } else { magnitude }
    }

    /// `CanonicalizeBytes`: the canonical text of a parsed value in a format.
    fn canonical_of(dec: &Dec, format: Format) -> String {
        if dec.is_zero() {
            return "0".into();
        }
        let sign = if dec.neg { "-" } else { "" };
        if format == Format::BinarySI && !dec.magnitude_below(1024) {
            // A binary value is at most `i64::MAX` (parsing caps it); an integer prints in
            // powers of 1024, anything else in the decimal form.
            if let Some(v) = dec.integer() {
                let (v, suffix) = in_powers_of_1024(v);
                return format!("{sign}{v}{suffix}");
            }
        }
        let format = if format == Format::BinarySI {
            Format::DecimalSI
        } else {
            format
        };
        let mut d = dec.clone();
        d.strip_zeros();
        // The exponent down to a multiple of three.
        let pad = d.exp.rem_euclid(3);
        let mut text = String::with_capacity(d.digits.len() + 8);
        text.push_str(sign);
        text.extend(d.digits.iter().map(|&b| char::from(b)));
        for _ in 0..pad {
            text.push('0');
        }
        let exp = d.exp - pad;
        match format {
            Format::DecimalSI => text.push_str(decimal_suffix(exp)),
            _ => {
                if exp != 0 {
                    // Go keeps the exponent in an int32.
                    text.push('e');
                    text.push_str(&(exp as i32).to_string());
                }
            }
        }
        text
    }
}

fn u128_of(digits: &[u8]) -> u128 {
    digits.iter().fold(0u128, |v, d| {
        v.saturating_mul(10).saturating_add(u128::from(d - b'0'))
    })
}

/// What `ParseQuantity` made of the text.
struct Parsed {
    value: ParsedValue,
    format: Format,
    /// `ParseQuantity` kept the input as the quantity's text (its `s` field).
    verbatim: bool,
}

/// Go's `int64Amount` (`value × 10^scale`) or `inf.Dec`.
enum ParsedValue {
    Small(i64, i32),
    Long(Dec),
}

impl Parsed {
    fn small(amount: i64, scale: i32, format: Format, verbatim: bool) -> Parsed {
        Parsed {
            value: ParsedValue::Small(amount, scale),
            format,
            verbatim,
        }
    }

    /// The exact value.
    fn dec(&self) -> Dec {
        match &self.value {
            ParsedValue::Small(m, e) => Dec::of_small(*m, *e),
            ParsedValue::Long(d) => d.clone(),
        }
    }
}

/// `parseQuantityString`'s parts: sign, integer digits without leading zeros (`"0"` when none),
/// fraction digits, suffix.
struct Parts<'a> {
    positive: bool,
    num: &'a str,
    denom: &'a str,
    suffix: &'a str,
    /// The numeric part (before the suffix) has a digit (`inf.Dec.SetString` needs one).
    has_digit: bool,
}

/// `parseQuantityString`.
fn split(s: &str) -> Result<Parts<'_>, QuantityError> {
    let b = s.as_bytes();
    let end = b.len();
    let mut pos = 0;
    let mut positive = true;
    match b.first() {
        Some(b'-') => {
            positive = false;
            pos = 1;
        }
        Some(b'+') => pos = 1,
        _ => {}
    }
    while pos < end && b[pos] == b'0' {
        pos += 1;
    }
    let mut parts = Parts {
        positive,
        num: "0",
        denom: "",
        suffix: "",
        has_digit: true,
    };
    if pos >= end {
        return Ok(parts);
    }
    let start = pos;
    while pos < end && b[pos].is_ascii_digit() {
        pos += 1;
    }
    if pos > start {
        parts.num = &s[start..pos];
    }
    if pos >= end {
        return Ok(parts);
    }
    if b[pos] == b'.' {
        pos += 1;
        let start = pos;
        while pos < end && b[pos].is_ascii_digit() {
            pos += 1;
        }
        parts.denom = &s[start..pos];
        if pos >= end {
            return Ok(parts);
        }
    }
    let suffix_start = pos;
    while pos < end && b"eEinumkKMGTP".contains(&b[pos]) {
        pos += 1;
    }
    if pos < end && (b[pos] == b'-' || b[pos] == b'+') {
        pos += 1;
    }
    while pos < end && b[pos].is_ascii_digit() {
        pos += 1;
    }
    if pos < end {
        return Err(QuantityError::FormatWrong);
    }
    parts.suffix = &s[suffix_start..];
    parts.has_digit = s[..suffix_start].bytes().any(|b| b.is_ascii_digit());
    Ok(parts)
}

/// `quantitySuffixer.interpret`: base, exponent, format.
fn interpret(suffix: &str) -> Option<(u32, i32, Format)> {
    let dec = |e| Some((10, e, Format::DecimalSI));
    let bin = |e| Some((2, e, Format::BinarySI));
    match suffix {
        "" => dec(0),
        "n" => dec(-9),
        "u" => dec(-6),
        "m" => dec(-3),
        "k" => dec(3),
        "M" => dec(6),
        "G" => dec(9),
        "T" => dec(12),
        "P" => dec(15),
        "E" => dec(18),
        "Ki" => bin(10),
        "Mi" => bin(20),
        "Gi" => bin(30),
        "Ti" => bin(40),
        "Pi" => bin(50),
        "Ei" => bin(60),
        _ => {
            let rest = suffix.strip_prefix(['e', 'E'])?;
            // Go's `strconv.ParseInt(_, 10, 64)`, then kept in an int32.
            let e = parse_go_int64(rest)?;
            Some((10, e as i32, Format::DecimalExponent))
        }
    }
}

/// `strconv.ParseInt(s, 10, 64)`: an optional sign, then one or more digits, in range.
fn parse_go_int64(s: &str) -> Option<i64> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// `ParseQuantity`.
fn parse_quantity(s: &str) -> Result<Parsed, QuantityError> {
    if s.is_empty() {
        return Err(QuantityError::FormatWrong);
    }
    if s == "0" {
        return Ok(Parsed::small(0, 0, Format::DecimalSI, true));
    }
    let parts = split(s)?;
    let (base, exponent, format) = interpret(parts.suffix).ok_or(QuantityError::Suffix)?;
    let (num, denom) = (parts.num, parts.denom);
    let digits_len = i64::try_from(num.len() + denom.len()).unwrap_or(i64::MAX);
    // Whether Go takes its int64 path (and so may keep the text verbatim).
    let precision = match format {
        Format::DecimalSI | Format::DecimalExponent => 18 - digits_len,
        Format::BinarySI if denom.is_empty() => {
            15 - i64::try_from(num.len()).unwrap_or(i64::MAX) - i64::from(exponent) * 3 / 10 - 1
        }
        Format::BinarySI => -1,
    };
    let scale = match format {
        Format::BinarySI => 0,
        _ => i64::from(exponent),
    } - i64::try_from(denom.len()).unwrap_or(i64::MAX);
    let shifted = || num.bytes().chain(denom.bytes());

    if precision >= 0 && scale >= -9 {
        // At most 18 digits: an i64.
        let value = shifted().fold(0i64, |v, d| v * 10 + i64::from(d - b'0'));
        let factor: i64 = if base == 2 { 1i64 << exponent } else { 1 };
        if let Some(amount) = value.checked_mul(factor) {
            let verbatim = match format {
                Format::BinarySI => exponent % 10 == 0 && value & 0x07 != 0,
                _ => {
                    let tail_zeros = shifted().rev().take(3).filter(|&d| d == b'0').count();
                    scale % 3 == 0 && !(digits_len >= 3 && tail_zeros == 3) && !num.starts_with('0')
                }
            };
            let amount = if parts.positive { amount } else { -amount };
            // `scale` is within an i32 here: at least -9, at most `exponent`.
            if let Ok(scale) = i32::try_from(scale) {
                return Ok(Parsed::small(amount, scale, format, verbatim));
            }
        }
    }
    if !parts.has_digit {
        return Err(QuantityError::Numeric);
    }

    // The inf.Dec path: the exact value on its digits, at most nine decimals (rounded up), a
    // binary value capped at `i64::MAX`, a binary value below one written in the decimal form.
    let mut dec = Dec {
        neg: !parts.positive,
        digits: shifted().collect(),
        exp: -i64::try_from(denom.len()).unwrap_or(i64::MAX),
    };
    dec.trim_leading();
    if base == 10 {
        dec.exp += i64::from(exponent);
    } else {
        dec.mul_pow2(u32::try_from(exponent).unwrap_or(0));
    }
    if dec.is_zero() {
        dec.exp = 0;
        dec.neg = false;
    }
    let mut format = format;
    dec.round_up_to_nano();
    if format == Format::BinarySI {
        if !dec.magnitude_below(i64::MAX as u128 + 1) {
            dec.digits = i64::MAX.to_string().into_bytes();
            dec.exp = 0;
        }
        if !dec.is_zero() && dec.magnitude_below(1) {
            format = Format::DecimalSI;
        }
    }
    Ok(Parsed {
        value: ParsedValue::Long(dec),
        format,
        verbatim: false,
    })
}

// The tests' reference encoding; the engine encodes with `api::encode`.
#[cfg(test)]
impl serde::Serialize for Quantity {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
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
        let (text, number) = match Raw::deserialize(d)? {
            Raw::S(s) => (s, false),
            Raw::I(i) => (i.to_string(), true),
            // Go's float formatting: `1e+100` rather than 101 digits.
            Raw::F(f) if f.abs() >= 1e21 => (format!("{f:e}"), true),
            Raw::F(f) => (f.to_string(), true),
        };
        Quantity::decode(&text, number)
            .map_err(|e| serde::de::Error::custom(format!("{}: {text:?}", e.message())))
    }
}

#[cfg(test)]
mod tests;
