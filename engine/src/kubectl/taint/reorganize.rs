//! kubectl's `reorganizeTaints` (`pkg/cmd/taint/utils.go`): the taints to add, then the node's
//! others, then the removals in command-line order. kubectl compares every pair; this does the
//! same with sets, in time linear in the node's taints (issue 24 item 2: one `kubectl taint` on a
//! node with thousands of taints was quadratic, and a script of them cubic).

use crate::api::Taint;
use std::collections::{HashMap, HashSet};

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
    let adding: HashSet<(&str, &str)> = to_add.iter().map(|t| (&*t.key, &*t.effect)).collect();
    let mut taints = Vec::with_capacity(to_add.len() + old.len());
    taints.extend_from_slice(to_add);
    taints.extend(
        old.iter()
            .filter(|o| !adding.contains(&(&*o.key, &*o.effect)))
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
    let mut effects_of: HashMap<&str, HashSet<&str>> = HashMap::new();
    for t in &taints {
        effects_of.entry(&t.key).or_default().insert(&t.effect);
    }
    let mut gone: HashSet<(String, String)> = HashSet::new();
    let mut errors = Vec::new();
    let mut deleted = false;
    for (key, effect) in to_remove {
        let effects = effects_of.get_mut(key.as_str());
        deleted = match (effects, effect.as_deref().filter(|e| !e.is_empty())) {
            (Some(effects), Some(e)) => {
                let removed = effects.remove(e);
                if removed {
                    gone.insert((key.clone(), e.to_string()));
                }
                removed
            }
            (Some(effects), None) => {
                let removed = !effects.is_empty();
                for e in effects.drain() {
                    gone.insert((key.clone(), e.to_string()));
                }
                removed
            }
            (None, _) => false,
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
    if !gone.is_empty() {
        taints.retain(|t| !gone.contains(&(t.key.to_string(), t.effect.to_string())));
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
