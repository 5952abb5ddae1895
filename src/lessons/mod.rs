//! The lessons the page offers: scenario files with steps (engine `lesson`), read when opened.
//! `dsplay test src/lessons/*.lesson` runs their solutions; a native test does the same.

use dsplay_engine::lesson::{self, Lesson};

/// One lesson of the menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LessonFile {
    /// Its name in links (`"lesson":"taints"`), `?lesson=` and `data-lesson` of embeds.
    pub id: &'static str,
    pub source: &'static str,
}

macro_rules! lesson_file {
    ($id:literal) => {
        LessonFile {
            id: $id,
            source: include_str!(concat!($id, ".lesson")),
        }
    };
}

/// The lessons, in the order the menu lists them.
pub const LESSONS: &[LessonFile] = &[
    lesson_file!("daemonset-basics"),
    lesson_file!("fluentd-everywhere"),
    lesson_file!("taints-and-drain"),
    lesson_file!("orphans-and-adoption"),
    lesson_file!("deployment-to-daemonset"),
    lesson_file!("rolling-update"),
];

pub fn find(id: &str) -> Option<&'static LessonFile> {
    LESSONS.iter().find(|l| l.id == id)
}

/// The lesson `id`, read; None for an unknown id (the tests read every one).
pub fn load(id: &str) -> Option<Lesson> {
    lesson::parse(find(id)?.source).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use dsplay_engine::suite::test_source;

    /// Every lesson reads, has its titles and texts in the page's three languages, and its
    /// solutions reach every goal, as `dsplay test` checks them.
    #[test]
    fn every_lesson_reads_and_its_solution_passes() {
        for file in LESSONS {
            let l = lesson::parse(file.source).unwrap_or_else(|e| panic!("{}: {e}", file.id));
            // The menu reads the titles alone (host::lesson_menu).
            assert_eq!(
                lesson::titles(file.source),
                l.title,
                "{}: menu titles",
                file.id
            );
            for lang in ["en", "zh-Hans", "zh-Hant"] {
                assert!(l.title.exactly(lang).is_some(), "{}: title {lang}", file.id);
                for (i, s) in l.steps.iter().enumerate() {
                    assert!(
                        s.title.exactly(lang).is_some(),
                        "{} step {}: {lang}",
                        file.id,
                        i + 1
                    );
                    assert!(
                        s.text.exactly(lang).is_some(),
                        "{} step {}: {lang}",
                        file.id,
                        i + 1
                    );
                    for h in &s.hints {
                        assert!(
                            h.exactly(lang).is_some(),
                            "{} step {} hint: {lang}",
                            file.id,
                            i + 1
                        );
                    }
                }
            }
            for r in test_source(file.source, file.id, None) {
                assert!(r.passed, "{}:\n{}", r.name, r.details);
            }
        }
    }
}
