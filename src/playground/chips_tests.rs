//! A card's chips: which enter, which leave, and that a card drawn again animates nothing.

use super::chips::ChipList;
use super::{PodChip, PodState};

fn pod(uid: &str, name: &str) -> PodChip {
    PodChip {
        uid: uid.to_string(),
        namespace: "default".to_string(),
        name: name.to_string(),
        state: PodState::Ready,
        label: "Ready".to_string(),
        revision: Some(1),
    }
}

fn shown(list: &ChipList) -> Vec<(&str, bool, bool)> {
    list.chips()
        .iter()
        .map(|c| (c.chip.name.as_str(), c.entering, c.leaving))
        .collect()
}

#[test]
fn a_card_drawn_again_animates_none_of_its_chips() {
    let mut list = ChipList::new(&[pod("u1", "agent-a"), pod("u2", "agent-b")]);
    assert_eq!(
        shown(&list),
        [("agent-a", false, false), ("agent-b", false, false)]
    );
    // The same pods, a state changed: nothing enters or leaves.
    let mut changed = pod("u1", "agent-a");
    changed.state = PodState::Terminating;
    assert_eq!(list.update(&[changed, pod("u2", "agent-b")], true), None);
    assert_eq!(list.chips()[0].chip.state, PodState::Terminating);
    assert_eq!(list.uids(), ["u1", "u2"]);
}

#[test]
fn a_new_pod_enters_until_its_animation_is_over() {
    let mut list = ChipList::new(&[pod("u1", "agent-b")]);
    let change = list
        .update(&[pod("u2", "agent-a"), pod("u1", "agent-b")], true)
        .expect("a chip entered");
    assert_eq!(
        shown(&list),
        [("agent-a", true, false), ("agent-b", false, false)]
    );
    list.settle(change);
    assert_eq!(
        shown(&list),
        [("agent-a", false, false), ("agent-b", false, false)]
    );
}

#[test]
fn a_pod_gone_leaves_in_its_place_then_goes() {
    let mut list = ChipList::new(&[pod("u1", "agent-a"), pod("u2", "agent-b")]);
    let first = list.update(&[pod("u2", "agent-b")], true).unwrap();
    assert_eq!(
        shown(&list),
        [("agent-a", false, true), ("agent-b", false, false)]
    );
    // Another pod goes later: its fade is not cut short by the first one's end.
    let second = list.update(&[], true).unwrap();
    assert!(second > first);
    // A tick while they fade changes nothing.
    assert_eq!(list.update(&[], true), None);
    list.settle(first);
    assert_eq!(shown(&list), [("agent-b", false, true)]);
    list.settle(second);
    assert!(list.chips().is_empty());
}

#[test]
fn with_reduced_motion_a_pod_gone_goes_at_once() {
    let mut list = ChipList::new(&[pod("u1", "agent-a")]);
    assert_eq!(list.update(&[], false), None);
    assert!(list.chips().is_empty());
}

#[test]
fn a_pod_replaced_under_the_same_name_is_a_new_chip() {
    let mut list = ChipList::new(&[pod("u1", "agent-a")]);
    list.update(&[pod("u9", "agent-a")], true).unwrap();
    assert_eq!(
        list.chips()
            .iter()
            .map(|c| (c.chip.uid.as_str(), c.entering, c.leaving))
            .collect::<Vec<_>>(),
        [("u1", false, true), ("u9", true, false)]
    );
}
