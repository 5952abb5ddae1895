//! `sim simplifications`: where the playground does otherwise than a real cluster. The list is
//! `simplifications.md`, which the README links to, so the docs and the console say the same.

/// The list as written, markdown.
const LIST: &str = include_str!("simplifications.md");

/// The console's text: the title, then the bullets without their bold marks (the console shows
/// no emphasis; backquotes stay, they set off names and commands as in kubectl's help); the
/// file's introduction is for readers of the file.
pub(crate) fn text() -> String {
    let title = LIST
        .lines()
        .next()
        .unwrap_or_default()
        .trim_start_matches("# ");
    let bullets = LIST
        .find("\n- ")
        .map_or("", |at| &LIST[at + 1..])
        .replace("**", "");
    format!("{title}:\n{bullets}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every bullet of the file reaches the console, and no bold mark does.
    #[test]
    fn every_simplification_is_printed_plain() {
        let out = text();
        let bullets = LIST.lines().filter(|l| l.starts_with("- ")).count();
        assert!(bullets >= 10, "the list has its bullets: {bullets}");
        assert_eq!(out.lines().filter(|l| l.starts_with("- ")).count(), bullets);
        assert!(out.starts_with("Where the simulator simplifies:\n- Revision hashes"));
        assert!(!out.contains("**"), "{out}");
        // The spec's section numbers belong to the project's notes, not to a reader's console.
        assert!(!out.contains('§'), "{out}");
        assert!(out.contains("A work and memory budget stops any one command"));
    }

    /// The command, as the console, the CLI and scripts run it: the list, no error, no change;
    /// with an argument, a usage error.
    #[test]
    fn the_command_prints_the_list_and_refuses_arguments() {
        let mut s = crate::runner::Session::new();
        let out = s.execute("sim simplifications", None);
        assert!(!out.is_error, "{}", out.output);
        assert_eq!(out.output.trim_end(), text().trim_end());
        let wrong = s.execute("sim simplifications now", None);
        assert!(wrong.is_error);
        assert!(
            wrong.output.contains("usage: sim simplifications"),
            "{}",
            wrong.output
        );
        let help = s.execute("help", None);
        assert!(
            help.output.contains("sim simplifications"),
            "{}",
            help.output
        );
    }

    /// The README names the list and links to it (the docs half of "named in the UI and docs").
    #[test]
    fn readme_links_the_list() {
        let readme = include_str!("../../../README.md");
        assert!(readme.contains("### Where the simulator simplifies"));
        assert!(readme.contains("(engine/src/sim/simplifications.md)"));
        assert!(readme.contains("`sim simplifications`"));
    }
}
