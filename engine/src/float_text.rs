//! An `f64`'s text as Rust's `Display` (`{}`) and `LowerExp` (`{:e}`) write it, built from the
//! shortest digits serde_json's float writer finds (issue 22). core's own float printer (Grisu,
//! Dragon and their power tables, about 14 KB of the model's WebAssembly) was linked only by the
//! few places that print a float; serde_json's writer is linked anyway. Both find the shortest
//! digits that read back to the same float, the closest one among them, so the texts are equal
//! (the tests compare them with `format!` over random floats).

/// `format!("{f}")`: every digit written out, no exponent (`1e21` is 22 digits).
pub fn display(f: f64) -> String {
    let Some((negative, digits, exp)) = decimal(f) else {
        return special(f, "");
    };
    let mut out = String::with_capacity(digits.len() + exp.unsigned_abs() as usize + 3);
    if negative {
        out.push('-');
    }
    // The digits before the point.
    let whole = digits.len() as i32 + exp;
    if exp >= 0 {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', exp as usize));
    } else if whole > 0 {
        let (int, frac) = digits.split_at(whole as usize);
        out.push_str(int);
        out.push('.');
        out.push_str(frac);
    } else {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', whole.unsigned_abs() as usize));
        out.push_str(&digits);
    }
    out
}

/// `format!("{f:e}")`: one digit, the others after a point, then `e` and the exponent (`1.5e-5`).
pub fn lower_exp(f: f64) -> String {
    let Some((negative, digits, exp)) = decimal(f) else {
        return special(f, "e0");
    };
    let (first, rest) = digits.split_at(1);
    let mut out = String::with_capacity(digits.len() + 8);
    if negative {
        out.push('-');
    }
    out.push_str(first);
    if !rest.is_empty() {
        out.push('.');
        out.push_str(rest);
    }
    out.push('e');
    out.push_str(&(exp + rest.len() as i32).to_string());
    out
}

/// NaN, the infinities and the zeros, as core writes them; a zero with `zero_suffix` (`0e0`).
fn special(f: f64, zero_suffix: &str) -> String {
    let sign = if f.is_sign_negative() && !f.is_nan() {
        "-"
    } else {
        ""
    };
    if f.is_nan() {
        "NaN".into()
    } else if f.is_infinite() {
        format!("{sign}inf")
    } else {
        format!("{sign}0{zero_suffix}")
    }
}

/// A finite, non-zero `f` as its sign, its shortest digits without leading or trailing zeros,
/// and the power of ten of the last digit: `-0.025` is `(true, "25", -3)`. None for NaN, the
/// infinities and the zeros.
fn decimal(f: f64) -> Option<(bool, String, i32)> {
    if f == 0.0 {
        return None;
    }
    // serde_json writes `1.5e-7`, `1e21`, `0.001` or `123.0`: read its digits back.
    let text = serde_json::Number::from_f64(f.abs())?.to_string();
    let (mantissa, exp) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i32>().ok()?),
        None => (text.as_str(), 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut digits: u64 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        digits = digits
            .checked_mul(10)?
            .checked_add(u64::from(b.checked_sub(b'0')?))?;
    }
    let mut exp = exp - frac.len() as i32;
    // Two shortest candidates can be equally close: serde_json takes the even one, core the
    // larger (…562.25 is …562.2 there, …562.3 here).
    if halfway_above(f.abs(), digits, exp) {
        digits += 1;
    }
    if digits == 0 {
        return None;
    }
    while digits.is_multiple_of(10) {
        digits /= 10;
        exp += 1;
    }
    Some((f < 0.0, digits.to_string(), exp))
}

/// Whether `f` (finite, positive) is exactly halfway between `digits`·10^`exp` and the next
/// candidate up, (`digits` + 1)·10^`exp`: `f` = m·2^e (m odd) equals (10·`digits` + 5)·10^(`exp`
/// − 1) only when e = `exp` − 1 (the right side's factors of two) and m = (10·`digits` +
/// 5)·5^(`exp` − 1), or m·5^(1 − `exp`) = 10·`digits` + 5 for a negative power.
fn halfway_above(f: f64, digits: u64, exp: i32) -> bool {
    let bits = f.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (mut m, mut e) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    if m == 0 {
        return false;
    }
    while m.is_multiple_of(2) {
        m /= 2;
        e += 1;
    }
    let k = exp - 1;
    if e != k {
        return false;
    }
    let half = u128::from(digits) * 10 + 5;
    let Some(five) = 5u128.checked_pow(k.unsigned_abs()) else {
        return false;
    };
    if k >= 0 {
        half.checked_mul(five) == Some(u128::from(m))
    } else {
        u128::from(m).checked_mul(five) == Some(half)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(f: f64) {
        assert_eq!(
            display(f),
            format!("{f}"),
            "display of {f:?} ({:#x})",
            f.to_bits()
        );
        assert_eq!(
            lower_exp(f),
            format!("{f:e}"),
            "lower_exp of {f:?} ({:#x})",
            f.to_bits()
        );
    }

    /// Exactly halfway between two shortest candidates: serde_json alone writes the even one.
    #[test]
    fn a_tie_takes_the_larger_digits_as_core_does() {
        let f = f64::from_bits(0x4317_9085_685d_83c9);
        assert_eq!(
            serde_json::Number::from_f64(f).unwrap().to_string(),
            "1658206780088562.2"
        );
        assert_eq!(display(f), "1658206780088562.3");
        same(f);
        same(0.5);
        same(2.5e-1);
        same(9_007_199_254_740_993.0);
    }

    #[test]
    fn special_values_and_edges_as_core_writes_them() {
        for f in [
            0.0,
            -0.0,
            f64::NAN,
            -f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            1.0,
            -1.0,
            0.5,
            2.5,
            0.1,
            0.3,
            1e21,
            1e22,
            1.5e-5,
            1e-7,
            123456789.125,
            9_007_199_254_740_993.0,
            1e100,
            1.7976931348623157e308,
            f64::MIN_POSITIVE,
            5e-324,
            -5e-324,
            f64::from_bits(0x000f_ffff_ffff_ffff),
            0.000123,
            1e15,
            1e16,
            1e17,
            123e-20,
        ] {
            same(f);
        }
    }

    /// Random bit patterns (every exponent, every mantissa), and the seconds the kubelet
    /// writes (whole milliseconds / 1000) and quantities people type (a few digits, a scale).
    #[test]
    fn random_floats_as_core_writes_them() {
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..200_000 {
            let f = f64::from_bits(next());
            same(f);
        }
        for ms in (-5_000_i64..200_000).chain([86_400_000, 123_456_789_012]) {
            same(ms as f64 / 1000.0);
        }
        for _ in 0..100_000 {
            let digits = (next() % 100_000) as f64;
            let scale = (next() % 60) as i32 - 30;
            same(digits * 10f64.powi(scale));
            same(format!("{digits}e{scale}").parse().unwrap());
        }
    }
}
