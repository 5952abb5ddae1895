//! Panels below the first screen (the status table, "Why?", the console, the events), built
//! once the first scenario has been shown: building them at mount held the page's first
//! answer (the node cards) behind their views and V8's first compile of their code (issue 22,
//! first usable render). What they show lives in the model's parts ([`super::Parts`]), so
//! building them later loses nothing; until then their slots are empty.

use leptos::prelude::*;
use std::time::Duration;

/// Whether the panels below the first screen are built (in the context of the page).
#[derive(Clone, Copy)]
pub struct Later(RwSignal<bool>);

impl Later {
    pub fn provide() -> Self {
        let later = Self(RwSignal::new(false));
        provide_context(later);
        later
    }

    /// Builds them after the next frame: the scenario's views are painted first.
    pub fn release(self) {
        request_animation_frame(move || {
            set_timeout(move || self.0.set(true), Duration::ZERO);
        });
    }
}

/// `children`, once [`Later::release`] was called.
#[component]
pub fn BuiltLater(children: ChildrenFn) -> impl IntoView {
    let later = expect_context::<Later>().0;
    move || later.get().then(|| children())
}
