//! The page's end of the boundary: the model runs in a Web Worker (`crate::worker`); requests
//! go to it numbered, in their wire form (`protocol::to_wire`), and each answer comes back to
//! the callback waiting for it with the parts that changed. The page's module holds no engine.

use super::State;
use crate::host::protocol::{
    FromModel, PREOPENED, Reply, Request, ToModel, Update, from_wire, to_wire,
};
use crate::worker::{OPEN_DEFAULT, PANIC, READY};
use leptos::prelude::*;
use std::collections::{HashMap, VecDeque};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{ErrorEvent, Event, MessageEvent, Worker};

/// What waits for the model's answers.
#[derive(Default)]
pub(super) struct Model {
    worker: Option<Worker>,
    /// Whether the worker listens: what is sent before waits in `queued`.
    ready: bool,
    queued: Vec<Vec<u8>>,
    last_id: u64,
    pending: HashMap<u64, Then>,
    preopen: Preopen,
    /// What is left of the answers heard, in order: a large answer's parts are set a slice a
    /// task ([`slices`]), and the answers after it wait behind them.
    steps: VecDeque<Step>,
    /// A slice waits for the next frame ([`after_frame`]); what is heard meanwhile queues.
    sliced: bool,
    /// The default preset's first answer was the page's own copy ([`crate::first_view`]): the
    /// worker's, the same bytes, is not applied again.
    built_in: bool,
}

/// One step of setting what the model answered.
enum Step {
    /// Parts to set now.
    Parts(Box<Update>),
    /// The rest after the next frame: the browser renders what was set, in a task of its own.
    Yield,
    /// The answer is set: its marks, and its reply to what waits for it.
    Done {
        id: u64,
        preopened: bool,
        first: bool,
        reply: Reply,
        then: Option<Then>,
    },
}

/// What waits for a reply.
type Then = Box<dyn FnOnce(Reply)>;

/// The default preset the worker opened unasked (index.html's script found no link, no lesson
/// and no autosave, and said so in the worker's address), answered as [`PREOPENED`]: it stands
/// for the page's own [`Request::open_default`] if that is the page's first request. The page
/// still decides what opens: any other first request leaves it unused.
#[derive(Default)]
enum Preopen {
    /// None was asked, or the page's first request was another.
    #[default]
    Unused,
    /// The worker opens it; its answer has not come.
    Told,
    /// Its answer came before the page asked.
    Answered(Reply),
    /// The page's request with this number asked for it before its answer came.
    Asked(u64),
}

impl Model {
    /// Sends `request`; `then` gets its reply.
    pub(super) fn send(&mut self, request: Request, then: Then) {
        let first = self.last_id == 0;
        self.last_id += 1;
        let id = self.last_id;
        if first {
            match (
                std::mem::take(&mut self.preopen),
                request == Request::open_default(),
            ) {
                (Preopen::Told, true) => {
                    self.pending.insert(id, then);
                    self.preopen = Preopen::Asked(id);
                    mark("data-model-sent", id);
                    return;
                }
                (Preopen::Answered(reply), true) => {
                    mark("data-model-sent", id);
                    // Never before `send` returns, as an answer from the worker.
                    queue_microtask(move || {
                        mark("data-model-answered", id);
                        then(reply);
                    });
                    return;
                }
                _ => {}
            }
        }
        let Some(bytes) = to_wire(&ToModel { id, request }) else {
            return;
        };
        self.pending.insert(id, then);
        mark("data-model-sent", id);
        match &self.worker {
            Some(worker) if self.ready => post(worker, &bytes),
            _ => self.queued.push(bytes),
        }
    }

    /// The number of the page's request answered by `id`, and what waits for its reply.
    fn answered(&mut self, id: u64) -> (u64, Option<Then>) {
        let id = match (id, &self.preopen) {
            (PREOPENED, Preopen::Asked(asked)) => *asked,
            _ => id,
        };
        (id, self.pending.remove(&id))
    }

