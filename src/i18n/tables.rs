//! The page's catalogues as tables: a language's messages in one string with where each ends,
//! filled at compile time from the catalogues' matches. The page names nearly every message,
//! and an index into a table is smaller code than three matches of some 270 arms each (issue 22). The model's module keeps
//! the matches: it names only a few messages, and from a match the compiler keeps only their
//! strings, where a table would keep all of them (12.5 KB gzipped more, measured).

use super::{Lang, Msg, en, zh_hans, zh_hant};

const N: usize = Msg::ALL.len();

/// A language's messages end to end in one string, and where each ends: two bytes a message
/// where a `&str` is eight (a pointer and a length), and numbers that grow by little compress
/// better than addresses (issue 22).
struct Catalogue {
    text: &'static str,
    ends: [u16; N],
}

macro_rules! catalogue {
    ($catalogue:path) => {{
        const LEN: usize = {
            let mut len = 0;
            let mut i = 0;
            while i < N {
                len += $catalogue(Msg::ALL[i]).len();
                i += 1;
            }
            len
        };
        const BYTES: [u8; LEN] = {
            let mut bytes = [0; LEN];
            let mut at = 0;
            let mut i = 0;
            while i < N {
                let text = $catalogue(Msg::ALL[i]).as_bytes();
                let mut j = 0;
                while j < text.len() {
                    bytes[at] = text[j];
                    at += 1;
                    j += 1;
                }
                i += 1;
            }
            bytes
        };
        const ENDS: [u16; N] = {
            // Every end must fit in two bytes: the build fails here if a catalogue outgrows them.
            assert!(LEN <= u16::MAX as usize);
            let mut ends = [0; N];
            let mut at = 0;
            let mut i = 0;
            while i < N {
                at += $catalogue(Msg::ALL[i]).len();
                ends[i] = at as u16;
                i += 1;
            }
            ends
        };
        Catalogue {
            // Whole strings end to end are UTF-8; the build fails here if not.
            text: match std::str::from_utf8(&BYTES) {
                Ok(text) => text,
                Err(_) => panic!("a catalogue is not UTF-8"),
            },
            ends: ENDS,
        }
    }};
}

static EN: Catalogue = catalogue!(en::text);
static ZH_HANS: Catalogue = catalogue!(zh_hans::text);
static ZH_HANT: Catalogue = catalogue!(zh_hant::text);

/// [`super::text`] in the page: `msg`'s entry (its number is its place in [`Msg::ALL`]).
pub(super) fn text(lang: Lang, msg: Msg) -> &'static str {
    let catalogue = match lang {
        Lang::En => &EN,
        Lang::ZhHans => &ZH_HANS,
        Lang::ZhHant => &ZH_HANT,
    };
    let i = msg as usize;
    let start = match i.checked_sub(1) {
        Some(before) => catalogue.ends.get(before).copied().unwrap_or(0),
        None => 0,
    };
    let end = catalogue.ends.get(i).copied().unwrap_or(0);
    // Every message starts and ends on a character's boundary: `get` never misses here.
    catalogue
        .text
        .get(usize::from(start)..usize::from(end))
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_entry_is_its_catalogues_text() {
        for lang in Lang::ALL {
            for (i, &msg) in Msg::ALL.iter().enumerate() {
                assert_eq!(msg as usize, i);
                let matched = match lang {
                    Lang::En => en::text(msg),
                    Lang::ZhHans => zh_hans::text(msg),
                    Lang::ZhHant => zh_hant::text(msg),
                };
                assert_eq!(text(lang, msg), matched, "{msg:?} in {lang:?}");
            }
        }
    }
}
