//! The page's end of the boundary: the model runs in a Web Worker (`crate::worker`); requests
//! go to it numbered, as JSON, and each answer comes back to the callback waiting for it with
//! the parts that changed. The page's module holds no engine.

use super::State;
use crate::host::protocol::{FromModel, Reply, Request, ToModel};
use crate::worker::{PANIC, READY};
use leptos::prelude::*;
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{ErrorEvent, MessageEvent, Worker};

/// The script that starts the worker (Trunk's loader shim for the `worker` binary), beside
/// the page.
const WORKER_SCRIPT: &str = "worker_loader.js";

/// What waits for the model's answers.
#[derive(Default)]
pub(super) struct Model {
    worker: Option<Worker>,
    /// Whether the worker listens: what is sent before waits in `queued`.
    ready: bool,
    queued: Vec<String>,
    last_id: u64,
    pending: HashMap<u64, Box<dyn FnOnce(Reply)>>,
}

impl Model {
    /// Sends `request`; `then` gets its reply.
    pub(super) fn send(&mut self, request: Request, then: Box<dyn FnOnce(Reply)>) {
        self.last_id += 1;
        let id = self.last_id;
        let Ok(text) = serde_json::to_string(&ToModel { id, request }) else {
            return;
        };
        self.pending.insert(id, then);
        mark("data-model-sent", id);
        match &self.worker {
            Some(worker) if self.ready => {
                let _ = worker.post_message(&text.into());
            }
            _ => self.queued.push(text),
        }
    }

    /// The worker listens: what waited goes.
    fn listening(&mut self) {
        self.ready = true;
        if let Some(worker) = &self.worker {
            for text in self.queued.drain(..) {
                let _ = worker.post_message(&text.into());
            }
        }
    }
}

/// Starts the model's worker for `state`: its answers set the parts, then call back.
pub(super) fn start(state: State) {
    let worker = worker_url().and_then(|url| Worker::new(&url).ok());
    let Some(worker) = worker else {
        crate::panic_panel::show("the simulator cannot start: this browser refused its worker");
        return;
    };
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(text) = event.data().as_string() else {
            return;
        };
        if text == READY {
            state.model.update_value(Model::listening);
            return;
        }
        if let Some(panic) = text.strip_prefix(PANIC) {
            crate::panic_panel::show(panic);
            return;
        }
        let answer: FromModel = match serde_json::from_str(&text) {
            Ok(a) => a,
            Err(e) => {
                crate::panic_panel::show(&format!("an answer of the model does not read: {e}"));
                return;
            }
        };
        let then = state
            .model
            .try_update_value(|m| m.pending.remove(&answer.id))
            .flatten();
        if let Some(update) = answer.update {
            state.parts.apply(update, state.edits.get_value());
        }
        mark("data-model-answered", answer.id);
        if let Some(then) = then {
            then(answer.reply);
        }
    });
    // A trap (out of memory, an abort) stops the worker without a panic message.
    let on_error = Closure::<dyn Fn(ErrorEvent)>::new(|event: ErrorEvent| {
        crate::panic_panel::show(&format!("the simulator stopped: {}", event.message()));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_message.forget();
    on_error.forget();
    state.model.update_value(|m| m.worker = Some(worker));
}

/// The worker's script, beside the page (the document's base: the site's public URL).
fn worker_url() -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    web_sys::Url::new_with_base(WORKER_SCRIPT, &base)
        .ok()
        .map(|u| u.href())
}

/// The number of the last request sent or answered, on `<html>` (`data-model-sent`,
/// `data-model-answered`): the browser tests wait for the model's answer to what they did.
fn mark(key: &str, id: u64) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute(key, &id.to_string());
    }
}