    /// The worker's unasked answer came before the page asked for it: kept for its request.
    fn keep_preopened(&mut self, reply: Reply) {
        if matches!(self.preopen, Preopen::Told) {
            self.preopen = Preopen::Answered(reply);
        }
    }

    /// The worker listens: what waited goes.
    fn listening(&mut self) {
        self.ready = true;
        if let Some(worker) = &self.worker {
            for bytes in self.queued.drain(..) {
                post(worker, &bytes);
            }
        }
    }
}

/// Posts `bytes` with their buffer transferred, not cloned: a clone would copy them twice more
/// in the tab (the message, then the worker's buffer), as garbage until a GC (issue 20: a
/// pasted NodeList's edit is a megabyte).
fn post(worker: &Worker, bytes: &[u8]) {
    let array = js_sys::Uint8Array::from(bytes);
    let _ = worker.post_message_with_transfer(&array, &js_sys::Array::of1(&array.buffer()));
}

/// Starts the model's worker for `state`: its answers set the parts, then call back.
pub(super) fn start(state: State) {
    // Started by index.html while this module loaded, with what it said before now; else here.
    let (worker, early, told) = started_early().unwrap_or_default();
    if told {
        state.model.update_value(|m| m.preopen = Preopen::Told);
        // Its answer is built into the site: the Nodes list is drawn with the mount,
        // not after the worker's module has arrived and started (issue 22).
        answer(state, crate::first_view::BYTES);
        state.model.update_value(|m| m.built_in = true);
    }
    // For the default preset index.html left the worker to the page: started now, once this
    // module is instantiated, its own module does not download and compile beside this one.
    let worker = worker.or_else(|| new_worker(told));
    let Some(worker) = worker else {
        crate::panic_panel::show("the simulator cannot start: this browser refused its worker");
        return;
    };
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        heard(state, event.data());
    });
    // A trap (out of memory, an abort) stops the worker without a panic message; a worker
    // whose script did not load (gone after a deploy) gets a plain Event, without one.
    let on_error = Closure::<dyn Fn(Event)>::new(|event: Event| {
        let message = event
            .dyn_ref::<ErrorEvent>()
            .map(ErrorEvent::message)
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "its worker did not load".to_owned());
        crate::panic_panel::show(&format!("the simulator stopped: {message}"));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_message.forget();
    on_error.forget();
    state.model.update_value(|m| m.worker = Some(worker));
    for data in early {
        heard(state, data);
    }
}

/// What the worker said: it listens or it panicked (text), or an answer (bytes).
fn heard(state: State, data: wasm_bindgen::JsValue) {
    if let Some(text) = data.as_string() {
        if text == READY {
            state.model.update_value(Model::listening);
        } else if let Some(panic) = text.strip_prefix(PANIC) {
            crate::panic_panel::show(panic);
        }
        return;
    }
    let Ok(bytes) = data.dyn_into::<js_sys::Uint8Array>() else {
        return;
    };
    answer(state, &bytes.to_vec());
}

/// An answer of the model, in its wire form.
fn answer(state: State, bytes: &[u8]) {
    let built_in = state.model.with_value(|m| m.built_in);
    // The worker's copy of the built-in answer: applied already, not decoded again.
    if built_in && bytes == crate::first_view::BYTES {
        return;
    }
    let answer: FromModel = match from_wire(bytes) {
        Ok(a) => a,
        Err(e) => {
            // The error's name (Debug), not postcard's sentences (Display): those would be in
            // the module only for this (issue 22).
            crate::panic_panel::show(&format!("an answer of the model does not read: {e:?}"));
            return;
        }
    };
    let preopened = answer.id == PREOPENED;
    // The worker posts the built-in bytes, and panics if its own open of the preset answers
    // otherwise: a preopened answer that differs is a broken build.
    if preopened && built_in {
        crate::panic_panel::show("the model's first answer is not the one built into the page");
        return;
    }
    let (id, then) = state
        .model
        .try_update_value(|m| m.answered(answer.id))
        .unwrap_or((answer.id, None));
    // The first load's marks (crate::load_marks): the answer to the page's first request.
    let first = id == 1 || preopened;
    if first {
        crate::load_marks::mark("dsplay:first-answer-heard");
    }
    // Never the preopened answer: its reply must settle the page's first request at once
    // (`keep_preopened`), the built-in one included. Nor in a hidden tab: no frame is drawn
    // there, and its throttled timers would hold every answer behind a sliced one.
    let sliced = bytes.len() >= SLICED_BYTES && !preopened && !hidden();
    let mut steps = slices(answer.update, sliced);
    steps.push_back(Step::Done {
        id,
        preopened,
        first,
        reply: answer.reply,
        then,
    });
    let waiting = state
        .model
        .try_update_value(|m| {
            m.steps.extend(steps);
            m.sliced
        })
        .unwrap_or(true);
    if !waiting {
        run_steps(state);
    }
}

