//! A card's chips: which enter, which leave, and that a card drawn again animates nothing.

use super::chips::{ChipList, SeenPods};
use super::{PodChip, PodState};

fn pod(uid: &str, name: &str) -> PodChip {
    PodChip {
        uid: uid.to_string(),
        namespace: "default".to_string(),
        name: name.to_string(),
        state: PodState::Ready,
        label: "Ready".to_string(),
        revision: Some(1),
        current: Some(true),
        surge: false,
        other_owner: None,
    }
}

fn shown(list: &ChipList) -> Vec<(&str, bool, bool)> {
    list.chips()
        .iter()
        .map(|c| (c.chip.name.as_str(), c.entering, c.leaving))
        .collect()
}

/// A card drawn with `pods`, its entering animations over.
fn card(pods: &[PodChip], seen: &mut SeenPods) -> ChipList {
    let mut list = ChipList::default();
    if let Some(change) = list.update(pods, true, seen) {
        list.settle(change);
    }
    list
}

#[test]
fn pods_shown_for_the_first_time_enter_until_their_animation_is_over() {
    let mut seen = SeenPods::default();
    let mut list = ChipList::default();
    let change = list
        .update(
            &[pod("u1", "agent-a"), pod("u2", "agent-b")],
            true,
            &mut seen,
        )
        .expect("the chips entered");
    assert_eq!(
        shown(&list),
        [("agent-a", true, false), ("agent-b", true, false)]
    );
    list.settle(change);
    assert_eq!(
        shown(&list),
        [("agent-a", false, false), ("agent-b", false, false)]
    );
}

#[test]
fn a_card_drawn_again_animates_none_of_its_chips() {
    let mut seen = SeenPods::default();
    let pods = [pod("u1", "agent-a"), pod("u2", "agent-b")];
    let _first = card(&pods, &mut seen);
    // The same node's card drawn again (re-sorted, the dense view's card): all still.
    let mut again = ChipList::default();
    assert_eq!(again.update(&pods, true, &mut seen), None);
    assert_eq!(
        shown(&again),
        [("agent-a", false, false), ("agent-b", false, false)]
    );
    // A state changed: nothing enters or leaves.
    let mut changed = pod("u1", "agent-a");
    changed.state = PodState::Terminating;
    assert_eq!(
        again.update(&[changed, pod("u2", "agent-b")], true, &mut seen),
        None
    );
    assert_eq!(again.chips()[0].chip.state, PodState::Terminating);
    assert_eq!(again.uids(), ["u1", "u2"]);
}

#[test]
fn a_new_pod_on_a_card_enters_in_its_place() {
    let mut seen = SeenPods::default();
    let mut list = card(&[pod("u1", "agent-b")], &mut seen);
    let change = list
        .update(
            &[pod("u2", "agent-a"), pod("u1", "agent-b")],
            true,
            &mut seen,
        )
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
    let mut seen = SeenPods::default();
    let mut list = card(&[pod("u1", "agent-a"), pod("u2", "agent-b")], &mut seen);
    let first = list
        .update(&[pod("u2", "agent-b")], true, &mut seen)
        .unwrap();
    assert_eq!(
        shown(&list),
        [("agent-a", false, true), ("agent-b", false, false)]
    );
    // Another pod goes later: its fade is not cut short by the first one's end.
    let second = list.update(&[], true, &mut seen).unwrap();
    assert!(second > first);
    // A tick while they fade changes nothing.
    assert_eq!(list.update(&[], true, &mut seen), None);
    list.settle(first);
    assert_eq!(shown(&list), [("agent-b", false, true)]);
    list.settle(second);
    assert!(list.chips().is_empty());
}

#[test]
fn with_reduced_motion_a_pod_gone_goes_at_once() {
    let mut seen = SeenPods::default();
    let mut list = card(&[pod("u1", "agent-a")], &mut seen);
    assert_eq!(list.update(&[], false, &mut seen), None);
    assert!(list.chips().is_empty());
}

#[test]
fn a_pod_replaced_under_the_same_name_is_a_new_chip() {
    let mut seen = SeenPods::default();
    let mut list = card(&[pod("u1", "agent-a")], &mut seen);
    list.update(&[pod("u9", "agent-a")], true, &mut seen)
        .unwrap();
    assert_eq!(
        list.chips()
            .iter()
            .map(|c| (c.chip.uid.as_str(), c.entering, c.leaving))
            .collect::<Vec<_>>(),
        [("u1", false, true), ("u9", true, false)]
    );
}
