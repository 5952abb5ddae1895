//! One node of the canvas: name, role, status, labels, taints, conditions and pods, with the
//! node operations. Clicking the card selects the node for the "Why?" panel. The card's elements
//! stay in place while its content changes, so keyboard focus survives an action.

use super::folded::Folded;
use super::{use_state, use_views};
use crate::host::protocol::Request;
use crate::i18n::{Msg, Text, use_i18n};
use crate::playground::chips::{CHIP_ANIMATION_MILLIS, ChipList, SeenPods, ShownChip};
use crate::playground::{NodeAction, NodeView};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use std::cell::RefCell;
use std::time::Duration;

/// The taint effects offered by the taint form.
pub const EFFECTS: [&str; 3] = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

/// The pressure conditions a node card toggles: `sim node NAME pressure KIND on|off`.
const PRESSURES: [(&str, &str); 3] = [
    ("memory", "MemoryPressure"),
    ("disk", "DiskPressure"),
    ("pid", "PIDPressure"),
];

#[component]
pub fn NodeCard(name: String) -> impl IntoView {
    let state = use_state();
    let views = use_views();
    let i18n = use_i18n();
    let t = move |msg| i18n.t(msg);
    let node_name = StoredValue::new(name.clone());
    let node = Memo::new(move |_| node_name.with_value(|name| views.node(name)));
    let selected = Memo::new(move |_| {
        node_name.with_value(|name| views.selected.with(|s| s.as_ref() == Some(name)))
    });
    // Reads one field of the node (a default if it is gone, just before the card is removed).
    let field = move |f: fn(&NodeView) -> bool| node.with(|n| n.as_ref().is_some_and(f));
    let list =
        move |f: fn(&NodeView) -> Vec<String>| node.with(|n| n.as_ref().map(f).unwrap_or_default());

    let act = move |action: NodeAction| {
        let node = node_name.get_value();
        state.send(Request::NodeAction { node, action });
    };
    let select = move |_| {
        let name = node_name.get_value();
        if !selected.get_untracked() {
            state.send(Request::Select { node: Some(name) });
        }
    };

    let label_text = RwSignal::new(String::new());
    let taint_text = RwSignal::new(String::new());
    let taint_effect = RwSignal::new(EFFECTS[0].to_string());
    let submit_label = move |ev: SubmitEvent| {
        ev.prevent_default();
        let text = label_text.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        let node = node_name.get_value();
        let request = Request::NodeAction {
            node,
            action: NodeAction::Label(text),
        };
        state.ask(request, move |reply| {
            if !reply.is_error() {
                label_text.set(String::new());
            }
        });
    };
    let submit_taint = move |ev: SubmitEvent| {
        ev.prevent_default();
        let key_value = taint_text.get_untracked();
        if key_value.trim().is_empty() {
            return;
        }
        let effect = taint_effect.get_untracked();
        let node = node_name.get_value();
        let request = Request::NodeAction {
            node,
            action: NodeAction::Taint { key_value, effect },
        };
        state.ask(request, move |reply| {
            if !reply.is_error() {
                taint_text.set(String::new());
            }
        });
    };

    // "Drain node-2": an action and the node, in every language.
    let aria = move |what: Msg| move || format!("{} {}", i18n.t(what), node_name.get_value());
    // "Labels of node-2": a message about the node.
    let of = move |what: Msg| i18n.tr_text(Text::new(what).arg("node", node_name.get_value()));
    let chips = chip_list(node);
    view! {
        <li
            class="node-card"
            class:selected=move || selected.get()
            class:not-ready=move || !field(|n| n.ready)
            class:cordoned=move || field(|n| n.cordoned)
            aria-label=name.clone()
            on:click=select
        >
            <div class="node-head">
                <button
                    type="button"
                    class="node-name"
                    aria-pressed=move || if selected.get() { "true" } else { "false" }
                    title=i18n.tr(Msg::ExplainNode)
                >
                    {name.clone()}
                </button>
                <span class="role">
                    {move || {
                        node.with(|n| {
                            n.as_ref().map(|n| n.role.clone().unwrap_or_else(|| t(Msg::RoleWorker).to_string()))
                        })
                    }}
                </span>
                <span class="badges">
                    <For
                        each=move || list(|n| n.status.split(',').map(str::to_string).collect())
                        key=|s| s.clone()
                        let(status)
                    >
                        <span class=format!("badge status-{}", status.to_ascii_lowercase())>{status.clone()}</span>
                    </For>
                    <For each=move || list(|n| n.conditions.clone()) key=|s| s.clone() let(condition)>
                        <span class="badge condition">{condition}</span>
                    </For>
                </span>
            </div>
            <div class="node-meta">
                <ul class="tags labels" aria-label=of(Msg::LabelsOf)>
                    <For
                        each=move || node.with(|n| n.as_ref().map(|n| n.labels.clone()).unwrap_or_default())
                        key=|kv| kv.clone()
                        let(kv)
                    >
                        {label_tag(kv, act, i18n)}
                    </For>
                    <Show when=move || node.with(|n| n.as_ref().is_some_and(|n| n.standard_labels > 0))>
                        <li class="tag more" title="kubernetes.io/arch, kubernetes.io/os, kubernetes.io/hostname">
                            {move || {
                                let n = node.with(|n| n.as_ref().map_or(0, |n| n.standard_labels));
                                i18n.f(Msg::StandardLabels, &[("n", &n)])
                            }}
                        </li>
                    </Show>
                </ul>
                <ul class="tags taints" aria-label=of(Msg::TaintsOf)>
                    <For
                        each=move || node.with(|n| n.as_ref().map(|n| n.taints.clone()).unwrap_or_default())
                        key=|t| t.clone()
                        let(taint)
                    >
                        <li class="tag taint">
                            <span>{breakable(&taint.text)}</span>
                            <button
                                type="button"
                                class="remove"
                                aria-label=i18n.tr_text(Text::new(Msg::RemoveTaint).arg("taint", &taint.text))
                                title="kubectl taint node \u{2026} KEY:EFFECT-"
                                on:click={
                                    let removal = taint.removal.clone();
                                    move |_| act(NodeAction::Untaint(removal.clone()))
                                }
                            >
                                "\u{d7}"
                            </button>
                        </li>
                    </For>
                </ul>
            </div>
            <Show when=move || node.with(|n| n.as_ref().is_some_and(|n| !n.usage.is_empty()))>
                <p class="usage" title=i18n.tr(Msg::UsageTitle)>
                    {move || list(|n| n.usage.clone()).join(" \u{b7} ")}
                </p>
            </Show>
            <ul class="pods" aria-label=of(Msg::PodsOn)>
                <For each=move || chips.with(ChipList::uids) key=|uid| uid.clone() let(uid)>
                    <Chip chips=chips uid=uid />
                </For>
            </ul>
            <Show when=move || chips.with(|l| l.chips().is_empty())>
                <p class="no-pods">{i18n.tr(Msg::NoPods)}</p>
            </Show>
            // The empty place of each DaemonSet without a pod here: "Why?" explains it.
            <ul class="slots" aria-label=of(Msg::EmptySlotsOn)>
                <For each=move || list(|n| n.missing.clone()) key=|d| d.clone() let(ds)>
                    <li class="slot">
                        <button
                            type="button"
                            class="slot-why"
                            // The accessible name starts with the visible words, then asks in full.
                            aria-label=move || {
                                format!(
                                    "{} {}",
                                    i18n.render(&Text::new(Msg::NoPodWhy).arg("daemonset", ds.rsplit('/').next().unwrap_or(&ds))),
                                    i18n.render(&Text::new(Msg::WhyNoPod).arg("daemonset", &ds).arg("node", node_name.get_value())),
                                )
                            }
                            on:click=move |ev| {
                                ev.stop_propagation();
                                let name = node_name.get_value();
                                state.send(Request::Select { node: Some(name) });
                                focus_why();
                            }
                        >
                            {i18n.tr_text(Text::new(Msg::NoPodWhy).arg("daemonset", ds.rsplit('/').next().unwrap_or(&ds)))}
                        </button>
                    </li>
                </For>
            </ul>
            <div class="node-actions">
                <button
                    type="button"
                    aria-label=move || {
                        format!("{} {}", t(if field(|n| n.cordoned) { Msg::Uncordon } else { Msg::Cordon }), node_name.get_value())
                    }
                    on:click=move |_| {
                        act(if field(|n| n.cordoned) { NodeAction::Uncordon } else { NodeAction::Cordon })
                    }
                >
                    {move || t(if field(|n| n.cordoned) { Msg::Uncordon } else { Msg::Cordon })}
                </button>
                <button
                    type="button"
                    aria-label=aria(Msg::Drain)
                    title="kubectl drain --ignore-daemonsets"
                    on:click=move |_| act(NodeAction::Drain)
                >
                    {i18n.tr(Msg::Drain)}
                </button>
                <button
                    type="button"
                    aria-label=move || {
                        format!("{} {}", t(if field(|n| n.ready) { Msg::MarkNotReady } else { Msg::MarkReady }), node_name.get_value())
                    }
                    title="sim node NAME ready|not-ready"
                    on:click=move |_| {
                        act(if field(|n| n.ready) { NodeAction::NotReady } else { NodeAction::Ready })
                    }
                >
                    {move || t(if field(|n| n.ready) { Msg::MarkNotReady } else { Msg::MarkReady })}
                </button>
                <button
                    type="button"
                    aria-label=aria(Msg::MarkUnreachable)
                    title="sim node NAME unreachable"
                    on:click=move |_| act(NodeAction::Unreachable)
                >
                    {i18n.tr(Msg::MarkUnreachable)}
                </button>
                <button
                    type="button"
                    class="danger"
                    aria-label=aria(Msg::Delete)
                    title="kubectl delete node"
                    on:click=move |_| act(NodeAction::Delete)
                >
                    {i18n.tr(Msg::Delete)}
                </button>
            </div>
            <Folded class="node-edit" summary=Msg::NodeEdit>
                <div class="pressures" role="group" aria-label=of(Msg::PressureOf)>
                    {PRESSURES
                        .iter()
                        .map(|(kind, condition)| {
                            let on = move || {
                                node.with(|n| n.as_ref().is_some_and(|n| n.conditions.iter().any(|c| c == condition)))
                            };
                            view! {
                                <button
                                    type="button"
                                    aria-pressed=move || if on() { "true" } else { "false" }
                                    aria-label=format!("{condition} {}", node_name.get_value())
                                    title=format!("sim node NAME pressure {kind} on|off")
                                    on:click=move |_| act(NodeAction::Pressure { kind: kind.to_string(), on: !on() })
                                >
                                    {*condition}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
                <form class="inline-form" on:submit=submit_label>
                    <input
                        type="text"
                        aria-label=of(Msg::LabelFor)
                        placeholder=i18n.tr(Msg::LabelHint)
                        spellcheck="false"
                        autocapitalize="off"
                        prop:value=move || label_text.get()
                        on:input=move |ev| label_text.set(event_target_value(&ev))
                    />
                    <button type="submit" aria-label=aria(Msg::Label)>
                        {i18n.tr(Msg::Label)}
                    </button>
                </form>
                <form class="inline-form" on:submit=submit_taint>
                    <input
                        type="text"
                        aria-label=of(Msg::TaintFor)
                        placeholder="key=value"
                        spellcheck="false"
                        autocapitalize="off"
                        prop:value=move || taint_text.get()
                        on:input=move |ev| taint_text.set(event_target_value(&ev))
                    />
                    <select
                        aria-label=of(Msg::TaintEffectFor)
                        on:change=move |ev| taint_effect.set(event_target_value(&ev))
                    >
                        {EFFECTS
                            .iter()
                            .map(|e| view! { <option value=*e>{*e}</option> })
                            .collect_view()}
                    </select>
                    <button type="submit" aria-label=aria(Msg::Taint)>
                        {i18n.tr(Msg::Taint)}
                    </button>
                </form>
            </Folded>
        </li>
    }
}

/// Brings the "Why?" panel into view (its heading takes the focus, so a screen reader reads on).
fn focus_why() {
    use wasm_bindgen::JsCast;
    if let Some(heading) = document()
        .get_element_by_id("why-heading")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = heading.set_attribute("tabindex", "-1");
        let _ = heading.focus();
    }
}

/// A label, with a button that removes it (`kubectl label node NAME key-`).
/// A label or taint with line breaks allowed after `=`, `:` and `/` (and nowhere else unless
/// one part alone is wider than the card): `node-role.kubernetes.io/control-plane:NoSchedule`
/// breaks before `NoSchedule`, not inside it.
fn breakable(text: &str) -> impl IntoView + use<> {
    let mut parts: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(['=', ':', '/']) {
        parts.push(rest[..=i].to_string());
        rest = &rest[i + 1..];
    }
    parts.push(rest.to_string());
    parts
        .into_iter()
        .enumerate()
        .map(|(i, part)| view! { {(i > 0).then(|| view! { <wbr /> })} {part} })
        .collect_view()
}

fn label_tag(
    kv: (String, String),
    act: impl Fn(NodeAction) + Copy + 'static,
    i18n: crate::i18n::I18n,
) -> impl IntoView {
    let (key, value) = kv;
    let text = if value.is_empty() {
        key.clone()
    } else {
        format!("{key}={value}")
    };
    view! {
        <li class="tag label">
            <span>{breakable(&text)}</span>
            <button
                type="button"
                class="remove"
                aria-label=i18n.tr_text(Text::new(Msg::RemoveLabel).arg("key", &key))
                title=format!("kubectl label node \u{2026} {key}-")
                on:click=move |_| act(NodeAction::Label(format!("{key}-")))
            >
                "\u{d7}"
            </button>
        </li>
    }
}

thread_local! {
    /// The pods the page has shown: a chip animates in only the first time.
    static SEEN: RefCell<SeenPods> = RefCell::new(SeenPods::default());
}

/// The card's chips, following its node's pods: a pod the page shows for the first time
/// enters, a pod gone fades out (at once with reduced motion), each for
/// [`CHIP_ANIMATION_MILLIS`].
fn chip_list(node: Memo<Option<NodeView>>) -> RwSignal<ChipList> {
    let fade = !reduced_motion();
    let settle_later = move |chips: RwSignal<ChipList>, change: Option<u64>| {
        if let Some(change) = change {
            set_timeout(
                move || {
                    chips.try_update(|list| list.settle(change));
                },
                Duration::from_millis(u64::from(CHIP_ANIMATION_MILLIS)),
            );
        }
    };
    let mut first = ChipList::default();
    let change = node.with_untracked(|n| {
        let pods = n.as_ref().map_or(&[][..], |n| &n.pods);
        SEEN.with_borrow_mut(|seen| first.update(pods, fade, seen))
    });
    let chips = RwSignal::new(first);
    settle_later(chips, change);
    Effect::new(move |_| {
        let mut change = None;
        node.with(|n| {
            let pods = n.as_ref().map_or(&[][..], |n| &n.pods);
            chips.maybe_update(|list| {
                let before = list.clone();
                change = SEEN.with_borrow_mut(|seen| list.update(pods, fade, seen));
                *list != before
            });
        });
        settle_later(chips, change);
    });
    chips
}

/// Whether the user asked for reduced motion.
fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// A pod: its name, its state (coloured) and the DaemonSet revision it runs. Keyed by the pod's
/// UID, so that it changes in place; it animates only as it enters or leaves the card.
#[component]
fn Chip(chips: RwSignal<ChipList>, uid: String) -> impl IntoView {
    let i18n = use_i18n();
    let chip = Memo::new(move |_| chips.with(|list| list.get(&uid).cloned()));
    let part =
        move |f: fn(&ShownChip) -> String| chip.with(|c| c.as_ref().map(f).unwrap_or_default());
    let class = move || {
        part(|c| {
            format!(
                "pod-chip state-{}{}{}{}{}",
                c.chip.state.class(),
                if c.chip.other_owner.is_some() {
                    " other-owner"
                } else {
                    ""
                },
                match c.chip.current {
                    Some(true) => " rev-current",
                    Some(false) => " rev-old",
                    None => "",
                },
                if c.entering { " entering" } else { "" },
                if c.leaving { " leaving" } else { "" }
            )
        })
    };
    let revision = move || {
        chip.with(|c| {
            let c = c.as_ref()?;
            let r = c.chip.revision?;
            let (text, title) = if c.chip.current == Some(false) {
                (Msg::RevisionOld, Msg::RevisionOldTitle)
            } else {
                (Msg::RevisionShort, Msg::RevisionCurrentTitle)
            };
            Some((i18n.f(text, &[("revision", &r)]), i18n.t(title)))
        })
    };
    let surge = move || chip.with(|c| c.as_ref().is_some_and(|c| c.chip.surge));
    view! {
        <li
            class=class
            title=move || {
                part(|c| {
                    let owner = c.chip.other_owner.as_ref().map(|o| format!(" ({o})")).unwrap_or_default();
                    format!("{}/{}: {}{owner}", c.chip.namespace, c.chip.name, c.chip.label)
                })
            }
            aria-hidden=move || chip.with(|c| c.as_ref().is_some_and(|c| c.leaving)).then_some("true")
        >
            <span class="pod-name">{move || part(|c| c.chip.name.clone())}</span>
            " "
            <span class="pod-state">{move || part(|c| c.chip.label.clone())}</span>
            " "
            {move || {
                revision()
                    .map(|(text, title)| view! { <span class="pod-rev" title=title>{text}</span> })
            }}
            {move || {
                surge()
                    .then(|| {
                        view! {
                            <span class="pod-surge" title=i18n.tr(Msg::SurgeTitle)>
                                {i18n.tr(Msg::Surge)}
                            </span>
                        }
                    })
            }}
        </li>
    }
}
