//! A saved scenario too long to replay before the page shows (issue 24 item 3): the model
//! goes on with it a slice at a time between frames ([`Request::Restore`]); this shows its
//! progress and a Stop. The link and the autosave wait for it (`crate::persist`), so the
//! placeholder never overwrites the saved work.

use super::use_state;
use crate::host::protocol::Request;
use crate::i18n::{Msg, Text, use_i18n};
use leptos::prelude::*;

#[component]
pub fn Replaying(notice: RwSignal<Option<Vec<Text>>>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let replay = state.parts().replay;
    // The work as far as the replay got stays; the notice says how far that was.
    let stop = move |_| {
        let Some((done, total)) = replay.get_untracked() else {
            return;
        };
        state.send(Request::StopRestore);
        let said = Text::new(Msg::ReplayStopped)
            .arg("done", done)
            .arg("total", total);
        notice.update(|n| n.get_or_insert_with(Vec::new).push(said));
    };
    move || {
        replay.get().map(|(done, total)| {
            view! {
                <div class="notice replaying" role="status">
                    <p>
                        {move || {
                            i18n.tr_text(
                                Text::new(Msg::ReplayProgress)
                                    .arg("done", done)
                                    .arg("total", total),
                            )()
                        }}
                    </p>
                    <progress max=total value=done></progress>
                    <button type="button" on:click=stop>
                        {i18n.tr(Msg::Stop)}
                    </button>
                </div>
            }
        })
    }
}
