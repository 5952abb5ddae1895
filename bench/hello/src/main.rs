//! The smallest Leptos page: the baseline the playground's first render is compared with.

use leptos::prelude::*;

fn main() {
    mount_to_body(
        || view! { <main><h1>"Hello"</h1><ul aria-label="Nodes"><li>"node-0"</li></ul></main> },
    );
}
