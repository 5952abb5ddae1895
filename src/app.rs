//! The page: header, the playground (clock; a lesson's panel; canvas and status on the left,
//! editor and "Why?" on the right; the console and the events across the page; one column on a
//! phone), and footer.

use leptos::prelude::*;

use crate::components::canvas::Canvas;
use crate::components::clock::{self, Clock};
use crate::components::console::Console;
use crate::components::editor::Editor;
use crate::components::events::Events;
use crate::components::intro::Intro;
use crate::components::later::{BuiltLater, Later};
use crate::components::lesson_panel::LessonPanel;
use crate::components::notice::Notice;
use crate::components::replaying::Replaying;
use crate::components::share_dialog::ShareBar;
use crate::components::status_table::StatusTable;
use crate::components::why_panel::WhyPanel;
use crate::components::{self};
use crate::host::protocol::Request;
use crate::i18n::page::LanguagePicker;
use crate::i18n::{self, Lang, Msg, Text};
use crate::{embed, persist, shell, test_panic};

/// The whole page, opening on the default scenario with the clock playing.
#[component]
pub fn App() -> impl IntoView {
    // Test-only: `?__test_panic=1` panics once the page is mounted, inside the reactive
    // runtime, where real bugs would strike; the e2e tests use it to see the error panel.
    Effect::new(|_| {
        if test_panic::requested() {
            panic!("{}", test_panic::MESSAGE);
        }
        // `?__test_panic=oom`: runs out of memory, as a runaway scenario once did.
        if test_panic::oom_requested() {
            crate::oom::exhaust();
        }
    });

    // A link, else the autosave, else the default preset (crate::persist); the language of
    // `?lang=`, else the link's, else the one chosen before, else the browser's (crate::i18n).
    let embedded = embed::requested();
    let i18n = i18n::page::provide(i18n::page::initial(None));
    let notice = RwSignal::new(None::<Vec<Text>>);
    let state = components::provide();
    // The default scenario's editor says what to try, in the page's language, and follows the
    // language while it is still the page's own text.
    let default = RwSignal::new(false);
    let welcomes = Lang::ALL.map(|l| i18n::text(l, Msg::EditorWelcome));
    Effect::new(move |_| {
        let welcome = i18n::text(i18n.lang(), Msg::EditorWelcome);
        if default.get() {
            state.send(Request::FollowEditorHeader {
                welcomes: welcomes.map(str::to_string).to_vec(),
                header: welcome.to_string(),
            });
        }
    });
    // Typed into index.html's shell before the app mounted: shown at once (the shell hands its
    // focus and selection to the app's editor), and kept, as if typed here, once the work
    // opened. The shell shows an editor only when the default scenario opens.
    let typed = shell::typed_text().map(|text| (text.clone(), state.edit_ahead(text)));
    let later = Later::provide();
    persist::load(
        state,
        embedded,
        Box::new(move |loaded| {
            crate::load_marks::mark("dsplay:scenario-opened");
            later.release();
            if let Some(lang) = loaded.lang {
                i18n.set(i18n::page::initial(Some(lang)));
            }
            if let Some(said) = loaded.notice {
                notice.update(|n| n.get_or_insert_with(Vec::new).extend(said));
            }
            if loaded.default {
                state.send(Request::SetEditorHeader {
                    header: i18n::text(i18n.lang_untracked(), Msg::EditorWelcome).to_string(),
                });
                default.set(true);
            }
            if let Some((text, edit)) = typed {
                state.send(Request::EditManifest { text, edit });
            }
        }),
    );
    clock::drive();
    persist::drive(state, notice, i18n, embedded);
    if embedded {
        return view! { <embed::EmbedApp notice=notice /> }.into_any();
    }

    view! {
        <header class="site-header">
            <h1>"DaemonSet Playground"</h1>
            <p class="tagline">{i18n.tr(Msg::Tagline)}</p>
            <ShareBar notice=notice />
            <LanguagePicker embedded=false />
        </header>
        <Notice message=notice />
        <Replaying notice=notice />
        <Intro />
        <main id="main" class="playground">
            <Clock />
            <div class="slot-lesson">
                <LessonPanel />
            </div>
            // On a phone the editor and the console are screens away: one tap each.
            <nav class="jump" aria-label=i18n.tr(Msg::JumpTo)>
                <a href="#nodes">{i18n.tr(Msg::Nodes)}</a>
                <a href="#editor">{i18n.tr(Msg::Manifest)}</a>
                <a href="#console">{i18n.tr(Msg::Console)}</a>
            </nav>
            <div class="column column-cluster" id="nodes">
                <Canvas />
                <BuiltLater>
                    <StatusTable />
                </BuiltLater>
            </div>
            <div class="column column-work" id="editor">
                <Editor />
                <BuiltLater>
                    <WhyPanel />
                </BuiltLater>
            </div>
            // The terminal spans the page: kubectl's wide tables read on one line.
            <div class="slot-console" id="console">
                <BuiltLater>
                    <Console />
                </BuiltLater>
            </div>
            <div class="slot-events">
                <BuiltLater>
                    <Events />
                </BuiltLater>
            </div>
        </main>
        <footer class="site-footer">
            <p>
                {i18n
                    .tr_text(
                        Text::new(Msg::FooterVersion)
                            .arg("version", env!("CARGO_PKG_VERSION"))
                            .arg("engine", dsplay_engine::VERSION),
                    )}
            </p>
            // Named in the page as in the docs: the list runs in the console, as if typed.
            <p>
                <a
                    class="footer-simplifications"
                    href="#console"
                    title=i18n.tr(Msg::FooterSimplificationsTitle)
                    on:click=move |_| {
                        state
                            .send(Request::Console {
                                line: "sim simplifications".into(),
                            });
                    }
                >
                    {i18n.tr(Msg::FooterSimplifications)}
                </a>
            </p>
        </footer>
    }
    .into_any()
}
