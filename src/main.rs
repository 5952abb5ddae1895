//! The browser entry point: Trunk builds this binary to WebAssembly and calls `main` on load.

fn main() {
    daemonset_playground::start();
}
