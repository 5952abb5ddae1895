//! A text's `f64` as Rust's `str::parse::<f64>` reads it: the same texts accepted, the same
//! float, correctly rounded (the nearest float, a tie to the even one), as Go's
//! `strconv.ParseFloat` too. core's parser (Eisel-Lemire over a table of 128-bit powers of five,
//! about 20 KB of the model's WebAssembly) was linked only by the YAML resolver's floats and the
//! `expect` lines' numbers; this one has no table (issue 22). Short texts (at most 19 digits, a
//! mantissa of at most 2^53 and a power of ten up to 22) take Clinger's exact path, one IEEE
//! multiplication or division; the others divide exactly with big integers, slowly: a manifest
//! rarely has such a number. The tests compare both parsers on millions of texts.

/// `s.parse::<f64>().ok()`: an optional sign, then digits with at most one point (`1.`, `.5`)
/// and an exponent (`e`/`E`, an optional sign, digits), or `inf`, `infinity`, `nan` in any case.
pub fn parse(s: &str) -> Option<f64> {
    let (negative, rest) = match s.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        rest => (false, rest),
    };
    // A word in any case (not `eq_ignore_ascii_case`, which the resolver's `0x` and `0b` have
    // inlined: one more caller and opt-level z keeps it apart for all of them).
    let word = |w: &[u8]| {
        rest.len() == w.len()
            && rest
                .iter()
                .zip(w)
                .all(|(a, b)| a.to_ascii_lowercase() == *b)
    };
    let magnitude = match decimal(rest) {
        Some(d) => d.value(),
        None if word(b"inf") || word(b"infinity") => f64::INFINITY,
        None if word(b"nan") => f64::NAN,
        None => return None,
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// Significant digits kept: a float or a halfway point between two floats has at most 767, so a
/// text's digits past these only tell whether it is above the digits kept.
const KEPT: usize = 800;

/// A positive decimal: the text's `mantissa` (digits, at most one point) times 10^`exp`, the
/// power of ten of its last digit; `n` significant digits (from the first that is not 0), the
/// first 19 of them the number `m`.
struct Decimal<'a> {
    mantissa: &'a [u8],
    exp: i64,
    n: i64,
    m: u64,
}

/// The decimal of `digits[.digits][(e|E)[sign]digits]`, with a digit somewhere before the
/// exponent; None for any other text.
fn decimal(s: &[u8]) -> Option<Decimal<'_>> {
    let (mut i, mut point, mut exp, mut n, mut m) = (0, false, 0i64, 0i64, 0u64);
    while let Some(&b) = s.get(i) {
        match b {
            b'0'..=b'9' => {
                exp -= i64::from(point);
                if n > 0 || b != b'0' {
                    n += 1;
                    if n <= 19 {
                        m = m * 10 + u64::from(b - b'0');
                    }
                }
            }
            b'.' if !point => point = true,
            _ => break,
        }
        i += 1;
    }
    let mantissa = &s[..i];
    if i == usize::from(point) {
        return None;
    }
    if let Some(b'e' | b'E') = s.get(i) {
        i += 1;
        let negative = s.get(i) == Some(&b'-');
        i += usize::from(matches!(s.get(i), Some(b'+' | b'-')));
        let from = i;
        let mut e: i64 = 0;
        while let Some(b @ b'0'..=b'9') = s.get(i) {
            // Past a million the float is 0 or infinity whatever the digits.
            e = (e * 10 + i64::from(b - b'0')).min(1 << 40);
            i += 1;
        }
        if i == from {
            return None;
        }
        exp += if negative { -e } else { e };
    }
    (i == s.len()).then_some(Decimal {
        mantissa,
        exp,
        n,
        m,
    })
}

