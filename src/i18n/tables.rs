//! The page's catalogues as tables: one `&str` a message a language, filled at compile time
//! from the catalogues' matches. The page names nearly every message, and an index into a table
//! is smaller code than three matches of some 270 arms each (issue 22). The model's module keeps
//! the matches: it names only a few messages, and from a match the compiler keeps only their
//! strings, where a table would keep all of them (12.5 KB gzipped more, measured).

use super::{Lang, Msg, en, zh_hans, zh_hant};

const N: usize = Msg::ALL.len();

macro_rules! table {
    ($catalogue:path) => {{
        let mut table = [""; N];
        let mut i = 0;
        while i < N {
            table[i] = $catalogue(Msg::ALL[i]);
            i += 1;
        }
        table
    }};
}

static EN: [&str; N] = table!(en::text);
static ZH_HANS: [&str; N] = table!(zh_hans::text);
static ZH_HANT: [&str; N] = table!(zh_hant::text);

/// [`super::text`] in the page: `msg`'s entry (its number is its place in [`Msg::ALL`]).
pub(super) fn text(lang: Lang, msg: Msg) -> &'static str {
    let table = match lang {
        Lang::En => &EN,
        Lang::ZhHans => &ZH_HANS,
        Lang::ZhHant => &ZH_HANT,
    };
    table[msg as usize]
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
