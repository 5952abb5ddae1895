//! kubectl's `reorganizeTaints` (`pkg/cmd/taint/utils.go`): the taints to add, then the node's
//! others, then the removals in command-line order. kubectl compares every pair; this does the
//! same with sorted lists of (key, effect), in time n log n in the node's taints (issue 24 item 2:
//! one `kubectl taint` on a node with thousands of taints was quadratic, and a script of them
//! cubic). Sorted `Vec`s rather than hash sets: each set type compiled its own table code.

use crate::api::Taint;

/// The (key, effect) pairs of `taints`, sorted, each once.
pub(super) fn pairs(taints: &[Taint]) -> Vec<(&str, &str)> {
    let mut pairs: Vec<(&str, &str)> = taints.iter().map(|t| (&*t.key, &*t.effect)).collect();
    crate::sort::sort(&mut pairs);
    pairs.dedup();
    pairs
}

/// Where (key, effect) is in `pairs` (as [`pairs`] gives them).
pub(super) fn find(pairs: &[(&str, &str)], key: &str, effect: &str) -> Option<usize> {
    pairs.binary_search(&(key, effect)).ok()
}

/// What reorganizing gave: the node's new taints, and whether a taint was added and whether the
/// last removal removed something (kubectl's `added` and `deleted`).
pub(super) struct Reorganized {
    pub taints: Vec<Taint>,
    pub added: bool,
    pub deleted: bool,
}

/// `to_remove` holds (key, effect); without an effect every taint with the key goes. Each removal
/// that finds nothing is an error `taint "…" not found`, as kubectl words it.
pub(super) fn reorganize(
    old: &[Taint],
    to_add: &[Taint],
    to_remove: &[(String, Option<String>)],
) -> Result<Reorganized, Vec<String>> {
    // addTaints: the old taints no added one matches (by key and effect) follow the added ones.
    // (kubectl also compares each old taint with the old ones appended before it; the API server
    // keeps a node's taints unique by key and effect, so none ever matches.)
    let adding = pairs(to_add);
    let mut taints = Vec::with_capacity(to_add.len() + old.len());
    taints.extend_from_slice(to_add);
    taints.extend(
        old.iter()
            .filter(|o| find(&adding, &o.key, &o.effect).is_none())
            .cloned(),
    );
    let added = old.len() != taints.len();
    if to_remove.is_empty() {
        return Ok(Reorganized {
            taints,
            added,
            deleted: false,
        });
    }
    // deleteTaints, in order: each removal sees what the ones before it left.
    // Each pair present, and whether a removal took it (gone).
    let present = pairs(&taints);
    let mut gone = vec![false; present.len()];
    let mut errors = Vec::new();
    let mut deleted = false;
    for (key, effect) in to_remove {
        deleted = match effect.as_deref().filter(|e| !e.is_empty()) {
            Some(e) => match find(&present, key, e) {
                Some(at) => !std::mem::replace(&mut gone[at], true),
                None => false,
            },
            None => {
                // Every effect of the key: the pairs sorted by key are next to each other.
                let start = present.partition_point(|(k, _)| *k < key.as_str());
                let end = present.partition_point(|(k, _)| *k <= key.as_str());
                let mut removed = false;
                for g in &mut gone[start..end] {
                    removed |= !std::mem::replace(g, true);
                }
                removed
            }
        };
        if !deleted {
            errors.push(format!(
                "taint \"{}\" not found",
                super::removal_string(key, effect.as_deref())
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if gone.contains(&true) {
        let keep: Vec<bool> = taints
            .iter()
            .map(|t| find(&present, &t.key, &t.effect).is_none_or(|at| !gone[at]))
            .collect();
        let mut keep = keep.into_iter();
        taints.retain(|_| keep.next().unwrap_or(true));
    }
    Ok(Reorganized {
        taints,
        added,
        deleted,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(key: &'static str, value: &'static str, effect: &'static str) -> Taint {
        Taint::new(key, value, effect)
    }

    fn keys(r: &Reorganized) -> Vec<String> {
        r.taints
            .iter()
            .map(|t| format!("{}={}:{}", t.key, t.value, t.effect))
            .collect()
    }

    /// kubectl TestReorganizeTaints: added first, the untouched old ones after, in their order.
    #[test]
    fn added_taints_come_first_then_the_others() {
        let old = [t("a", "1", "NoSchedule"), t("b", "1", "NoExecute")];
        let r = reorganize(
            &old,
            &[t("b", "2", "NoExecute"), t("c", "", "NoSchedule")],
            &[],
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            keys(&r),
            ["b=2:NoExecute", "c=:NoSchedule", "a=1:NoSchedule"]
        );
        assert!(r.added && !r.deleted);
    }

    /// deleteTaints: by key and effect, or every effect of a key; in order, so removing the same
    /// taint twice finds nothing the second time; `deleted` is the last removal's.
    #[test]
    fn removals_run_in_order() {
        let old = [
            t("a", "", "NoSchedule"),
            t("a", "", "NoExecute"),
            t("b", "", "NoSchedule"),
        ];
        let rm = |k: &str, e: Option<&str>| (k.to_string(), e.map(str::to_string));
        let r = reorganize(&old, &[], &[rm("a", None)]).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(keys(&r), ["b=:NoSchedule"]);
        assert!(!r.added && r.deleted);
        let r = reorganize(&old, &[], &[rm("a", Some("NoExecute"))])
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(keys(&r), ["a=:NoSchedule", "b=:NoSchedule"]);
        let twice = reorganize(
            &old,
            &[],
            &[
                rm("b", Some("NoSchedule")),
                rm("b", Some("NoSchedule")),
                rm("c", None),
            ],
        );
        assert_eq!(
            twice.err(),
            Some(vec![
                "taint \"b:NoSchedule\" not found".to_string(),
                "taint \"c\" not found".to_string()
            ])
        );
    }
}
