//! The model's side of the Web Worker (issue 22 item 1): the `worker` binary runs the [`Host`]
//! off the page's thread. Each message is a numbered request in its wire form ([`ToModel`],
//! [`from_wire`]); each is
//! answered, in order, by its reply and the parts it changed ([`FromModel`]). The sliced work
//! (a Settle, "Run all", a long replay) runs one [`Request::Work`](crate::host::protocol::Request)
//! at a time, each a frame's budget: requests sent meanwhile (Pause, Stop, Select) queue behind
//! it and get in before the next.

use crate::host::Host;
use crate::host::protocol::{FromModel, Request, ToModel, from_wire, to_wire};
use crate::load_marks::mark;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// What the worker posts once it listens: messages the page posted before are lost, so the
/// page waits for this.
pub const READY: &str = "ready";

/// What starts the message a panic in the worker posts (the page shows its error panel).
pub const PANIC: &str = "panic: ";

/// The end of the worker's address (after `#`) when index.html's script found no link, no
/// lesson and no autosave: the page will open the default preset and starts the worker at this
/// address (`components/model.rs`, since its first answer is built into the page the worker
/// is not started before the page's module is instantiated), so the worker answers it
/// unasked ([`PREOPENED`](crate::host::protocol::PREOPENED)) and opens it at once. A fragment:
/// it does not change the address the browser fetches and caches.
pub const OPEN_DEFAULT: &str = "open-default";

/// The end of the worker's address (after `#`) that has it run out of memory at once: the
/// out-of-memory report's test (the page's own is `?__test_panic=oom`).
const TEST_OOM: &str = "__test_oom";

/// Listens for the page's requests, then says it is ready (after opening the default preset,
/// when its address asks for it).
pub fn start() {
    mark("dsplay-worker:start");
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    std::panic::set_hook(Box::new(|info| {
        tell_panic(&crate::panic_panel::describe(
            info.payload_as_str(),
            info.location(),
        ));
    }));
    // Test-only, as the page's `?__test_panic=oom`: a worker started as `…#__test_oom` runs out
    // of memory (tests/e2e/panic.test.mjs starts one itself; the page never asks for it).
    if hash(&scope).as_deref() == Some(TEST_OOM) {
        crate::oom::exhaust();
    }
    let mut host = Host::new();
    // The default preset's first answer, computed at build time (crate::first_view), goes at
    // once; the preset is then opened for real, and must answer the same.
    let preopened = asks_default(&scope).then(|| {
        post_bytes(&scope, crate::first_view::BYTES);
        mark("dsplay-worker:preopen-answered");
        crate::first_view::live(&mut host, js_sys::Date::now)
    });
    let host = RefCell::new(host);
    let opened = std::cell::Cell::new(false);
    let answer_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let Ok(bytes) = event.data().dyn_into::<js_sys::Uint8Array>() else {
            return;
        };
        // The page writes what this reads (one build): a message that does not read is a bug.
        // Said by the error's name (Debug): postcard's sentences would be here only for this.
        let message: ToModel = match from_wire(&bytes.to_vec()) {
            Ok(m) => m,
            Err(e) => panic!("a message from the page does not read: {e:?}"),
        };
        // The first load's marks: the page's first request that opens work.
        let first_open = !opened.get()
            && matches!(
                message.request,
                Request::Open { .. } | Request::OpenDefault | Request::Restore { .. }
            );
        if first_open {
            mark("dsplay-worker:open-heard");
        }
        let answer: FromModel = host.borrow_mut().serve(message, js_sys::Date::now);
        answer_with(&answer_to, &answer);
        if first_open {
            opened.set(true);
            mark("dsplay-worker:open-answered");
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    if let Some(live) = preopened {
        mark("dsplay-worker:preopen-checked");
        if live.as_deref() != Some(crate::first_view::BYTES) {
            panic!("the default preset's first view built into the site is not its live answer");
        }
    }
    let _ = scope.post_message(&READY.into());
}

/// Posts `answer` to the page in its wire form, its buffer transferred, not cloned: a clone
/// copies it twice more in the tab (the message, then the page's buffer), as garbage until a
/// GC (issue 20: a pasted NodeList's Apply answers with ~0.8 MB).
fn answer_with(scope: &DedicatedWorkerGlobalScope, answer: &FromModel) {
    match to_wire(answer) {
        Some(bytes) => post_bytes(scope, &bytes),
        None => panic!("an answer does not write"),
    }
}

/// Posts `bytes` in a buffer of their own, transferred to the page.
fn post_bytes(scope: &DedicatedWorkerGlobalScope, bytes: &[u8]) {
    let array = js_sys::Uint8Array::from(bytes);
    let transfer = js_sys::Array::of1(&array.buffer());
    let _ = scope.post_message_with_transfer(&array, &transfer);
}

/// Posts `text` as a panic's message: the page shows it on its error panel (the worker has no
/// document). The panic hook's, and the out-of-memory report's, which comes before the trap.
pub(crate) fn tell_panic(text: &str) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let _ = scope.post_message(&format!("{PANIC}{text}").into());
}

/// The end of the worker's address after `#`, if it has one.
fn hash(scope: &DedicatedWorkerGlobalScope) -> Option<String> {
    js_sys::Reflect::get(scope, &"location".into())
        .and_then(|location| js_sys::Reflect::get(&location, &"hash".into()))
        .ok()
        .and_then(|hash| hash.as_string())
        .and_then(|hash| hash.strip_prefix('#').map(str::to_owned))
}

/// Whether the worker's address ends in `#open-default` ([`OPEN_DEFAULT`]).
fn asks_default(scope: &DedicatedWorkerGlobalScope) -> bool {
    hash(scope).as_deref() == Some(OPEN_DEFAULT)
}
