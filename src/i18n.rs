//! The page's languages (issue 11; contract section 5: `lang-select`, `lang=`): which languages
//! there are, their catalogues (English words → the language's words), plural forms and decimal
//! signs, and which catalogue the page shows now. The English words themselves are in
//! [`crate::strings`].

use std::cell::Cell;
use std::collections::HashMap;

use crate::strings::{Strings, ENGLISH};

/// A language the page speaks (contract section 5: `lang-select`, `lang=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English, the source language.
    #[default]
    En,
    /// Spanish.
    Es,
}

impl Lang {
    /// Every language, in the order of `lang-select`.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The BCP 47 tag: the id of `lang-select` and `lang=`, and `<html lang>`.
    pub const fn id(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language named by an id, if it names one.
    pub fn from_id(id: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.id() == id)
    }

    /// The ids, comma-separated, for a notice that names the choices.
    pub fn ids() -> String {
        Lang::ALL.map(Lang::id).join(", ")
    }

    /// The language's name in itself, as `lang-select` lists it.
    pub const fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    /// The decimal sign (CLDR: a comma in Spanish).
    pub const fn decimal_sign(self) -> char {
        match self {
            Lang::En => '.',
            Lang::Es => ',',
        }
    }

    /// The catalogue files of the language, under `i18n/` (none for English, the source).
    pub const fn catalogue_files(self) -> &'static [&'static str] {
        match self {
            Lang::En => &[],
            Lang::Es => &[
                "es/page.json",
                "es/presets.json",
                "es/tours.json",
                "es/cases-1.json",
                "es/cases-2.json",
            ],
        }
    }

    /// Whether `count` takes the "one" form of a noun in this language (Unicode CLDR plural
    /// rules, by `intl_pluralrules`): 1 in both English and Spanish, but not 1.5 or 0.
    pub fn is_singular(self, count: f64) -> bool {
        use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
        let tag = match self {
            Lang::En => "en",
            Lang::Es => "es",
        };
        let rules = tag
            .parse::<unic_langid::LanguageIdentifier>()
            .ok()
            .and_then(|language| PluralRules::create(language, PluralRuleType::CARDINAL).ok());
        match rules {
            Some(rules) => rules.select(count) == Ok(PluralCategory::ONE),
            None => count == 1.0,
        }
    }
}

/// A translation: the English source words and the language's words for them.
#[derive(Debug, PartialEq, Eq)]
pub struct Catalogue {
    pub lang: Lang,
    words: HashMap<&'static str, &'static str>,
}

impl Catalogue {
    /// Reads the catalogue files of `lang` (JSON objects from English to the language) into one
    /// catalogue; a file that is not such an object is refused with its name.
    pub fn parse(lang: Lang, files: &[(&str, &str)]) -> Result<Catalogue, String> {
        let mut words = HashMap::new();
        for (name, text) in files {
            let file: HashMap<String, String> = serde_json::from_str(text)
                .map_err(|error| format!("{name}: not a catalogue of words ({error})"))?;
            // A word not yet translated (empty) shows in English.
            for (english, translated) in file.into_iter().filter(|(_, to)| !to.trim().is_empty()) {
                // Kept for the page's lifetime: a catalogue is read once per language.
                let english: &'static str = Box::leak(english.into_boxed_str());
                let translated: &'static str = Box::leak(translated.into_boxed_str());
                words.insert(english, translated);
            }
        }
        Ok(Catalogue { lang, words })
    }

    /// The language's words for `english`; the English words where the catalogue has none.
    pub fn tr<'a>(&self, english: &'a str) -> &'a str {
        self.words.get(english).copied().unwrap_or(english)
    }

    /// The English words this catalogue translates.
    pub fn sources(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.words.keys().copied()
    }
}

thread_local! {
    /// The words the page shows now (the page is one thread; native code keeps English).
    static CURRENT: Cell<&'static Strings> = const { Cell::new(&ENGLISH) };
}

/// The words the page shows now.
pub fn t() -> &'static Strings {
    CURRENT.with(Cell::get)
}

/// Makes `strings` the page's words (the page then renders itself again).
pub fn set_current(strings: &'static Strings) {
    CURRENT.with(|current| current.set(strings));
}

/// Fills `{name}` placeholders in a template, in one pass: a value is never read again as a
/// template, so text from a link or a file that looks like a placeholder ("{choices}") is shown as
/// written. A placeholder with no value is left as it is. Numbers in the values take the decimal
/// sign of the page's language.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let sign = t().lang().decimal_sign();
    let mut filled = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        filled.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            let value = values.iter().find(|(wanted, _)| *wanted == name)?.1;
            Some((value, &after[close + 1..]))
        });
        match value {
            Some((value, tail)) => {
                filled.push_str(&localize_number(value, sign));
                rest = tail;
            }
            None => {
                filled.push('{');
                rest = after;
            }
        }
    }
    filled.push_str(rest);
    filled
}

/// `text` with every decimal point between two digits written as `sign` ("9.8" → "9,8").
pub fn localize_number(text: &str, sign: char) -> String {
    if sign == '.' {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(at, &c)| {
            let between_digits = at > 0
                && chars[at - 1].is_ascii_digit()
                && chars.get(at + 1).is_some_and(char::is_ascii_digit);
            if c == '.' && between_digits {
                sign
            } else {
                c
            }
        })
        .collect()
}

/// The Spanish words, read from the catalogue files in the source tree (for the tests that check
/// a layout holds in every language).
#[cfg(test)]
pub(crate) fn spanish_for_tests() -> &'static Strings {
    let files = [
        ("es/page.json", include_str!("../assets/i18n/es/page.json")),
        (
            "es/presets.json",
            include_str!("../assets/i18n/es/presets.json"),
        ),
        (
            "es/tours.json",
            include_str!("../assets/i18n/es/tours.json"),
        ),
        (
            "es/cases-1.json",
            include_str!("../assets/i18n/es/cases-1.json"),
        ),
        (
            "es/cases-2.json",
            include_str!("../assets/i18n/es/cases-2.json"),
        ),
    ];
    let catalogue: &'static Catalogue =
        Box::leak(Box::new(Catalogue::parse(Lang::Es, &files).unwrap()));
    Box::leak(Box::new(ENGLISH.translated(catalogue)))
}
