//! The simulated cluster: the driver that owns the state ([`World`]) and the controllers, runs them
//! to quiescence at each instant and moves the virtual clock; and the writes users make
//! (kubectl and `sim` verbs) with what the API server does on each.

mod budget;
#[cfg(test)]
mod busy_wake_tests;
#[cfg(test)]
mod node_conditions_tests;
mod workloads;
mod writes;
pub use budget::{MAX_STORED, Stop, WORK_PER_COMMAND};
pub use writes::{Cascade, NodeReadiness, Pressure};

use crate::api::{Event, NodeCondition, Time};
use crate::controller::{
    daemonset::DaemonSetController, deployment::DeploymentController,
    garbage_collector::GarbageCollector, kubelet::Kubelet, node_lifecycle::NodeLifecycle,
    pod_gc::PodGc, replicaset::ReplicaSetController, scheduler::Scheduler,
    taint_eviction::TaintEviction,
};
use crate::state::World;
use crate::state::clock::{Clock, Wake};
use crate::state::events::{self, Recorder};
use crate::state::names::Rng;
use crate::state::recent::Recent;
use crate::state::store::Store;
use crate::state::timings::Timings;
use budget::{Budget, MAX_ROUNDS_PER_INSTANT};
use std::collections::BTreeSet;

pub struct Cluster {
    pub(crate) w: World,
    pub(crate) daemonsets: DaemonSetController,
    deployments: DeploymentController,
    replicasets: ReplicaSetController,
    scheduler: Scheduler,
    kubelet: Kubelet,
    lifecycle: NodeLifecycle,
    eviction: TaintEviction,
    pod_gc: PodGc,
    gc: GarbageCollector,
    /// Nodes created so far, for pod CIDRs and addresses.
    pub(crate) nodes_created: u32,
    /// Conditions of nodes registered lately: the nodes of one NodeList register at the same
    /// instant with equal conditions and share one copy (512 B a node).
    recent_node_conditions: Recent<Vec<NodeCondition>>,
    budget: Budget,
    /// Writes each command may make (tests lower it).
    pub(crate) work_per_command: u64,
}

/// How `sim settle` ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settled {
    pub settled: bool,
    /// Virtual milliseconds since the scenario began.
    pub at_millis: i64,
}

impl Default for Cluster {
    fn default() -> Self {
        Cluster::new()
    }
}

impl Cluster {
    pub fn new() -> Cluster {
        Cluster {
            w: World {
                store: Store::default(),
                clock: Clock::default(),
                rng: Rng::new(0),
                recorder: Recorder::default(),
                timings: Timings::default(),
                unpullable: BTreeSet::new(),
                audit: Default::default(),
            },
            daemonsets: DaemonSetController::default(),
            deployments: DeploymentController::default(),
            replicasets: ReplicaSetController::default(),
            scheduler: Scheduler::default(),
            kubelet: Kubelet::default(),
            lifecycle: NodeLifecycle::default(),
            eviction: TaintEviction::default(),
            pod_gc: PodGc::default(),
            gc: GarbageCollector::default(),
            nodes_created: 0,
            recent_node_conditions: Recent::default(),
            budget: Budget::default(),
            work_per_command: WORK_PER_COMMAND,
        }
    }

    /// Gives the command about to run a fresh work and memory budget.
    pub fn start_command(&mut self) {
        self.budget.start(self.work_per_command);
    }

    /// Why the current command stopped early, if it did: nothing more happens until the next.
    pub fn stopped(&self) -> Option<Stop> {
        self.budget.stop
    }