/// An answer of at least this many bytes has its parts set in slices (a pasted NodeList's
/// Apply: 599 KB, its transcript entry and the first batch of cells). Smaller ones are set
/// at once, as the Settle's (≤ 100 KB, mostly cells) are.
const SLICED_BYTES: usize = 128 * 1024;

/// The steps that set `update`. Sliced: first what the canvas and the status table show
/// (the cells, `kubectl get ds -A`, the progress bars, the clock: from one answer in one
/// frame), then the console's transcript, then the events, each after a frame. The Apply of
/// 10,000 nodes rendered all three in one task of 40–60 ms (issue 22's settle bench): its
/// transcript entry (500 KB of text into the document) and the events table apart from the
/// cells.
fn slices(update: Option<Update>, sliced: bool) -> VecDeque<Step> {
    let mut steps = VecDeque::new();
    let Some(mut update) = update else {
        return steps;
    };
    if !sliced {
        steps.push_back(Step::Parts(Box::new(update)));
        return steps;
    }
    let transcript = update.transcript.take();
    let events = update.events.take();
    steps.push_back(Step::Parts(Box::new(update)));
    for later in [
        transcript.map(|t| Update {
            transcript: Some(t),
            ..Update::default()
        }),
        events.map(|e| Update {
            events: Some(e),
            ..Update::default()
        }),
    ]
    .into_iter()
    .flatten()
    {
        steps.push_back(Step::Yield);
        steps.push_back(Step::Parts(Box::new(later)));
    }
    steps
}

/// Takes the steps in order until a [`Step::Yield`], which goes on after the next frame.
fn run_steps(state: State) {
    loop {
        let Some(step) = state
            .model
            .try_update_value(|m| {
                let step = m.steps.pop_front();
                m.sliced = matches!(step, Some(Step::Yield));
                step
            })
            .flatten()
        else {
            return;
        };
        match step {
            Step::Parts(update) => {
                let more = update.more;
                state.parts.apply(*update, state.edits.get_value());
                // The rest of a big change comes with the next Work's answers.
                if more {
                    state.drive_work();
                }
            }
            Step::Yield => {
                after_frame(move || run_steps(state));
                return;
            }
            Step::Done {
                id,
                preopened,
                first,
                reply,
                then,
            } => {
                if first {
                    crate::load_marks::mark("dsplay:first-answer-applied");
                }
                mark("data-model-answered", id);
                match then {
                    Some(then) => then(reply),
                    None if preopened => {
                        state.model.update_value(|m| m.keep_preopened(reply));
                    }
                    None => {}
                }
            }
        }
    }
}

/// Whether the page is hidden (a background tab): no frames come.
pub(crate) fn hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

/// Runs `f` once, in a task after the next frame; or after [`FRAME_WAIT`] if no frame came by
/// then (a hidden tab has none, and the model's answers must still be set there).
pub(crate) fn after_frame(f: impl FnOnce() + 'static) {
    use std::cell::Cell;
    use std::rc::Rc;
    let once = Rc::new(Cell::new(Some(Box::new(f) as Box<dyn FnOnce()>)));
    let run = {
        let once = Rc::clone(&once);
        move || {
            if let Some(f) = once.take() {
                f();
            }
        }
    };
    let fallback = run.clone();
    request_animation_frame(move || set_timeout(run, std::time::Duration::ZERO));
    set_timeout(fallback, FRAME_WAIT);
}

