//! A lesson followed in the model, natively: the goal checked after each command, "Next",
//! hints, and links that carry the lesson and its step.

use super::*;
use crate::lessons;
use crate::share::{self, Scenario};

fn basics() -> Playground {
    let mut p = Playground::empty();
    let lesson = lessons::load("daemonset-basics").expect("the lesson reads");
    p.start_lesson("daemonset-basics", lesson, 0);
    p
}

fn step(p: &Playground) -> usize {
    p.lesson().expect("a lesson").step
}

fn done(p: &Playground) -> bool {
    p.lesson().expect("a lesson").done
}

#[test]
fn a_lesson_opens_with_its_setup_and_the_steps_editor_text() {
    let p = basics();
    // The lesson's setup ran through the one command path, so the transcript shows it.
    assert_eq!(p.transcript().len(), 1);
    assert!(p.transcript()[0].output.contains("node/node-2 created"));
    assert!(p.manifest.contains("name: fluentd"), "{}", p.manifest);
    assert_eq!(step(&p), 0);
    assert!(!done(&p));
    let goals = p.lesson_goals();
    assert_eq!(goals.len(), 1);
    assert_eq!(
        goals[0].text,
        "pods of daemonset.apps/fluentd on exactly node-1, node-2"
    );
    assert!(!goals[0].met);
}

#[test]
fn the_goal_is_checked_after_each_command_and_next_opens_the_next_step() {
    let mut p = basics();
    p.next_lesson_step();
    assert_eq!(step(&p), 0, "Next does nothing before the goal is met");
    p.apply_manifest();
    assert!(done(&p), "the Apply met the goal: {:?}", p.lesson_goals());
    p.next_lesson_step();
    assert_eq!(step(&p), 1);
    assert!(!done(&p));
    p.add_nodes(1);
    assert!(done(&p), "{:?}", p.lesson_goals());
    p.next_lesson_step();
    // Step 3 waits for readiness: ticks of the clock meet it.
    assert!(!done(&p));
    p.playing = true;
    for _ in 0..100 {
        p.tick(100);
    }
    assert!(done(&p), "{:?}", p.lesson_goals());
    p.next_lesson_step();
    p.run("kubectl delete node node-3");
    p.settle();
    assert!(done(&p));
    assert!(p.lesson().unwrap().is_last_step());
    p.next_lesson_step();
    assert_eq!(step(&p), 3, "the last step has no next");
}

/// Done stays done: the learner may go on changing the cluster before pressing Next.
#[test]
fn a_met_goal_stays_met() {
    let mut p = basics();
    p.apply_manifest();
    assert!(done(&p));
    p.run("kubectl delete ds fluentd");
    assert!(!p.lesson_goals()[0].met);
    assert!(done(&p));
}

/// A goal on the previous command's output (seed 004's `kubectl get all`) holds while the clock
/// plays on: its ticks are not the learner's commands.
#[test]
fn an_output_goal_reads_the_learners_command_not_the_clocks() {
    let mut p = Playground::empty();
    let lesson = lessons::load("deployment-to-daemonset").expect("the lesson reads");
    p.start_lesson("deployment-to-daemonset", lesson, 0);
    p.console("kubectl get all");
    assert!(done(&p));
    p.play();
    p.tick(1000);
    assert!(p.lesson_goals().iter().all(|g| g.met));
}

#[test]
fn hints_one_at_a_time_the_solution_and_leaving() {
    let mut p = basics();
    p.show_hint();
    p.show_hint();
    assert_eq!(p.lesson().unwrap().hints_shown, 1, "step 1 has one hint");
    p.show_solution();
    assert!(p.lesson().unwrap().solution_shown);
    p.leave_lesson();
    assert!(p.lesson().is_none());
    assert!(p.lesson_goals().is_empty());
}

/// A link keeps the lesson and its step; opening it replays the work and resumes there.
#[test]
fn links_carry_the_lesson_and_its_step() {
    let mut p = basics();
    p.apply_manifest();
    p.next_lesson_step();
    let scenario = share::snapshot(&p);
    assert_eq!(scenario.lesson.as_deref(), Some("daemonset-basics"));
    assert_eq!(scenario.step, Some(2));
    let link = share::encode(&scenario);
    let q = share::restore(&share::decode(&link).unwrap()).unwrap();
    assert_eq!(step(&q), 1);
    assert_eq!(q.log().script(), p.log().script(), "the setup ran once");
    assert_eq!(q.manifest, p.manifest);
}

/// An embed or `?lesson=` names a lesson and maybe a step: earlier steps' solutions bring the
/// cluster there.
#[test]
fn a_lesson_opens_at_a_step() {
    let scenario = Scenario {
        lesson: Some("daemonset-basics".into()),
        step: Some(2),
        ..Scenario::default()
    };
    let p = share::restore(&scenario).unwrap();
    assert_eq!(step(&p), 1);
    assert!(
        p.session().cluster().store().daemonsets().len() == 1,
        "step 1's solution applied the DaemonSet"
    );
    let unknown = Scenario {
        lesson: Some("no-such-lesson".into()),
        ..Scenario::default()
    };
    assert!(share::restore(&unknown).unwrap().lesson().is_none());
}
