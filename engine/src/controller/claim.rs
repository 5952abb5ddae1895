//! The ControllerRefManager's decision for one object (`ClaimObject`, spec §6.2), shared by the
//! DaemonSet controller (pods), the ReplicaSet controller (pods) and the Deployment controller
//! (ReplicaSets).

use crate::api::ObjectMeta;

/// What a controller does with one object it lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    /// Controlled by it and selected: it is the controller's.
    Ours,
    /// Controlled by it but no longer selected: drop its controller reference.
    Release,
    /// An orphan it selects: add its controller reference.
    Adopt,
    /// Someone else's, or nothing to do.
    NotOurs,
}

/// `ClaimObject`: release only while the controller is not being deleted; adopt only a selected
/// orphan that is not being deleted, by a controller that is not being deleted.
pub fn decide(controller: &ObjectMeta, object: &ObjectMeta, selected: bool) -> Claim {
    decide_as(controller, &controller.uid.as_str(), object, selected)
}

/// [`decide`] with the controller's UID as text, `uid`: written once for a whole listing. A
/// reference's UID (text) compared with a `Uid` writes the UUID's 36 characters each time,
/// and the DaemonSet controller compares one per pod on each visited node.
pub fn decide_as(controller: &ObjectMeta, uid: &str, object: &ObjectMeta, selected: bool) -> Claim {
    let deleting = controller.is_being_deleted();
    match object.controller_ref() {
        Some(r) if r.uid == uid => match (selected, deleting) {
            (true, _) => Claim::Ours,
            (false, false) => Claim::Release,
            (false, true) => Claim::NotOurs,
        },
        Some(_) => Claim::NotOurs,
        None if selected && !deleting && !object.is_being_deleted() => Claim::Adopt,
        None => Claim::NotOurs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{ObjectMetaMore, OwnerReference, Time};

    fn meta(uid: &str, deleting: bool) -> ObjectMeta {
        ObjectMeta {
            uid: uid.into(),
            more: ObjectMetaMore {
                deletion_timestamp: deleting.then(Time::default),
                ..Default::default()
            }
            .into(),
            ..Default::default()
        }
    }

    fn owned_by(owner: &ObjectMeta, deleting: bool) -> ObjectMeta {
        let mut m = meta("child", deleting);
        m.more.owner_references = vec![OwnerReference::controller_of("ReplicaSet", owner)];
        m
    }

    /// `ClaimObject` (spec §6.2) with the controller's UID given as text, as the DaemonSet
    /// controller's listing does: a UUID (kept as its bytes) matches its own text only, not
    /// a UUID one digit apart, and other text matches itself.
    #[test]
    fn s6_2_claim_by_the_uid_as_text_decides_as_claim_object() {
        let uuid = "0b6c0c34-4f0e-4b6e-9b1e-6f0f7c4a2d51";
        let near = meta("0b6c0c34-4f0e-4b6e-9b1e-6f0f7c4a2d52", false);
        for owner in [meta(uuid, false), meta("rs", false)] {
            let text = owner.uid.as_str();
            let decide = |object: &ObjectMeta, selected| decide_as(&owner, &text, object, selected);
            assert_eq!(decide(&owned_by(&owner, false), true), Claim::Ours);
            assert_eq!(decide(&owned_by(&owner, false), false), Claim::Release);
            assert_eq!(decide(&owned_by(&near, false), true), Claim::NotOurs);
            assert_eq!(decide(&owned_by(&near, false), false), Claim::NotOurs);
            assert_eq!(decide(&meta("orphan", false), true), Claim::Adopt);
        }
        let dying = meta(uuid, true);
        let text = dying.uid.as_str();
        assert_eq!(
            decide_as(&dying, &text, &owned_by(&dying, false), false),
            Claim::NotOurs
        );
    }

    /// `ClaimObject` (spec §6.2): a controller being deleted neither releases nor adopts; an
    /// object being deleted is not adopted; another controller's object is never touched.
    #[test]
    fn claim_object_decisions() {
        let rs = meta("rs", false);
        let dying = meta("rs", true);
        assert_eq!(decide(&rs, &owned_by(&rs, false), true), Claim::Ours);
        assert_eq!(decide(&rs, &owned_by(&rs, false), false), Claim::Release);
        assert_eq!(
            decide(&dying, &owned_by(&dying, false), false),
            Claim::NotOurs
        );
        assert_eq!(decide(&rs, &meta("orphan", false), true), Claim::Adopt);
        assert_eq!(decide(&rs, &meta("orphan", false), false), Claim::NotOurs);
        assert_eq!(decide(&rs, &meta("orphan", true), true), Claim::NotOurs);
        assert_eq!(decide(&dying, &meta("orphan", false), true), Claim::NotOurs);
        assert_eq!(
            decide(&rs, &owned_by(&meta("other", false), false), true),
            Claim::NotOurs
        );
    }
}
