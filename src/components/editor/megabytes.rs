//! The long text's size in the editor's notice ("A long text, 2.3 MB in …"), written with
//! integers exactly as `format!("{:.1}", bytes as f64 / 1e6)` wrote it: the page's only use of
//! `{:.1}` would otherwise link core's float printer into its module (issue 22).

use std::cmp::Ordering;

/// `bytes` in megabytes to one decimal, the text of `{:.1}` of `bytes as f64 / 1e6`.
pub(super) fn megabytes(bytes: usize) -> String {
    let bytes = bytes as u64;
    let (mut tenths, rest) = (bytes / 100_000, bytes % 100_000);
    if rest > 50_000 || (rest == 50_000 && half_rounds_up(bytes, tenths)) {
        tenths += 1;
    }
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// A size exactly halfway between two tenths (`tenths`.5): `{:.1}` rounds the float
/// `bytes / 1e6`, which lies above the half (up), below it (down), or on it (x.25, x.75: to
/// the even tenth).
fn half_rounds_up(bytes: u64, tenths: u64) -> bool {
    let x = bytes as f64 / 1e6;
    // x ≥ 0.05 is normal: x = m × 2^e exactly, e < 0 (x < 2^53); the half is (2 tenths + 1) / 20.
    let bits = x.to_bits();
    let m = u128::from((bits & ((1 << 52) - 1)) | (1 << 52));
    let shift = 1075 - ((bits >> 52) & 0x7ff) as u32;
    match (m * 20).cmp(&(u128::from(2 * tenths + 1) << shift)) {
        Ordering::Greater => true,
        Ordering::Less => false,
        Ordering::Equal => tenths % 2 == 1,
    }
}

#[cfg(test)]
mod tests {
    use super::megabytes;

    fn float(bytes: usize) -> String {
        format!("{:.1}", bytes as f64 / 1e6)
    }

    #[test]
    fn every_half_rounds_as_the_float_printer_does() {
        // Each x.x5 MB up to 20 GB: above, below and on the half (0.25, 0.75) all occur.
        for k in 0..200_000 {
            let bytes = 50_000 + 100_000 * k;
            assert_eq!(megabytes(bytes), float(bytes), "{bytes} bytes");
        }
        assert_eq!(megabytes(250_000), "0.2");
        assert_eq!(megabytes(750_000), "0.8");
    }

    #[test]
    fn other_sizes_are_written_as_the_float_printer_does() {
        for bytes in (0..3_000_000)
            .step_by(7)
            .chain([49_999, 50_001, 16 << 20, usize::MAX >> 12])
        {
            assert_eq!(megabytes(bytes), float(bytes), "{bytes} bytes");
        }
    }
}