impl Decimal<'_> {
    fn value(&self) -> f64 {
        let Decimal { exp, n, m, .. } = *self;
        if n == 0 {
            return 0.0;
        }
        // Below 10^-324 (under half the smallest float) or from 10^309 (above the largest).
        if n + exp <= -324 {
            return 0.0;
        }
        if n + exp > 309 {
            return f64::INFINITY;
        }
        if n <= 19 && m <= 1 << 53 && exp.abs() <= 22 {
            // m and 10^|exp| are exact floats; one operation rounds once.
            let p = (0..exp.abs()).fold(1.0, |p, _| p * 10.0);
            let m = m as f64;
            return if exp < 0 { m / p } else { m * p };
        }
        self.exact()
    }

    /// The nearest float by exact division: the value is num / den · 2^`exp` with
    /// num = digits · 5^exp for exp ≥ 0, den = 5^-exp otherwise (`exp`: the last kept digit's
    /// power of ten).
    fn exact(&self) -> f64 {
        // The first KEPT significant digits, and whether one after them is not 0.
        let (mut num, mut kept, mut exp, mut beyond) = (Big::default(), 0, self.exp, false);
        for &b in self.mantissa {
            if b == b'.' || (kept == 0 && b == b'0') {
                continue;
            }
            if kept == KEPT {
                beyond |= b != b'0';
                exp += 1;
            } else {
                num.mul_add(10, u32::from(b - b'0'));
                kept += 1;
            }
        }
        let mut den = Big(vec![1]);
        let five = if exp < 0 { &mut den } else { &mut num };
        let mut k = exp.unsigned_abs() as u32;
        while k > 0 {
            // 5^13 is the largest power of five in 32 bits.
            let step = k.min(13);
            five.mul_add(5u32.pow(step), 0);
            k -= step;
        }
        // The quotient q = num·2^s / den is to have 53 bits; the float is then q·2^(exp − s).
        let mut s = 53 - (num.bits() as i64 - den.bits() as i64);
        // The lowest float has its last bit at 2^-1074: a subnormal quotient has fewer bits.
        s = s.min(exp + 1074);
        if s > 0 {
            num.shl(s as usize);
        } else {
            den.shl(s.unsigned_abs() as usize);
        }
        let mut top = den.clone();
        top.shl(53);
        if num >= top {
            // num/den was 53 bits and one more: one bit less.
            den.shl(1);
            s -= 1;
        }
        // Long division, one bit of q at a time: `top` is den·2^52, `num` the remainder
        // doubled at each bit, so that after the last it compares with den·2^52 as twice the
        // true remainder does with den.
        let mut top = den;
        top.shl(52);
        let mut q: u64 = 0;
        for _ in 0..53 {
            q <<= 1;
            if num >= top {
                num.sub(&top);
                q |= 1;
            }
            num.shl(1);
        }
        let above = match num.cmp(&top) {
            std::cmp::Ordering::Equal => beyond || q & 1 == 1,
            order => order.is_gt(),
        };
        q += u64::from(above);
        let mut e2 = exp - s;
        if q == 1 << 53 {
            q >>= 1;
            e2 += 1;
        }
        if q < 1 << 52 {
            // Subnormal (e2 is −1074), or rounded up to the smallest normal float.
            return f64::from_bits(q);
        }
        let biased = e2 + 1075;
        if biased >= 0x7ff {
            return f64::INFINITY;
        }
        f64::from_bits(((biased as u64) << 52) | (q & ((1 << 52) - 1)))
    }
}

/// A non-negative integer in 32-bit limbs, the lowest first, without high zero limbs.
#[derive(Clone, Default, PartialEq, Eq)]
struct Big(Vec<u32>);

impl Big {
    /// self·m + a.
    fn mul_add(&mut self, m: u32, a: u32) {
        let mut carry = u64::from(a);
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(m) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry != 0 {
            self.0.push(carry as u32);
        }
    }

    fn bits(&self) -> usize {
        self.0
            .last()
            .map_or(0, |top| self.0.len() * 32 - top.leading_zeros() as usize)
    }

    /// self·2^n.
    fn shl(&mut self, n: usize) {
        let (limbs, bits) = (n / 32, n % 32);
        if bits != 0 {
            let mut carry = 0;
            for limb in &mut self.0 {
                let v = (*limb << bits) | carry;
                carry = *limb >> (32 - bits);
                *limb = v;
            }
            if carry != 0 {
                self.0.push(carry);
            }
        }
        if limbs != 0 && !self.0.is_empty() {
            self.0.splice(0..0, std::iter::repeat_n(0, limbs));
        }
    }

    /// self − other, for other ≤ self.
    fn sub(&mut self, other: &Big) {
        let mut borrow = false;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let o = other.0.get(i).copied().unwrap_or(0);
            let (v, b1) = limb.overflowing_sub(o);
            let (v, b2) = v.overflowing_sub(u32::from(borrow));
            *limb = v;
            borrow = b1 || b2;
        }
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Big {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A random test's cases: millions in a release build (`cargo test --release`), a fortieth
    /// in a debug one, where the exact path's big integers are slow.
    fn cases(release: usize) -> usize {
        if cfg!(debug_assertions) {
            release / 40
        } else {
            release
        }
    }

    fn same(s: &str) {
        assert_eq!(
            parse(s).map(f64::to_bits),
            s.parse::<f64>().ok().map(f64::to_bits),
            "{s:?}"
        );
    }

    struct Random(u64);

    impl Random {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }

        /// A finite float of any exponent and mantissa, some of them subnormal.
        fn float(&mut self) -> f64 {
            loop {
                let f = f64::from_bits(self.next());
                if f.is_finite() {
                    return f;
                }
            }
        }
    }