    pub fn store(&self) -> &Store {
        &self.w.store
    }
    /// Every event the API server still holds (kube-apiserver's `--event-ttl`), oldest first.
    pub fn events(&self) -> impl Iterator<Item = &Event> {
        self.w.recorder.held(self.now())
    }
    /// The same events, oldest first, read in place: for searches that keep few of them.
    pub fn event_log(&self) -> impl DoubleEndedIterator<Item = events::EventRef<'_>> {
        self.w.recorder.iter_held(self.now())
    }
    pub fn now(&self) -> Time {
        self.w.clock.now()
    }
    /// Virtual milliseconds since the scenario began.
    pub fn elapsed_millis(&self) -> i64 {
        self.w.clock.elapsed_millis()
    }
    /// The API server's audit log of pod writes (`sim audit`).
    pub fn audit(&self) -> &crate::state::audit::AuditLog {
        &self.w.audit
    }
    pub fn timings_mut(&mut self) -> &mut Timings {
        &mut self.w.timings
    }
    /// How many placement decisions the DaemonSet controller has evaluated so far.
    pub fn placement_evaluations(&self) -> u64 {
        self.daemonsets.evaluations
    }

    /// How many DaemonSet syncs have run so far.
    pub fn daemonset_syncs(&self) -> u64 {
        self.daemonsets.syncs
    }

    /// `sim seed N`: reseeds pod-name suffixes, UIDs and the like.
    pub fn seed(&mut self, seed: u64) {
        self.w.rng = Rng::new(seed);
    }

    /// Runs every controller until nothing changes at the current instant.
    pub fn reconcile(&mut self) {
        for _ in 0..MAX_ROUNDS_PER_INSTANT {
            if self.budget.stop.is_some() {
                return;
            }
            let changes = self.w.store.take_changes();
            let count = changes.len();
            for c in changes.into_changes(&self.w.store) {
                let c = &c;
                self.lifecycle.observe(c, &self.w);
                self.eviction.observe(c, &self.w);
                self.daemonsets.observe(c, &self.w);
                self.deployments.observe(c, &self.w);
                self.replicasets.observe(c, &self.w);
                self.scheduler.observe(c, &self.w);
                self.kubelet.observe(c, &self.w);
                self.pod_gc.observe(c, &self.w);
                self.gc.observe(c, &self.w);
            }
            let mut worked = self.lifecycle.process(&mut self.w);
            worked |= self.eviction.process(&mut self.w);
            worked |= self.gc.process(&mut self.w);
            worked |= self.daemonsets.process(&mut self.w);
            worked |= self.deployments.process(&mut self.w);
            worked |= self.replicasets.process(&mut self.w);
            worked |= self.scheduler.process(&mut self.w);
            worked |= self.kubelet.process(&mut self.w);
            worked |= self.pod_gc.process(&mut self.w);
            if !worked && !self.w.store.has_changes() {
                return;
            }
            let stored =
                self.w.store.pods().len() + self.w.store.nodes().len() + self.w.recorder.count();
            self.budget.spend(count as u64 + 1, stored);
        }
        self.budget.stop_instant();
    }

    fn fire(&mut self, wake: Wake) {
        let now = self.w.clock.now();
        match wake {
            Wake::Kubelet(k, hint) => self.kubelet.wake(k, hint),
            Wake::DaemonSet(k) => self.daemonsets.wake(&k, now),
            Wake::NodeLifecycle(n) => self.lifecycle.wake(n),
            Wake::TaintEviction(k) => self.eviction.wake(k),
            Wake::PodGc(n) => self.pod_gc.wake(n),
            Wake::ReplicaSet(k) => self.replicasets.wake(k),
        }
    }

    /// Fires the timers due now and reconciles.
    fn run_due(&mut self) {
        for wake in self.w.clock.take_due() {
            self.fire(wake);
        }
        self.reconcile();
    }

    /// `sim advance`: moves the clock forward, running every timer that falls due on the way.
    pub fn advance(&mut self, millis: i64) {
        self.reconcile();
        let target = self.w.clock.now().plus_millis(millis.max(0));
        while let Some(at) = self.w.clock.next_due().filter(|at| *at <= target) {
            if self.budget.stop.is_some() {
                return;
            }
            self.w.clock.set_now(at);
            self.run_due();
        }
        if self.budget.stop.is_some() {
            return;
        }
        self.w.clock.set_now(target);
        self.run_due();
    }

    /// `sim settle`: advances until only idle timers are left (retries that cannot change
    /// anything, like pulling an image that is still unpullable) or `timeout_millis` passes.
    pub fn settle(&mut self, timeout_millis: i64) -> Settled {
        self.reconcile();
        let deadline = self.w.clock.now().plus_millis(timeout_millis.max(0));
        loop {
            if self.budget.stop.is_some() {
                return Settled {
                    settled: false,
                    at_millis: self.elapsed_millis(),
                };
            }
            match self.next_busy_wake() {
                None => {
                    return Settled {
                        settled: true,
                        at_millis: self.elapsed_millis(),
                    };
                }
                Some(at) if at > deadline => {
                    self.w.clock.set_now(deadline);
                    self.run_due();
                    return Settled {
                        settled: false,
                        at_millis: self.elapsed_millis(),
                    };
                }
                Some(at) => {
                    self.w.clock.set_now(at);
                    self.run_due();
                }
            }
        }
    }

    /// When the next timer that can change something falls due (idle retries left out), or
    /// None when nothing is left to happen.
    ///
    /// The timers come in the order they fire, so the first busy one is the answer: settling
    /// 200,000 pods has that many kubelet timers pending, and only the idle ones before it
    /// (image pulls that keep failing) are asked (three lookups each), not every timer.
    pub fn next_busy_wake(&self) -> Option<Time> {
        let mut pending = self.w.clock.pending();
        pending
            .find(|(_, wake)| !self.is_idle(wake))
            .map(|(at, _)| at)
    }

    fn is_idle(&self, wake: &Wake) -> bool {
        match wake {
            Wake::Kubelet(k, hint) => self.kubelet.is_idle(k, *hint, &self.w),
            Wake::DaemonSet(k) => self.w.store.daemonset(k).is_none(),
            _ => false,
        }
    }
}
