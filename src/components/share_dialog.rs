//! The header's tools: the preset gallery, and Share (the link with "Copy link", an `<iframe>`
//! snippet, export and import of the scenario file, and "Download YAML" of the objects).
//! Loading a preset or a file replaces the work with a new history entry, so Back returns to it.

use super::use_state;
use crate::components::State;
use crate::host::protocol::Request;
use crate::i18n::{I18n, Msg, Text, use_i18n};
use crate::persist;
use crate::presets::PRESETS;
use crate::share::{MAX_JSON_BYTES, Scenario};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The names the downloads are saved as.
const SCRIPT_FILE: &str = "scenario.dsplay.txt";
const YAML_FILE: &str = "objects.yaml";

/// Replaces the work with `next` (None: an empty cluster), keeping the old one a Back away,
/// then runs `then` if it opened. Requests go in order: the link before the open, the open
/// once that link came, the link after it, then what `then` sends.
fn open(
    state: State,
    i18n: I18n,
    next: Option<Scenario>,
    notice: RwSignal<Option<Vec<Text>>>,
    then: impl FnOnce() + 'static,
) {
    persist::with_link(state, i18n, move |before| {
        state.open(next, move |opened| match opened {
            Ok(()) => {
                persist::write_fragment(&before, false);
                persist::with_link(state, i18n, |after| persist::write_fragment(&after, true));
                notice.set(None);
                then();
            }
            Err(e) => notice.set(Some(vec![e.0, Text::new(Msg::WorkAsItWas)])),
        });
    });
}

/// Downloads `text` as the file `name`: a Blob once the model has given the text (the click
/// that asked for it is over by then), saved through an anchor made for it.
fn download(name: &str, text: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/plain;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let document = web_sys::window()?.document()?;
    let a = document
        .create_element("a")
        .ok()?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .ok()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // The save has its own copy once the click is handled.
    let _ = web_sys::Url::revoke_object_url(&url);
    Some(())
}

/// The page's address without query and fragment.
fn page_url() -> String {
    web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}

