//! A lesson open in the playground: which step the learner is on, whether its goal has been met,
//! and how many hints they asked for. The goal's `expect` lines are checked after every command
//! and tick (`Session::evaluate`: read only, nothing recorded); once all are met the step is done
//! and stays done, and "Next" opens the next step by running its setup through the one command
//! path (so links replay it like any command).

use super::Playground;
use super::record::command_of;
use dsplay_engine::expect;
use dsplay_engine::lesson::Lesson;
use dsplay_engine::script::ScriptLine;

/// The lesson being followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonState {
    /// Its id (`crate::lessons`).
    pub id: String,
    pub lesson: Lesson,
    /// The current step, from 0.
    pub step: usize,
    /// The current step's goal has been met.
    pub done: bool,
    /// How many of the step's hints are shown.
    pub hints_shown: usize,
    /// Whether the step's solution is shown.
    pub solution_shown: bool,
}

impl LessonState {
    /// Whether the current step is the last.
    pub fn is_last_step(&self) -> bool {
        self.step + 1 >= self.lesson.steps.len()
    }
}

/// One expectation of the current goal, as the panel lists it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct GoalView {
    /// The expectation in words (`pods of daemonset.apps/fluentd on exactly node-1, node-2`).
    pub text: String,
    pub met: bool,
}

impl Playground {
    /// The lesson being followed, if any.
    pub fn lesson(&self) -> Option<&LessonState> {
        self.lesson.as_ref()
    }

    /// Opens `lesson` at `step` (from 0) on this playground, which should be empty: runs the
    /// lesson's setup, then each earlier step's setup and solution (so the cluster is where a
    /// learner would have left it), then the step's own setup. The editor shows the step's text.
    pub fn start_lesson(&mut self, id: &str, lesson: Lesson, step: usize) {
        let step = step.min(lesson.steps.len().saturating_sub(1));
        self.run_lines(&lesson.setup);
        for earlier in lesson.steps.iter().take(step) {
            self.run_lines(&earlier.setup);
            self.run_lines(&earlier.solution);
        }
        if let Some(s) = lesson.steps.get(step) {
            self.run_lines(&s.setup);
        }
        self.resume_lesson(id, lesson, step);
    }

    /// Marks `lesson` open at `step` without running anything: a link already replayed the
    /// commands that brought the cluster there.
    pub fn resume_lesson(&mut self, id: &str, lesson: Lesson, step: usize) {
        let step = step.min(lesson.steps.len().saturating_sub(1));
        let editor = (0..=step)
            .rev()
            .find_map(|i| lesson.steps.get(i).and_then(|s| s.editor.clone()))
            .or_else(|| lesson.editor.clone());
        if let Some(text) = editor {
            self.manifest = text;
            self.manifest_edited = false;
            self.apply_error = None;
        }
        self.lesson = Some(LessonState {
            id: id.to_string(),
            lesson,
            step,
            done: false,
            hints_shown: 0,
            solution_shown: false,
        });
        self.check_lesson_goal();
    }

    /// "Next step": once the goal is met, opens the next step (its setup runs).
    pub fn next_lesson_step(&mut self) {
        let Some(state) = &self.lesson else {
            return;
        };
        if !state.done || state.is_last_step() {
            return;
        }
        let next = state.step + 1;
        let (id, lesson) = (state.id.clone(), state.lesson.clone());
        if let Some(s) = lesson.steps.get(next) {
            let setup = s.setup.clone();
            self.run_lines(&setup);
        }
        self.resume_lesson(&id, lesson, next);
    }

    /// "Hint": shows one more of the step's hints.
    pub fn show_hint(&mut self) {
        if let Some(state) = &mut self.lesson {
            let total = state
                .lesson
                .steps
                .get(state.step)
                .map_or(0, |s| s.hints.len());
            state.hints_shown = (state.hints_shown + 1).min(total);
        }
    }

    /// "Show the solution".
    pub fn show_solution(&mut self) {
        if let Some(state) = &mut self.lesson {
            state.solution_shown = true;
        }
    }

    /// Leaves the lesson; the cluster stays as it is.
    pub fn leave_lesson(&mut self) {
        self.lesson = None;
    }

    /// The current goal, each expectation with whether it holds now.
    pub fn lesson_goals(&self) -> Vec<GoalView> {
        let Some(step) = self
            .lesson
            .as_ref()
            .and_then(|s| s.lesson.steps.get(s.step))
        else {
            return Vec::new();
        };
        step.goal
            .iter()
            .map(|g| GoalView {
                text: expect::describe(&g.expect),
                met: self.session.evaluate(&g.expect).met,
            })
            .collect()
    }

    /// After every command and tick: the step is done once its whole goal holds.
    pub(super) fn check_lesson_goal(&mut self) {
        let Some(state) = &self.lesson else {
            return;
        };
        if state.done {
            return;
        }
        let met = state
            .lesson
            .steps
            .get(state.step)
            .is_some_and(|s| s.goal.iter().all(|g| self.session.evaluate(&g.expect).met));
        if met && let Some(state) = &mut self.lesson {
            state.done = true;
        }
    }

    /// Runs a lesson's lines through the one command path.
    fn run_lines(&mut self, lines: &[ScriptLine]) {
        for line in lines {
            let (command, stdin) = command_of(line);
            match stdin {
                Some(stdin) => self.run_with_stdin(&command, &stdin),
                None => self.run(&command),
            };
        }
    }
}
