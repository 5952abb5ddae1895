//! The model's module: Trunk builds this binary to WebAssembly for the Web Worker
//! (`data-type="worker"` in index.html); the page's module holds no engine.

fn main() {
    daemonset_playground::worker::start();
}
