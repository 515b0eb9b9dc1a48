//! The page's languages (issue 11): every English word the page can show has a Spanish
//! translation with the same placeholders, no translation is left over from words that are gone,
//! and the Spanish catalogue really changes what the page's code returns.
//!
//! The English words are read from their sources: the string literals of `src/strings.rs` (the
//! page), of `src/teaching/tours.rs` (tours), and the text fields of the case and preset files.
//! After changing English words, `cargo test --test i18n -- --ignored write_missing` adds the new
//! ones to the catalogues with an empty translation, for a translator to fill in.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use marrow_factory::model::{LabKey, SettingKey};
use marrow_factory::strings::{fill, set_current, t, Catalogue, Lang, ENGLISH};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The string literals of a Rust source file, up to its tests, unescaped.
fn rust_literals(path: &str) -> Vec<String> {
    let text = fs::read_to_string(Path::new(ROOT).join(path)).unwrap();
    let text = &text[..text.find("#[cfg(test)]").unwrap_or(text.len())];
    let chars: Vec<char> = text.chars().collect();
    let mut literals = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        match chars[at] {
            '/' if chars.get(at + 1) == Some(&'/') => {
                while at < chars.len() && chars[at] != '\n' {
                    at += 1;
                }
            }
            // A char literal such as '"' (a lifetime's quote has no closing quote two or three on).
            '\'' if chars.get(at + 2) == Some(&'\'') => at += 3,
            '\'' if chars.get(at + 1) == Some(&'\\') && chars.get(at + 3) == Some(&'\'') => at += 4,
            '"' => {
                let mut literal = String::new();
                at += 1;
                while chars[at] != '"' {
                    if chars[at] == '\\' {
                        at += 1;
                        match chars[at] {
                            'n' => literal.push('\n'),
                            // A line continuation: the newline and the next line's indent vanish.
                            '\n' => {
                                while chars[at + 1].is_whitespace() {
                                    at += 1;
                                }
                            }
                            escaped => literal.push(escaped),
                        }
                    } else {
                        literal.push(chars[at]);
                    }
                    at += 1;
                }
                literals.push(literal);
            }
            _ => {}
        }
        at += 1;
    }
    literals
}

/// Words a student reads: at least one letter, and not an id such as `iron_heist` or `down`
/// (ids are only skipped in files that also hold ids; `src/strings.rs` is all words).
fn is_words(literal: &str, ids_possible: bool) -> bool {
    let has_letter = literal.chars().any(char::is_alphabetic);
    let looks_like_id = literal
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    has_letter && !(ids_possible && looks_like_id)
}

/// The text fields whose keys are in `keys` of the JSON files in `dir` whose names `take`.
fn json_words(dir: &str, keys: &[&str], take: impl Fn(&str) -> bool) -> Vec<String> {
    fn walk(value: &serde_json::Value, key: Option<&str>, keys: &[&str], out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (name, inner) in map {
                    walk(inner, Some(name), keys, out);
                }
            }
            serde_json::Value::Array(items) => {
                for inner in items {
                    walk(inner, key, keys, out);
                }
            }
            serde_json::Value::String(text) if key.is_some_and(|key| keys.contains(&key)) => {
                out.push(text.clone());
            }
            _ => {}
        }
    }
    let mut paths: Vec<_> = fs::read_dir(Path::new(ROOT).join(dir))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .filter(|path| take(&path.file_stem().unwrap().to_string_lossy()))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let value: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        walk(&value, None, keys, &mut out);
    }
    out
}

/// The English words of each catalogue file, by file (`page`, `tours`, `cases-1`, ...).
fn english_words() -> BTreeMap<&'static str, BTreeSet<String>> {
    let page = rust_literals("src/strings.rs")
        .into_iter()
        .filter(|literal| is_words(literal, false))
        .collect();
    let tours = rust_literals("src/teaching/tours.rs")
        .into_iter()
        .filter(|literal| is_words(literal, true))
        .collect();
    let case_keys = [
        "title",
        "history",
        "vitals",
        "label",
        "feedback",
        "mechanism",
    ];
    // The case files in two halves, so that two translators can work at once.
    let cases_1 = json_words("assets/cases", &case_keys, |name| name < "myeloma")
        .into_iter()
        .collect();
    let cases_2 = json_words("assets/cases", &case_keys, |name| name >= "myeloma")
        .into_iter()
        .collect();
    let presets = json_words("assets/scenarios", &["name", "description"], |_| true)
        .into_iter()
        .collect();
    BTreeMap::from([
        ("page", page),
        ("tours", tours),
        ("cases-1", cases_1),
        ("cases-2", cases_2),
        ("presets", presets),
    ])
}

fn catalogue_path(lang: Lang, part: &str) -> std::path::PathBuf {
    Path::new(ROOT).join(format!("assets/i18n/{}/{part}.json", lang.id()))
}

