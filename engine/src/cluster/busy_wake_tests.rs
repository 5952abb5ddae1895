//! `next_busy_wake` past instants whose timers are all idle: the earliest busy one, wherever it
//! is.

use crate::api::ObjectKey;
use crate::cluster::Cluster;
use crate::state::clock::Wake;

#[test]
fn the_earliest_busy_timer_comes_after_any_number_of_idle_instants() {
    for idle_instants in 0..6 {
        let mut c = Cluster::new();
        let now = c.w.clock.now();
        // A DaemonSet that does not exist: its timer is idle.
        let gone = || Wake::DaemonSet(ObjectKey::new("default", "gone"));
        for i in 0..idle_instants {
            c.w.clock.schedule(now.plus_millis(1_000 * (i + 1)), gone());
            c.w.clock.schedule(now.plus_millis(1_000 * (i + 1)), gone());
        }
        let busy = now.plus_millis(1_000 * (idle_instants + 1));
        c.w.clock
            .schedule(busy.plus_millis(500), Wake::PodGc("n".into()));
        c.w.clock.schedule(busy, Wake::PodGc("n".into()));
        c.w.clock.schedule(busy.plus_millis(100), gone());
        assert_eq!(
            c.next_busy_wake(),
            Some(busy),
            "{idle_instants} idle instants"
        );
    }
    let mut c = Cluster::new();
    let at = c.w.clock.now().plus_millis(1_000);
    c.w.clock
        .schedule(at, Wake::DaemonSet(ObjectKey::new("default", "gone")));
    assert_eq!(c.next_busy_wake(), None, "only idle timers");
}