    /// A positive float's exact decimal: its digits and the power of ten of the last one. Every
    /// float has at most 767 significant digits; `{:.N e}` writes them exactly.
    fn exact(f: f64) -> (Vec<u8>, i64) {
        let text = format!("{f:.800e}");
        let (mantissa, exp) = text.split_once('e').unwrap();
        let digits: Vec<u8> = mantissa
            .bytes()
            .filter(u8::is_ascii_digit)
            .map(|b| b - b'0')
            .collect();
        let exp = exp.parse::<i64>().unwrap() - 800;
        (digits, exp)
    }

    /// Digits times 10^exp as text, `{digits}e{exp}`.
    fn text(digits: &[u8], exp: i64) -> String {
        let mut s: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
        s.push_str(&format!("e{exp}"));
        s
    }

    /// The decimal exactly halfway between two positive floats `a` < `b`: (a + b) / 2, added
    /// and halved digit by digit.
    fn halfway(a: f64, b: f64) -> (Vec<u8>, i64) {
        let ((mut x, ex), (mut y, ey)) = (exact(a), exact(b));
        // One more digit for the half, both to the same last power of ten.
        let exp = ex.min(ey) - 1;
        x.extend(std::iter::repeat_n(0, (ex - exp) as usize));
        y.extend(std::iter::repeat_n(0, (ey - exp) as usize));
        let len = x.len().max(y.len()) + 1;
        let pad = |v: &mut Vec<u8>| {
            v.splice(0..0, std::iter::repeat_n(0, len - v.len()));
        };
        pad(&mut x);
        pad(&mut y);
        let mut carry = 0;
        for i in (0..len).rev() {
            let s = x[i] + y[i] + carry;
            x[i] = s % 10;
            carry = s / 10;
        }
        let mut rest = 0;
        for d in &mut x {
            let v = rest * 10 + *d;
            *d = v / 2;
            rest = v % 2;
        }
        assert_eq!(rest, 0, "the sum ends in a zero digit");
        (x, exp)
    }

    #[test]
    fn texts_accepted_and_refused_as_core_reads_them() {
        for s in [
            "",
            "+",
            "-",
            ".",
            "+.",
            "-.",
            "e",
            "e5",
            ".e5",
            "1e",
            "1e+",
            "1e-",
            "1.e5",
            ".5",
            "5.",
            "-.5",
            "+5.",
            "1..2",
            "1.2.3",
            "++1",
            "--1",
            "+-1",
            "1_000",
            " 1",
            "1 ",
            "0x10",
            "1e5.5",
            "1ee5",
            "1e+-5",
            "inf",
            "INF",
            "Inf",
            "+inf",
            "-inf",
            "infinity",
            "Infinity",
            "-INFINITY",
            "+infinity",
            "infin",
            "infinit",
            "infinityy",
            "in",
            "i",
            "nan",
            "NaN",
            "NAN",
            "-nan",
            "+nan",
            "nan1",
            "nana",
            "na",
            ".nan",
            ".inf",
            "-.inf",
            "0",
            "-0",
            "+0",
            "00",
            "0.0",
            "-0.0",
            "0e0",
            "-0e999999999999999999999",
            "1e400",
            "1e-400",
            "-1e400",
            "1e99999999999999999999999",
            "1e-99999999999999999999999",
            "0.",
            "1E5",
            "1E+5",
            "1e-5",
            "1e0005",
            "08",
            "0.1",
            "0.3",
            "1.5",
            "١",
            "1\u{0}",
            "1,5",
            "+ 1",
            "1e 5",
            "1f",
            "1d",
            "0b101",
            "1e308",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308",
            "4.9e-324",
            "5e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "3e-324",
            "1e-323",
            "9007199254740993",
            "9007199254740992.5",
            "18446744073709551615",
            "18446744073709551616",
            "123456789012345678901234567890",
            "0.000000000000000000000000000001e30",
        ] {
            same(s);
        }
    }

    /// Random texts of the characters a number is made of, and of a few others.
    #[test]
    fn random_texts_accepted_and_refused_as_core_reads_them() {
        const CHARS: &[u8] = b"0123456789000.eE+-_ infatyINFATY";
        let mut r = Random(0x2545_f491_4f6c_dd1d);
        let mut s = String::new();
        for _ in 0..cases(2_000_000) {
            s.clear();
            for _ in 0..1 + r.below(12) {
                s.push(char::from(CHARS[r.below(CHARS.len() as u64) as usize]));
            }
            same(&s);
        }
    }