#[component]
pub fn ShareBar(notice: RwSignal<Option<Vec<Text>>>) -> impl IntoView {
    let state = use_state();
    // The lessons of the menu, read by the model (the first update brings them).
    let lessons = state.parts().lessons;
    let i18n = use_i18n();
    let open_panel = RwSignal::new(false);
    // The panel's content is built when it is first opened, not with the page (issue 22, first
    // usable render); closed again, it stays.
    let built = RwSignal::new(false);
    let link = RwSignal::new(String::new());
    // Why there is no link to offer: the work is longer than a link may be.
    let too_large = RwSignal::new(None::<Text>);
    let copied = RwSignal::new(false);
    let step_by_step = RwSignal::new(false);

    let on_preset = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        if id.is_empty() {
            return;
        }
        // Back to "Open a preset…": the menu opens presets, it does not show the work's origin.
        if let Some(select) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        {
            select.set_value("");
        }
        // Step by step: an empty cluster, the preset's script loaded into the console's player.
        if step_by_step.get_untracked() && crate::presets::find(&id).is_some() {
            open(state, i18n, None, notice, move || {
                state.send(Request::LoadPreset { preset: id });
            });
            return;
        }
        let scenario = Scenario {
            preset: Some(id),
            ..Scenario::default()
        };
        open(state, i18n, Some(scenario), notice, || ());
    };
    let on_lesson = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        if id.is_empty() {
            return;
        }
        if let Some(select) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        {
            select.set_value("");
        }
        let scenario = Scenario {
            lesson: Some(id),
            ..Scenario::default()
        };
        open(state, i18n, Some(scenario), notice, || ());
    };
    let toggle = move |_| {
        let now = !open_panel.get_untracked();
        if now {
            // Until the model answers, neither the last opening's link nor its reason shows.
            link.set(String::new());
            too_large.set(None);
            persist::with_link(state, i18n, move |l| {
                let why = persist::too_large(&l, Msg::ShareTooLargeForLink);
                link.set(if why.is_some() {
                    String::new()
                } else {
                    format!("{}#{l}", page_url())
                });
                too_large.set(why);
            });
            copied.set(false);
            if !built.get_untracked() {
                built.set(true); // once: a set notifies even when unchanged, rebuilding it
            }
        }
        open_panel.set(now);
    };
    let copy = move |_| {
        let Some(w) = web_sys::window() else { return };
        let navigator = w.navigator();
        // No clipboard outside secure contexts (plain http): calling it would throw.
        let available =
            js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
        if available {
            let _ = navigator.clipboard().write_text(&link.get_untracked());
            copied.set(true);
        }
    };
    let snippet = move || {
        let url = link.get().replacen('#', "?embed=1#", 1);
        format!(
            "<iframe src=\"{url}\" title=\"DaemonSet Playground\" width=\"100%\" height=\"480\" loading=\"lazy\" style=\"display:block;width:100%;height:480px;border:0\"></iframe>"
        )
    };
    // Downloads: what the page holds now, read without running a command (the console and the
    // scenario stay as they are).
    let export_script = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        state.text(Request::Script, |script| {
            download(
                SCRIPT_FILE,
                &format!("# DaemonSet Playground scenario: dsplay run FILE\n{script}"),
            );
        });
    };
    let export_yaml = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        state.text(Request::ExportYaml, |yaml| {
            download(YAML_FILE, &yaml);
        });
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        if file.size() > MAX_JSON_BYTES as f64 {
            notice.set(Some(vec![
                Text::new(Msg::FileTooLarge).arg("mb", MAX_JSON_BYTES >> 20),
                Text::new(Msg::WorkAsItWas),
            ]));
            return;
        }
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            let Some(script) = text.ok().and_then(|t| t.as_string()) else {
                notice.set(Some(vec![
                    Text::new(Msg::FileNotText),
                    Text::new(Msg::WorkAsItWas),
                ]));
                return;
            };
            let scenario = Scenario {
                script,
                ..Scenario::default()
            };
            open(state, i18n, Some(scenario), notice, || ());
        });
    };

    view! {
        <div class="share-bar">
            <label class="preset-picker">
                {i18n.tr(Msg::Preset)}
                " "
                <select on:change=on_preset>
                    <option value="" selected>
                        {i18n.tr(Msg::OpenPreset)}
                    </option>
                    {PRESETS
                        .iter()
                        .map(|p| {
                            view! {
                                <option value=p.id title=i18n.tr(p.about)>
                                    {i18n.tr(p.title)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="preset-picker lesson-picker">
                {i18n.tr(Msg::Lesson)}
                " "
                <select on:change=on_lesson>
                    <option value="" selected>
                        {i18n.tr(Msg::OpenLesson)}
                    </option>
                    {move || {
                        let lang = i18n.lang();
                        lessons.with(|menu| {
                            menu.iter()
                                .map(|l| {
                                    let title = l.title.get(lang.tag()).cloned().unwrap_or_default();
                                    view! { <option value=l.id.clone()>{title}</option> }
                                })
                                .collect_view()
                        })
                    }}
                </select>
            </label>
            <label class="step-by-step" title=i18n.tr(Msg::StepByStepTitle)>
                <input
                    type="checkbox"
                    prop:checked=move || step_by_step.get()
                    on:change=move |ev| step_by_step.set(event_target_checked(&ev))
                />
                " "
                {i18n.tr(Msg::StepByStep)}
            </label>
            <button
                type="button"
                aria-expanded=move || if open_panel.get() { "true" } else { "false" }
                aria-controls="share-panel"
                on:click=toggle
            >
                {i18n.tr(Msg::Share)}
            </button>
        </div>
        <section
            id="share-panel"
            class="panel share-panel"
            aria-label=i18n.tr(Msg::Share)
            hidden=move || !open_panel.get()
        >
            {move || {
                built
                    .get()
                    .then(|| {
                        view! {
                            {move || {
                                too_large
                                    .get()
                                    .map(|why| {
                                        view! {
                                            <p class="share-too-large" role="status">
                                                {move || i18n.render(&why)}
                                            </p>
                                        }
                                    })
                            }}
                            <label hidden=move || too_large.with(Option::is_some)>
                                {i18n.tr(Msg::LinkToScenario)}
                                <input
                                    type="text"
                                    readonly
                                    prop:value=move || link.get()
                                    aria-label=i18n.tr(Msg::Link)
                                />
                            </label>
                            <button
                                type="button"
                                on:click=copy
                                hidden=move || too_large.with(Option::is_some)
                            >
                                {move || i18n.t(if copied.get() { Msg::Copied } else { Msg::CopyLink })}
                            </button>
                            <label hidden=move || too_large.with(Option::is_some)>
                                {i18n.tr(Msg::EmbedInPage)}
                                <textarea
                                    readonly
                                    rows="3"
                                    aria-label=i18n.tr(Msg::EmbedSnippet)
                                    prop:value=snippet
                                ></textarea>
                            </label>
                            <div class="share-files">
                                <a href="#" download=SCRIPT_FILE on:click=export_script>
                                    {i18n.tr(Msg::DownloadScenario)}
                                </a>
                                <a href="#" download=YAML_FILE on:click=export_yaml>
                                    {i18n.tr(Msg::DownloadYaml)}
                                </a>
                                <label class="import">
                                    {i18n.tr(Msg::ImportScenario)}
                                    " "
                                    <input type="file" accept=".txt,.dsplay,text/plain" on:change=import />
                                </label>
                            </div>
                        }
                    })
            }}
        </section>
    }
}
