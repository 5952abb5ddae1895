//! A message about the page itself (a link that could not be opened, an autosave that did not
//! read), above the playground, until dismissed. Text only: never HTML.

use crate::i18n::{self, Msg, Text, use_i18n};
use leptos::prelude::*;

#[component]
pub fn Notice(message: RwSignal<Option<Vec<Text>>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        message.get().map(|texts| {
            view! {
                <div class="notice" role="alert">
                    <p>{move || i18n::paragraph(i18n.lang(), &texts)}</p>
                    <button type="button" on:click=move |_| message.set(None)>
                        {i18n.tr(Msg::Dismiss)}
                    </button>
                </div>
            }
        })
    }
}
