//! A message about the page itself (a link that could not be opened, an autosave that did not
//! read), above the playground, until dismissed. Text only: never HTML.

use leptos::prelude::*;

#[component]
pub fn Notice(message: RwSignal<Option<String>>) -> impl IntoView {
    move || {
        message.get().map(|text| {
            view! {
                <div class="notice" role="alert">
                    <p>{text}</p>
                    <button type="button" on:click=move |_| message.set(None)>
                        "Dismiss"
                    </button>
                </div>
            }
        })
    }
}
