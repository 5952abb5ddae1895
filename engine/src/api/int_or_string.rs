//! `intstr.IntOrString`, and `GetScaledValueFromIntOrPercent`.

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(untagged))]
pub enum IntOrString {
    Int(i64),
    String(String),
}

impl IntOrString {
    /// An int, or `"N%"` of `total` rounded as asked (`GetScaledValueFromIntOrPercent`).
    /// A string without `%`, or with a non-number before it, is an error as in Kubernetes.
    pub fn scaled_value(&self, total: i64, round_up: bool) -> Result<i64, String> {
        match self {
            IntOrString::Int(i) => Ok(*i),
            IntOrString::String(s) => {
                let Some(num) = s.strip_suffix('%') else {
                    return Err(format!("invalid type: string is not a percentage: {s:?}"));
                };
                let v: i64 = num
                    .parse()
                    .map_err(|_| format!("invalid value for IntOrString: invalid value {s:?}"))?;
                let product = v.saturating_mul(total);
                Ok(if round_up {
                    product.div_euclid(100) + i64::from(product.rem_euclid(100) != 0)
                } else {
                    product.div_euclid(100)
                })
            }
        }
    }

    /// True for `0` and `"0%"`, the values validation treats as zero.
    pub fn is_zero(&self) -> bool {
        match self {
            IntOrString::Int(i) => *i == 0,
            IntOrString::String(s) => s == "0%",
        }
    }
}

impl std::fmt::Display for IntOrString {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IntOrString::Int(i) => write!(f, "{i}"),
            IntOrString::String(s) => f.write_str(s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// spec §8.1: both maxUnavailable and maxSurge percentages round up.
    #[test]
    fn percentages_round_up_spec_8_1() {
        let p = |s: &str, n| IntOrString::String(s.into()).scaled_value(n, true).unwrap();
        assert_eq!(p("50%", 2), 1);
        assert_eq!(p("50%", 3), 2);
        assert_eq!(p("10%", 5), 1);
        assert_eq!(p("100%", 2), 2);
        assert_eq!(p("1%", 0), 0);
        assert_eq!(p("0%", 7), 0);
        assert_eq!(IntOrString::Int(3).scaled_value(10, true), Ok(3));
        assert!(
            IntOrString::String("20".into())
                .scaled_value(10, true)
                .is_err()
        );
    }
}
