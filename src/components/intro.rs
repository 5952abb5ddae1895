//! The first screen's two lines: what this is, and what to do first. Shown until dismissed
//! (remembered in localStorage, `dsplay:intro-dismissed`), never in embeds or during a lesson,
//! whose panel says what to do.

use super::use_state;
use crate::i18n::{Msg, use_i18n};
use leptos::prelude::*;

const DISMISSED: &str = "dsplay:intro-dismissed";

#[component]
pub fn Intro() -> impl IntoView {
    let state = use_state();
    let i18n = use_i18n();
    let dismissed = RwSignal::new(
        crate::storage::local()
            .and_then(|s| s.get_item(DISMISSED).ok().flatten())
            .is_some(),
    );
    let lesson = state.parts().lesson;
    let in_lesson = Memo::new(move |_| lesson.with(|l| l.state.is_some()));
    let dismiss = move |_| {
        dismissed.set(true);
        if let Some(s) = crate::storage::local() {
            let _ = s.set_item(DISMISSED, "1");
        }
    };
    move || {
        (!dismissed.get() && !in_lesson.get()).then(|| {
            view! {
                <section class="intro" aria-label=i18n.tr(Msg::IntroLabel)>
                    <p class="intro-what">{i18n.tr(Msg::IntroWhat)}</p>
                    <p class="intro-first">{i18n.tr(Msg::IntroFirst)}</p>
                    <button type="button" on:click=dismiss>
                        {i18n.tr(Msg::IntroDismiss)}
                    </button>
                </section>
            }
        })
    }
}
