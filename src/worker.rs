//! The model's side of the Web Worker (issue 22 item 1): the `worker` binary runs the [`Host`]
//! off the page's thread. Each message is a numbered request in its wire form ([`ToModel`],
//! [`from_wire`]); each is
//! answered, in order, by its reply and the parts it changed ([`FromModel`]). The sliced work
//! (a Settle, "Run all", a long replay) runs one [`Request::Work`](crate::host::protocol::Request)
//! at a time, each a frame's budget: requests sent meanwhile (Pause, Stop, Select) queue behind
//! it and get in before the next.

use crate::host::Host;
use crate::host::protocol::{FromModel, ToModel, from_wire, to_wire};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// What the worker posts once it listens: messages the page posted before are lost, so the
/// page waits for this.
pub const READY: &str = "ready";

/// What starts the message a panic in the worker posts (the page shows its error panel).
pub const PANIC: &str = "panic: ";

/// Listens for the page's requests, then says it is ready.
pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let told = scope.clone();
    std::panic::set_hook(Box::new(move |info| {
        let text = crate::panic_panel::describe(info.payload_as_str(), info.location());
        let _ = told.post_message(&format!("{PANIC}{text}").into());
    }));
    let host = RefCell::new(Host::new());
    let answer_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let Ok(bytes) = event.data().dyn_into::<js_sys::Uint8Array>() else {
            return;
        };
        // The page writes what this reads (one build): a message that does not read is a bug.
        let message: ToModel = match from_wire(&bytes.to_vec()) {
            Ok(m) => m,
            Err(e) => panic!("a message from the page does not read: {e}"),
        };
        let answer: FromModel = host.borrow_mut().serve(message, js_sys::Date::now);
        match to_wire(&answer) {
            Some(bytes) => {
                let _ = answer_to.post_message(&js_sys::Uint8Array::from(bytes.as_slice()));
            }
            None => panic!("an answer does not write"),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&READY.into());
}
