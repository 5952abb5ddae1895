//! Tolerations against taints (spec §3.3): `Toleration.ToleratesTaint` and
//! `FindMatchingUntoleratedTaint`.

use crate::api::{Taint, Toleration};

/// `Toleration.ToleratesTaint` with the `TaintTolerationComparisonOperators` gate OFF (the
/// simulator's default, spec §3.3): `Lt` / `Gt` tolerations tolerate nothing.
pub fn tolerates(tol: &Toleration, taint: &Taint) -> bool {
    tolerates_taint(tol, taint, false)
}

/// `Toleration.ToleratesTaint` with the `TaintTolerationComparisonOperators` gate ON (C66).
pub fn tolerates_with_comparison_ops(tol: &Toleration, taint: &Taint) -> bool {
    tolerates_taint(tol, taint, true)
}

/// `Toleration.ToleratesTaint` (spec §3.3). An empty effect matches every effect, an empty key
/// every key; operator `""` means `Equal`; `Exists` ignores the value; `Lt` / `Gt` compare
/// canonical integers only when `enable_comparison_operators`. `tolerationSeconds` plays no part.
pub fn tolerates_taint(tol: &Toleration, taint: &Taint, enable_comparison_operators: bool) -> bool {
    if !tol.effect.is_empty() && tol.effect != taint.effect {
        return false;
    }
    if !tol.key.is_empty() && tol.key != taint.key {
        return false;
    }
    match &*tol.operator {
        "" | "Equal" => tol.value == taint.value,
        "Exists" => true,
        "Lt" | "Gt" if enable_comparison_operators => {
            compare_numeric_values(&tol.value, &taint.value, &tol.operator)
        }
        _ => false,
    }
}

/// `compareNumericValues`: both values must be canonical decimal int64s; `Lt` holds when the
/// taint's value is below the toleration's, `Gt` when above (strict).
fn compare_numeric_values(toleration_val: &str, taint_val: &str, op: &str) -> bool {
    let (Some(tol), Some(taint)) = (
        parse_decimal_integer(toleration_val),
        parse_decimal_integer(taint_val),
    ) else {
        return false;
    };
    match op {
        "Lt" => taint < tol,
        "Gt" => taint > tol,
        _ => false,
    }
}

/// apimachinery `content.IsDecimalInteger` followed by `ParseInt(_, 10, 64)`: an optional `-`,
/// then `0` alone or digits without a leading zero (no `+`, no `-0`, no decimals), in int64 range.
pub fn parse_decimal_integer(value: &str) -> Option<i64> {
    let digits = value.strip_prefix('-').unwrap_or(value);
    let canonical = match digits.as_bytes() {
        [] => false,
        [b'0'] => digits.len() == value.len(),
        [first, rest @ ..] => (b'1'..=b'9').contains(first) && rest.iter().all(u8::is_ascii_digit),
    };
    if canonical { value.parse().ok() } else { None }
}

/// `TolerationsTolerateTaint`: the index of the first toleration that tolerates `taint`.
pub fn first_tolerating(
    tolerations: &[Toleration],
    taint: &Taint,
    enable_comparison_operators: bool,
) -> Option<usize> {
    tolerations
        .iter()
        .position(|t| tolerates_taint(t, taint, enable_comparison_operators))
}

/// `FindMatchingUntoleratedTaint` (gate off): the first taint passing `filter` that no
/// toleration tolerates.
pub fn find_matching_untolerated_taint<'a>(
    taints: &'a [Taint],
    tolerations: &[Toleration],
    filter: impl Fn(&Taint) -> bool,
) -> Option<&'a Taint> {
    find_matching_untolerated_taint_gated(taints, tolerations, filter, false)
}

/// `FindMatchingUntoleratedTaint` with the comparison-operator gate given explicitly.
pub fn find_matching_untolerated_taint_gated<'a>(
    taints: &'a [Taint],
    tolerations: &[Toleration],
    filter: impl Fn(&Taint) -> bool,
    enable_comparison_operators: bool,
) -> Option<&'a Taint> {
    taints.iter().find(|taint| {
        filter(taint) && first_tolerating(tolerations, taint, enable_comparison_operators).is_none()
    })
}
