//! Runs a generated scenario through [`Session::execute`] and checks the invariants after every
//! command; the first broken one is returned with the commands that led to it.

use super::commands::Step;
use super::invariants::check;
use crate::runner::Session;

/// `Err(report)` at the first broken invariant.
pub fn run_and_check(steps: &[Step]) -> Result<(), String> {
    let mut s = Session::new();
    let mut done: Vec<&str> = Vec::new();
    for st in steps {
        let out = s.execute(&st.line, st.stdin.as_deref());
        done.push(&st.line);
        let settled = st.line == "sim settle" && out.output.starts_with("settled at");
        let broken = check(s.cluster(), settled);
        if !broken.is_empty() {
            return Err(format!(
                "{}\nafter:\n  {}",
                broken.join("\n"),
                done.join("\n  ")
            ));
        }
    }
    Ok(())
}
