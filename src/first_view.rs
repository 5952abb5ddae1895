//! The default preset's first answer, computed when the site is built (issue 22, first usable
//! render). The page's app applies its own copy as it mounts, when index.html's script told the
//! worker to open the default preset (src/components/model.rs), so the Nodes list is drawn
//! without waiting for the worker's module to arrive and start; the worker posts the same bytes
//! as soon as its code runs (the page checks them and drops them), then opens the preset for
//! real and checks that its own answer is the same. Nothing differs for the reader: the bytes
//! are the live answer's, byte for byte (the test below, and the worker's check at every load),
//! and whatever the page asks meanwhile waits for the worker, as it did before.
//!
//! When the engine or the protocol changes what the default preset's first answer holds, the
//! test below fails: write the file again with
//! `DSPLAY_WRITE_FIRST_VIEW=1 cargo test --locked -p daemonset-playground first_view`.

use crate::host::Host;
use crate::host::protocol::{PREOPENED, Request, ToModel, to_wire};

/// The bytes of the worker's answer to [`Request::open_default`], numbered [`PREOPENED`].
pub const BYTES: &[u8] = include_bytes!("first_view.postcard");

/// The live answer, in its wire form: what [`BYTES`] must equal.
pub fn live(host: &mut Host, now: impl Fn() -> f64) -> Option<Vec<u8>> {
    let message = ToModel {
        id: PREOPENED,
        request: Request::open_default(),
    };
    to_wire(&host.serve(message, now))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_view_is_the_default_presets_live_first_answer() {
        let live = live(&mut Host::new(), || 0.0).expect("the answer writes");
        if std::env::var_os("DSPLAY_WRITE_FIRST_VIEW").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/first_view.postcard");
            std::fs::write(path, &live).expect("src/first_view.postcard written");
            return;
        }
        assert!(
            BYTES == live.as_slice(),
            "src/first_view.postcard is not the default preset's first answer ({} bytes, live \
             {}): write it again with DSPLAY_WRITE_FIRST_VIEW=1 cargo test --locked -p \
             daemonset-playground first_view",
            BYTES.len(),
            live.len()
        );
    }

    /// The answer does not hang on the time the worker reads (a frame's budget counts only for
    /// the sliced work): the bytes computed here at build time are the worker's at any time.
    #[test]
    fn the_first_answer_is_the_same_at_any_time() {
        let early = live(&mut Host::new(), || 0.0);
        let late = live(&mut Host::new(), || 1.0e12);
        assert_eq!(early, late);
    }
}
