//! The lesson panel: the step's text in the page's language, its goal with each expectation
//! met or not (checked after every command and tick by the model), hints one at a time, the
//! solution on request, and "Next step" once the goal is met. The learner works in the same
//! page: editor, canvas and console.

use super::markdown;
use super::use_state;
use crate::host::protocol::{LessonShown, Request};
use crate::i18n::{Msg, use_i18n};
use dsplay_engine::lesson::Texts;
use dsplay_engine::lesson::markdown::{Block, Inline};
use leptos::prelude::*;

/// What the panel shows of the current step, in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
struct StepText {
    lesson_title: String,
    title: String,
    text: Vec<Block>,
    hints: Vec<Vec<Inline>>,
    solution: String,
    number: usize,
    total: usize,
}

/// Where the learner is: which step, and what has been shown of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Progress {
    done: bool,
    last: bool,
    hints_shown: usize,
    solution_shown: bool,
}

fn pick<T: Clone + Default>(texts: &Texts<T>, lang: &str) -> T {
    texts.get(lang).cloned().unwrap_or_default()
}

fn step_text(l: &LessonShown, lang: &str) -> Option<StepText> {
    let s = l.text.as_ref()?;
    Some(StepText {
        lesson_title: pick(&s.lesson_title, lang),
        title: pick(&s.title, lang),
        text: pick(&s.text, lang),
        hints: s.hints.iter().map(|h| pick(h, lang)).collect(),
        solution: s.solution.clone(),
        number: l.step + 1,
        total: l.steps,
    })
}

#[component]
pub fn LessonPanel() -> impl IntoView {
    let state = use_state();
    let i18n = use_i18n();
    let lesson = state.parts().lesson;
    let text = Memo::new(move |_| {
        let lang = i18n.lang();
        lesson.with(|v| v.state.as_ref().and_then(|l| step_text(l, lang.tag())))
    });
    let progress = Memo::new(move |_| {
        lesson.with(|v| {
            v.state.as_ref().map(|l| Progress {
                done: l.done,
                last: l.is_last_step(),
                hints_shown: l.hints_shown,
                solution_shown: l.solution_shown,
            })
        })
    });
    let goals = Memo::new(move |_| lesson.with(|v| v.goals.clone()));

    move || {
        let (Some(t), Some(pr)) = (text.get(), progress.get()) else {
            return ().into_any();
        };
        let step_of = i18n.f(Msg::LessonStepOf, &[("n", &t.number), ("total", &t.total)]);
        let hints = t.hints.len();
        view! {
            <section class="panel lesson" aria-labelledby="lesson-heading">
                <div class="panel-head">
                    <h2 id="lesson-heading">{t.lesson_title.clone()}</h2>
                    <span class="lesson-progress">{step_of}</span>
                    <button
                        type="button"
                        class="lesson-leave"
                        on:click=move |_| {
                            state.send(Request::LeaveLesson);
                        }
                    >
                        {i18n.tr(Msg::LessonLeave)}
                    </button>
                </div>
                <h3 class="lesson-step-title">{t.title.clone()}</h3>
                <div class="lesson-text">{markdown::blocks(&t.text)}</div>
                <h4>{i18n.tr(Msg::LessonGoal)}</h4>
                <ul class="lesson-goal" aria-live="polite">
                    {move || {
                        goals
                            .get()
                            .into_iter()
                            .map(|g| {
                                let state_word = i18n
                                    .t(if g.met { Msg::LessonGoalMet } else { Msg::LessonGoalOpen });
                                view! {
                                    <li class:met=g.met>
                                        <span class="goal-mark" aria-hidden="true">
                                            {if g.met { "\u{2713}" } else { "\u{25CB}" }}
                                        </span>
                                        <code>{g.text}</code>
                                        <span class="visually-hidden">{format!(" ({state_word})")}</span>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                <ol class="lesson-hints">
                    {t
                        .hints
                        .iter()
                        .take(pr.hints_shown)
                        .map(|h| view! { <li>{markdown::inlines(h)}</li> })
                        .collect_view()}
                </ol>
                {pr
                    .solution_shown
                    .then(|| {
                        view! {
                            <div class="lesson-solution">
                                <h4>{i18n.tr(Msg::LessonSolution)}</h4>
                                <pre><code>{t.solution.clone()}</code></pre>
                            </div>
                        }
                    })}
                <div class="lesson-actions">
                    <button
                        type="button"
                        disabled={pr.hints_shown >= hints}
                        on:click=move |_| {
                            state.send(Request::ShowHint);
                        }
                    >
                        {i18n.tr(Msg::LessonHint)}
                    </button>
                    <button
                        type="button"
                        disabled=pr.solution_shown
                        on:click=move |_| {
                            state.send(Request::ShowSolution);
                        }
                    >
                        {i18n.tr(Msg::LessonShowSolution)}
                    </button>
                    {(pr.done && !pr.last)
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    class="primary lesson-next"
                                    on:click=move |_| {
                                        state.send(Request::NextLessonStep);
                                    }
                                >
                                    {i18n.tr(Msg::LessonNext)}
                                </button>
                            }
                        })}
                </div>
                <p class="lesson-status" role="status">
                    {match (pr.done, pr.last) {
                        (true, true) => i18n.t(Msg::LessonComplete),
                        (true, false) => i18n.t(Msg::LessonDone),
                        _ => "",
                    }}
                </p>
            </section>
        }
        .into_any()
    }
}