    /// Random bit patterns (every exponent, subnormals) written shortest, in full, in scientific
    /// form, with more digits than they need, with their last digit moved, and signed.
    #[test]
    fn random_floats_read_back_as_core_reads_them() {
        let mut r = Random(0x9e37_79b9_7f4a_7c15);
        for _ in 0..cases(1_000_000) {
            let f = r.float();
            same(&format!("{f:?}"));
            same(&format!("{f:e}"));
            let p = r.below(30) as usize;
            same(&format!("{f:.p$e}"));
            let p = 16 + r.below(30) as usize;
            let extra = format!("{f:.p$e}");
            same(&extra);
            // The last digit before the exponent one up or down (a 9 or a 0 is left alone).
            let (m, e) = extra.split_once('e').unwrap();
            let mut m = m.as_bytes().to_vec();
            let last = m.last_mut().unwrap();
            *last = match (r.below(2), *last) {
                (0, b'0'..=b'8') => *last + 1,
                (_, b'1'..=b'9') => *last - 1,
                (_, d) => d,
            };
            same(&format!("{}e{e}", String::from_utf8(m).unwrap()));
            if r.below(8) == 0 {
                same(&format!("{f}"));
            }
        }
    }

    /// Decimals exactly halfway between two floats (a tie: the even one), and just below and
    /// above them: the digits cut by one, a 1 appended far down.
    #[test]
    fn halfway_decimals_round_as_core_rounds_them() {
        let mut r = Random(0x1234_5678_9abc_def1);
        let check = |a: f64| {
            let b = f64::from_bits(a.to_bits() + 1);
            if !b.is_finite() {
                return;
            }
            let (mut digits, exp) = halfway(a, b);
            while digits.first() == Some(&0) {
                digits.remove(0);
            }
            same(&text(&digits, exp));
            same(&text(&digits[..digits.len() - 1], exp + 1));
            let mut above = digits.clone();
            above.extend([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
            same(&text(&above, exp - 10));
            let mut long = digits;
            long.extend(std::iter::repeat_n(0, 1000));
            same(&text(&long, exp - 1000));
            long.push(1);
            same(&text(&long, exp - 1001));
        };
        for a in [0.0, 5e-324, 1.0, f64::MIN_POSITIVE, 1.7976931348623155e308] {
            check(a);
        }
        for bits in 0..64 {
            check(f64::from_bits(bits));
            check(f64::from_bits((1 << 52) - 32 + bits));
        }
        for _ in 0..cases(30_000) {
            check(r.float().abs());
            // Short halfway decimals: a small integer times a power of two.
            check((r.below(1 << 20) as f64) * 2f64.powi(r.below(120) as i32 - 60));
        }
    }

    /// Random digits, up to a thousand of them, with a point anywhere and exponents near and
    /// beyond the largest and smallest floats.
    #[test]
    fn long_and_extreme_decimals_read_as_core_reads_them() {
        let mut r = Random(0x0bad_cafe_f00d_d00d);
        let mut s = String::new();
        for _ in 0..cases(2_000_000) {
            s.clear();
            if r.below(2) == 0 {
                s.push(if r.below(2) == 0 { '-' } else { '+' });
            }
            let len = match r.below(4) {
                0 => 1 + r.below(8),
                1 => 1 + r.below(25),
                2 => 1 + r.below(120),
                _ => 1 + r.below(1000),
            };
            let point = r.below(len + 2);
            for i in 0..len {
                if i == point {
                    s.push('.');
                }
                // Runs of zeros and nines as often as other digits.
                let d = match r.below(4) {
                    0 => 0,
                    1 => 9,
                    _ => r.below(10),
                };
                s.push(char::from(b'0' + d as u8));
            }
            if r.below(4) != 0 {
                let exp = match r.below(3) {
                    0 => r.below(50) as i64 - 25,
                    1 => r.below(700) as i64 - 350,
                    _ => r.below(2400) as i64 - 1200,
                };
                s.push_str(&format!("e{exp}"));
            }
            same(&s);
        }
    }

    /// Every whole number and tenth people write in a manifest, and the texts the fast path
    /// takes at its edges (2^53, 10^22).
    #[test]
    fn short_decimals_read_as_core_reads_them() {
        for n in 0..200_000 {
            same(&n.to_string());
            same(&format!("{}.{}", n / 10, n % 10));
            same(&format!("0.{n:06}"));
        }
        for e in -30..=30 {
            for m in [
                "1",
                "9007199254740992",
                "9007199254740993",
                "9999999999999999999",
            ] {
                same(&format!("{m}e{e}"));
            }
        }
    }
}
