//! The page shell: header, main area and footer, with landmarks for assistive technology.

use leptos::prelude::*;

use crate::test_panic;

/// The whole page. For now a placeholder: the simulator UI is being built.
#[component]
pub fn App() -> impl IntoView {
    // Test-only: `?__test_panic=1` panics once the page is mounted, inside the reactive
    // runtime, where real bugs would strike; the e2e tests use it to see the error panel.
    Effect::new(|_| {
        if test_panic::requested() {
            panic!("{}", test_panic::MESSAGE);
        }
    });

    view! {
        <header class="site-header">
            <h1>"DaemonSet Playground"</h1>
            <p class="tagline">"A Kubernetes DaemonSet simulator that runs in your browser."</p>
        </header>
        <main id="main">
            <section class="placeholder" aria-labelledby="placeholder-heading">
                <h2 id="placeholder-heading">"Under construction"</h2>
                <p>
                    "The simulator is being built: soon you will paste DaemonSet YAML, add, "
                    "taint, cordon and drain nodes, and watch pods roll out on a clock you control."
                </p>
            </section>
        </main>
        <footer class="site-footer">
            <p>
                {format!(
                    "Version {}, engine {}",
                    env!("CARGO_PKG_VERSION"),
                    dsplay_engine::VERSION,
                )}
            </p>
        </footer>
    }
}
