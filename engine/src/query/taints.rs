//! How `kubectl taint` names a taint to remove.

use crate::api::Taint;

/// The argument of `kubectl taint node NAME ARG` that removes `taint`: kubectl's
/// `key[:effect]-`, which removes by key and effect (the value is not part of it).
pub fn taint_removal(taint: &Taint) -> String {
    if taint.effect.is_empty() {
        format!("{}-", taint.key)
    } else {
        format!("{}:{}-", taint.key, taint.effect)
    }
}

#[cfg(test)]
mod tests {
    use super::taint_removal;
    use crate::api::Taint;

    #[test]
    fn removal_names_key_and_effect() {
        let removal = |k, v, e| taint_removal(&Taint::new(k, v, e));
        assert_eq!(
            removal("dedicated", "x", "NoExecute"),
            "dedicated:NoExecute-"
        );
        assert_eq!(removal("gpu", "", "NoSchedule"), "gpu:NoSchedule-");
        assert_eq!(removal("gpu", "", ""), "gpu-");
    }
}