/// How long a slice waits for a frame before it goes on without one.
const FRAME_WAIT: std::time::Duration = std::time::Duration::from_millis(250);

/// What index.html's script said (`window.dsplayModel`: `{worker, early, opensDefault}`), taken
/// once: the worker it started (none when the default preset opens: the page starts it), the
/// messages that worker posted before the app listened, and whether the default preset opens.
fn started_early() -> Option<(Option<Worker>, Vec<wasm_bindgen::JsValue>, bool)> {
    let window = web_sys::window()?;
    let key = wasm_bindgen::JsValue::from_str("dsplayModel");
    let started = js_sys::Reflect::get(&window, &key).ok()?;
    if started.is_undefined() {
        return None;
    }
    let _ = js_sys::Reflect::delete_property(&window, &key);
    let worker = js_sys::Reflect::get(&started, &"worker".into())
        .ok()
        .and_then(|w| w.dyn_into::<Worker>().ok());
    let early = js_sys::Reflect::get(&started, &"early".into())
        .ok()
        .and_then(|e| e.dyn_into::<js_sys::Array>().ok())
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    let told =
        js_sys::Reflect::get(&started, &"opensDefault".into()).is_ok_and(|told| told.is_truthy());
    Some((worker, early, told))
}

/// The model's worker, started by the page; at `#open-default` ([`OPEN_DEFAULT`]) when the
/// default preset opens, so that it opens the preset at once and answers it unasked.
fn new_worker(open_default: bool) -> Option<Worker> {
    let url = worker_url()?;
    let url = if open_default {
        format!("{url}#{OPEN_DEFAULT}")
    } else {
        url
    };
    Worker::new(&url).ok()
}

/// The worker's script (Trunk's loader shim for the `worker` binary), beside the page (the
/// document's base: the site's public URL). index.html's `<meta name="dsplay-model">` names
/// it: scripts/worker-names.mjs writes the name of this build's worker there.
fn worker_url() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let script = document
        .query_selector(r#"meta[name="dsplay-model"]"#)
        .ok()??
        .get_attribute("content")?;
    let base = document.base_uri().ok()??;
    web_sys::Url::new_with_base(&script, &base)
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

#[cfg(test)]
mod tests {
    use super::{Step, slices};
    use crate::host::protocol::{EventsChange, TranscriptChange, Update, Versioned};

    fn kinds(steps: &std::collections::VecDeque<Step>) -> Vec<&'static str> {
        steps
            .iter()
            .map(|s| match s {
                Step::Parts(u) if u.transcript.is_some() => "transcript",
                Step::Parts(u) if u.events.is_some() => "events",
                Step::Parts(_) => "parts",
                Step::Yield => "yield",
                Step::Done { .. } => "done",
            })
            .collect()
    }

    /// A large answer: the canvas's and status table's parts first, then the transcript and
    /// the events, each after a frame; nothing of the update is lost. A small one at once.
    #[test]
    fn a_large_answer_is_set_in_slices() {
        let update = Update {
            transcript: Some(Versioned {
                version: 1,
                value: TranscriptChange::default(),
            }),
            events: Some(Versioned {
                version: 2,
                value: EventsChange::default(),
            }),
            ds_table: Some(Versioned {
                version: 3,
                value: "NAMESPACE".to_owned(),
            }),
            more: true,
            ..Update::default()
        };
        let sliced = slices(Some(update.clone()), true);
        assert_eq!(
            kinds(&sliced),
            ["parts", "yield", "transcript", "yield", "events"]
        );
        let Some(Step::Parts(first)) = sliced.front() else {
            panic!("parts first");
        };
        assert!(first.more && first.ds_table.is_some() && first.transcript.is_none());
        let whole = slices(Some(update.clone()), false);
        assert!(matches!(whole.front(), Some(Step::Parts(u)) if **u == update) && whole.len() == 1);
        assert!(slices(None, true).is_empty());
    }
}
