//! The languages of the playground, their tags, and which one a browser's preferences ask for.

/// A language the playground speaks. Its tag (BCP 47) is what `<html lang>`, links
/// (`"lang":"zh-Hant"`), `?lang=` and localStorage hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    /// Simplified Chinese.
    ZhHans,
    /// Traditional Chinese, in Taiwan usage.
    ZhHant,
}

impl Lang {
    /// Every language, in the order the language menu lists them.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::ZhHans, Lang::ZhHant];

    /// The tag written in links, storage and `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhHans => "zh-Hans",
            Lang::ZhHant => "zh-Hant",
        }
    }

    /// The language's name in itself, as the menu shows it whatever the page's language.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhHans => "简体中文",
            Lang::ZhHant => "繁體中文",
        }
    }

    /// The language a tag asks for (`en-GB`, `zh-CN`, `zh-Hant-TW`, case-insensitive); None
    /// for a language the playground does not speak.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().replace('_', "-").to_ascii_lowercase();
        let mut parts = tag.split('-');
        match parts.next()? {
            "en" => Some(Lang::En),
            "zh" => {
                // A script subtag decides; else the region (Taiwan, Hong Kong and Macao write
                // Traditional characters); else Simplified, the most common.
                let rest: Vec<&str> = parts.collect();
                if rest.contains(&"hant") {
                    Some(Lang::ZhHant)
                } else if rest.contains(&"hans") {
                    Some(Lang::ZhHans)
                } else if rest.iter().any(|p| matches!(*p, "tw" | "hk" | "mo")) {
                    Some(Lang::ZhHant)
                } else {
                    Some(Lang::ZhHans)
                }
            }
            _ => None,
        }
    }

    /// The first of the browser's preferred languages (`navigator.languages`, most preferred
    /// first) that the playground speaks; English if none.
    pub fn from_preferences<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn tags_map_to_languages() {
        for (tag, lang) in [
            ("en", Some(Lang::En)),
            ("en-US", Some(Lang::En)),
            ("zh", Some(Lang::ZhHans)),
            ("zh-CN", Some(Lang::ZhHans)),
            ("zh-SG", Some(Lang::ZhHans)),
            ("zh-Hans", Some(Lang::ZhHans)),
            ("zh-hans-cn", Some(Lang::ZhHans)),
            ("zh-TW", Some(Lang::ZhHant)),
            ("zh-HK", Some(Lang::ZhHant)),
            ("zh-MO", Some(Lang::ZhHant)),
            ("zh-Hant", Some(Lang::ZhHant)),
            ("zh-Hant-HK", Some(Lang::ZhHant)),
            ("zh_TW", Some(Lang::ZhHant)),
            ("fr-FR", None),
            ("", None),
        ] {
            assert_eq!(Lang::from_tag(tag), lang, "{tag}");
        }
    }

    #[test]
    fn the_first_spoken_preference_wins() {
        assert_eq!(Lang::from_preferences(["fr", "zh-TW", "en"]), Lang::ZhHant);
        assert_eq!(Lang::from_preferences(["en-GB", "zh-CN"]), Lang::En);
        assert_eq!(Lang::from_preferences(["de", "ja"]), Lang::En);
        assert_eq!(Lang::from_preferences([]), Lang::En);
    }

    #[test]
    fn tags_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
    }
}
