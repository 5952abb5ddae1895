//! Whether the page's loop of [`Request::Work`](crate::host::protocol::Request) runs: one loop
//! at a time, however many actions start work, and none of them lost.
//!
//! The model answers a Work with whether work is left *when it reads that Work*. A Settle
//! clicked while the last Work of a loop is on its way (say, one streaming node cards) reaches
//! the model after it: that Work answers "done", and a loop that stopped there would leave the
//! Settle waiting forever. So an action that finds a loop running marks it to go round once
//! more.

/// The loop's state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WorkLoop {
    /// No Work is on its way.
    #[default]
    Idle,
    /// A Work is on its way, sent after every request that started work.
    Running,
    /// A Work is on its way, and a request that started work was sent after it.
    Again,
}

impl WorkLoop {
    /// A request that starts work was sent: true when a Work must be sent now (no loop ran).
    pub fn start(&mut self) -> bool {
        let send = *self == WorkLoop::Idle;
        *self = if send {
            WorkLoop::Running
        } else {
            WorkLoop::Again
        };
        send
    }

    /// The loop's Work was answered, `done` when the model had no work left as it read it:
    /// true when another Work must be sent.
    pub fn answered(&mut self, done: bool) -> bool {
        let send = !done || *self == WorkLoop::Again;
        *self = if send {
            WorkLoop::Running
        } else {
            WorkLoop::Idle
        };
        send
    }
}

#[cfg(test)]
mod tests {
    use super::WorkLoop;

    /// Issue 22, the stop-30 CI failure: a Settle started while a loop's last Work is on its
    /// way still gets a Work after it (the Work before it answers "done").
    #[test]
    fn work_started_during_a_loops_last_work_gets_another_work() {
        let mut w = WorkLoop::default();
        assert!(w.start(), "the first action sends a Work");
        assert!(
            !w.start(),
            "a second action while it is on its way sends none"
        );
        assert!(w.answered(true), "but the loop goes round once more");
        assert!(!w.answered(true), "and stops when that one is done too");
        assert_eq!(w, WorkLoop::Idle);
    }

    #[test]
    fn a_loop_runs_while_work_is_left_and_stops_once_done() {
        let mut w = WorkLoop::default();
        assert!(w.start());
        assert!(w.answered(false));
        assert!(w.answered(false));
        assert!(!w.answered(true));
        assert!(w.start(), "a later action starts a new loop");
    }

    #[test]
    fn a_work_sent_after_the_action_covers_it() {
        let mut w = WorkLoop::default();
        assert!(w.start());
        assert!(!w.start());
        // The loop's Work answered "more": the next Work goes after the action's request.
        assert!(w.answered(false));
        assert!(
            !w.answered(true),
            "no extra round once a later Work answered done"
        );
    }
}