fn read_catalogue_file(lang: Lang, part: &str) -> BTreeMap<String, String> {
    let path = catalogue_path(lang, part);
    let text = fs::read_to_string(&path).unwrap_or_else(|_| "{}".into());
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// The `{name}` placeholders of a text, sorted.
fn placeholders(text: &str) -> Vec<String> {
    let mut names: Vec<String> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
        .collect();
    names.sort();
    names
}

fn spanish() -> &'static Strings {
    let files: Vec<(String, String)> = Lang::Es
        .catalogue_files()
        .iter()
        .map(|name| {
            let path = Path::new(ROOT).join("assets/i18n").join(name);
            (name.to_string(), fs::read_to_string(path).unwrap())
        })
        .collect();
    let borrowed: Vec<(&str, &str)> = files
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_str()))
        .collect();
    let catalogue: &'static Catalogue =
        Box::leak(Box::new(Catalogue::parse(Lang::Es, &borrowed).unwrap()));
    Box::leak(Box::new(ENGLISH.translated(catalogue)))
}

use marrow_factory::strings::Strings;

#[test]
fn every_english_word_has_a_spanish_translation_with_the_same_placeholders() {
    let mut missing = Vec::new();
    let mut wrong_placeholders = Vec::new();
    for (part, words) in english_words() {
        let catalogue = read_catalogue_file(Lang::Es, part);
        for english in words {
            match catalogue.get(&english) {
                Some(spanish) if !spanish.trim().is_empty() => {
                    if placeholders(spanish) != placeholders(&english) {
                        wrong_placeholders.push(format!("{part}: {english:?} → {spanish:?}"));
                    }
                }
                _ => missing.push(format!("{part}: {english:?}")),
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} English texts have no Spanish translation (run `cargo test --test i18n -- --ignored \
         write_missing`), e.g.\n{}",
        missing.len(),
        missing
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        wrong_placeholders.is_empty(),
        "translations whose placeholders differ from the English:\n{}",
        wrong_placeholders.join("\n")
    );
}

#[test]
fn no_translation_is_left_over_from_english_words_that_are_gone() {
    let english = english_words();
    let mut stale = Vec::new();
    for (part, words) in &english {
        for source in read_catalogue_file(Lang::Es, part).keys() {
            if !words.contains(source) {
                stale.push(format!("{part}: {source:?}"));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "translations of words no longer in the sources:\n{}",
        stale.join("\n")
    );
}

#[test]
fn every_field_of_the_english_catalogue_is_among_the_extracted_words() {
    let page = &english_words()["page"];
    for words in ENGLISH.field_words() {
        assert!(
            page.contains(words),
            "the extractor missed the field {words:?}"
        );
    }
}

#[test]
fn the_spanish_catalogue_changes_fields_methods_and_numbers() {
    let es = spanish();
    assert_eq!(es.lang(), Lang::Es);
    assert_ne!(es.play, ENGLISH.play);
    assert_ne!(
        es.lab_label(LabKey::Hemoglobin),
        ENGLISH.lab_label(LabKey::Hemoglobin)
    );
    assert_ne!(
        es.setting_label(SettingKey::IronIntake),
        ENGLISH.setting_label(SettingKey::IronIntake)
    );
    let landmarks = es.landmarks(SettingKey::FolateIntake);
    assert_ne!(landmarks, ENGLISH.landmarks(SettingKey::FolateIntake));
    // A tour's words and a case's words go through the same catalogue.
    let tour = &marrow_factory::teaching::tours::TOURS[0];
    assert_ne!(es.tr(tour.title), tour.title);
    // Numbers filled into a template take the decimal comma while Spanish is the page's language.
    set_current(es);
    assert_eq!(t().lang(), Lang::Es);
    assert_eq!(fill("Hb {hb} g/dL", &[("hb", "9.8")]), "Hb 9,8 g/dL");
    set_current(&ENGLISH);
    assert_eq!(fill("Hb {hb} g/dL", &[("hb", "9.8")]), "Hb 9.8 g/dL");
}

#[test]
fn plural_forms_follow_the_unicode_rules() {
    for lang in Lang::ALL {
        assert!(lang.is_singular(1.0), "{lang:?} 1");
        assert!(!lang.is_singular(2.0), "{lang:?} 2");
        assert!(!lang.is_singular(0.5), "{lang:?} 0.5");
    }
    // English says "0 days" and Spanish "0 días": zero is not singular in either.
    assert!(!Lang::En.is_singular(0.0));
    assert!(!Lang::Es.is_singular(0.0));
}

/// Adds the English words that have no translation yet to the catalogue files, with an empty
/// translation, and removes translations of words that are gone.
#[test]
#[ignore = "writes the catalogue files; run by hand after changing English words"]
fn write_missing() {
    for (part, words) in english_words() {
        let old = read_catalogue_file(Lang::Es, part);
        let new: BTreeMap<String, String> = words
            .into_iter()
            .map(|english| {
                let translated = old.get(&english).cloned().unwrap_or_default();
                (english, translated)
            })
            .collect();
        let path = catalogue_path(Lang::Es, part);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, serde_json::to_string_pretty(&new).unwrap() + "\n").unwrap();
    }
}
