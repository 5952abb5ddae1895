//! The header's tools: the preset gallery, and Share (the link with "Copy link", an `<iframe>`
//! snippet, export and import of the scenario file, and "Download YAML" of the objects).
//! Loading a preset or a file replaces the work with a new history entry, so Back returns to it.

use super::use_state;
use crate::components::State;
use crate::persist;
use crate::playground::Playground;
use crate::presets::PRESETS;
use crate::share::{self, LinkError, MAX_JSON_BYTES, Scenario};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Replaces the work with `next`, keeping the old one a Back away.
fn open(state: State, next: Result<Playground, LinkError>, notice: RwSignal<Option<String>>) {
    match next {
        Ok(p) => {
            persist::write_fragment(&persist::current_link(state), false);
            state.act(|old| old.replace(p));
            persist::write_fragment(&persist::current_link(state), true);
            notice.set(None);
        }
        Err(e) => notice.set(Some(format!("{e} Your work is as it was."))),
    }
}

/// A `data:` URL that downloads `text` (no Blob, no request).
fn data_url(text: &str) -> String {
    let encoded: String = js_sys::encode_uri_component(text).into();
    format!("data:text/plain;charset=utf-8,{encoded}")
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
pub fn ShareBar(notice: RwSignal<Option<String>>) -> impl IntoView {
    let state = use_state();
    let open_panel = RwSignal::new(false);
    let link = RwSignal::new(String::new());
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
        if step_by_step.get_untracked()
            && let Some(preset) = crate::presets::find(&id)
        {
            open(state, Ok(Playground::empty()), notice);
            let _ = state.act(|p| p.load_script(preset.script));
            return;
        }
        let scenario = Scenario {
            preset: Some(id),
            ..Scenario::default()
        };
        open(state, share::restore(&scenario), notice);
    };
    let toggle = move |_| {
        let now = !open_panel.get_untracked();
        if now {
            link.set(format!("{}#{}", page_url(), persist::current_link(state)));
            copied.set(false);
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
            "<iframe src=\"{url}\" title=\"DaemonSet Playground\" width=\"100%\" height=\"480\" loading=\"lazy\"></iframe>"
        )
    };
    // Downloads: the commands run (and show in the console) as the user clicks.
    let download = move |ev: leptos::ev::MouseEvent, text: String| {
        if let Some(a) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        {
            a.set_href(&data_url(&text));
        }
    };
    let export_script = move |ev| {
        let script = state.with_untracked(|p| p.log().script());
        download(
            ev,
            format!("# DaemonSet Playground scenario: dsplay run FILE\n{script}"),
        );
    };
    let export_yaml = move |ev| {
        let yaml = state.act(|p| {
            let ds = p.run("kubectl get ds -A -o yaml").output;
            let nodes = p.run("kubectl get nodes -o yaml").output;
            format!("{ds}---\n{nodes}")
        });
        download(ev, yaml);
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
            notice.set(Some(format!(
                "The file is larger than {} MB: it was not imported. Your work is as it was.",
                MAX_JSON_BYTES >> 20
            )));
            return;
        }
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            let Some(script) = text.ok().and_then(|t| t.as_string()) else {
                notice.set(Some(
                    "The file could not be read as text. Your work is as it was.".into(),
                ));
                return;
            };
            let scenario = Scenario {
                script,
                ..Scenario::default()
            };
            open(state, share::restore(&scenario), notice);
        });
    };

    view! {
        <div class="share-bar">
            <label class="preset-picker">
                "Preset "
                <select on:change=on_preset>
                    <option value="" selected>
                        "Open a preset\u{2026}"
                    </option>
                    {PRESETS
                        .iter()
                        .map(|p| view! { <option value=p.id>{p.title}</option> })
                        .collect_view()}
                </select>
            </label>
            <label class="step-by-step" title="Open presets on an empty cluster, their script in the console, to play step by step">
                <input
                    type="checkbox"
                    prop:checked=move || step_by_step.get()
                    on:change=move |ev| step_by_step.set(event_target_checked(&ev))
                />
                " step by step"
            </label>
            <button
                type="button"
                aria-expanded=move || if open_panel.get() { "true" } else { "false" }
                aria-controls="share-panel"
                on:click=toggle
            >
                "Share"
            </button>
        </div>
        <section
            id="share-panel"
            class="panel share-panel"
            aria-label="Share"
            hidden=move || !open_panel.get()
        >
            <label>
                "Link to this scenario"
                <input type="text" readonly prop:value=move || link.get() aria-label="Link" />
            </label>
            <button type="button" on:click=copy>
                {move || if copied.get() { "Copied" } else { "Copy link" }}
            </button>
            <label>
                "Embed in a page"
                <textarea readonly rows="3" aria-label="Embed snippet" prop:value=snippet></textarea>
            </label>
            <div class="share-files">
                <a href="#" download="scenario.dsplay.txt" on:click=export_script>
                    "Download scenario"
                </a>
                <a href="#" download="objects.yaml" on:click=export_yaml>
                    "Download YAML"
                </a>
                <label class="import">
                    "Import scenario "
                    <input type="file" accept=".txt,.dsplay,text/plain" on:change=import />
                </label>
            </div>
        </section>
    }
}
