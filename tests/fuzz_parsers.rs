//! Fuzzing of the parsers that read what people bring to the page (issue 12): scenario files
//! (contract section 2: `Scenario::from_json`, written back by `scenario_file`), mystery-case
//! files (`Case::from_json`) and share links (`parse_query`, with the `log=` action log and the
//! classroom parameters `lock`, `hide`, `speed`, `charts` and `embed`).
//!
//! Properties: reading never panics; a refusal names what it refuses (the field or parameter, or
//! the value); a valid input reads back as it was written. The inputs are random text and, mostly,
//! valid files and links with something broken: a field deleted, renamed or given the wrong type,
//! a huge, negative or non-finite number, unicode, deep nesting, text cut short; links with random,
//! repeated, percent-escaped and overlong parameters.
//!
//! Cases run by `cargo test` (debug build), counted in [`CASES`]: 9 properties, 112 000 cases in
//! all, the same ones on every run (a fixed seed; see [`config`]), in about 9 s of processor time
//! on the project's 2-core machine, spread over two test threads (measured 20–30 s of wall time
//! while other builds kept both cores busy). Seeds that once broke a parser are kept as named
//! tests at the end of the file.
#![cfg(not(target_arch = "wasm32"))]

use marrow_factory::model::scenario::{InitialStores, MAX_COURSE_DAYS, MAX_EVENT_DAY};
use marrow_factory::model::{Event, EventAction, Scenario, SettingKey, Settings, Start, Treatment};
use marrow_factory::presets::PRESETS;
use marrow_factory::strings::{Lang, ENGLISH};
use marrow_factory::teaching::case::Case;
use marrow_factory::teaching::cases::{CaseFile, CASES as CASE_FILES};
use marrow_factory::teaching::tours::TOURS;
use marrow_factory::view::lab_report::panel_keys;
use marrow_factory::view::session::classroom::{
    teacher_query, ClassStart, Classroom, HiddenPanel, MAX_CHARTS,
};
use marrow_factory::view::session::page_link::{
    decode_actions, encode_actions, parse_query, share_query, LinkView, PageRequest, MAX_LINK_DAY,
};
use marrow_factory::view::session::scenario_file::scenario_file;
use marrow_factory::view::session::simulation::{Action, SPEEDS_DAYS_PER_SECOND};
use marrow_factory::view::session::treatment_order::OrderChoice;
use marrow_factory::view::units::Units;
use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use std::sync::OnceLock;

use serde_json::{json, Value};

/// Cases per property. The sum is what one `cargo test` runs: 112 000.
mod cases {
    pub const SCENARIO_TEXT: u32 = 20_000;
    pub const SCENARIO_MUTATIONS: u32 = 20_000;
    pub const SCENARIO_ROUND_TRIP: u32 = 6_000;
    pub const CASE_MUTATIONS: u32 = 4_000;
    pub const QUERY_TEXT: u32 = 12_000;
    pub const LINK_PARTS: u32 = 16_000;
    pub const LINK_ROUND_TRIP: u32 = 12_000;
    pub const LOG: u32 = 10_000;
    pub const TEACHER_ROUND_TRIP: u32 = 12_000;
}

/// The sum of the cases above.
const CASES: u32 = cases::SCENARIO_TEXT
    + cases::SCENARIO_MUTATIONS
    + cases::SCENARIO_ROUND_TRIP
    + cases::CASE_MUTATIONS
    + cases::QUERY_TEXT
    + cases::LINK_PARTS
    + cases::LINK_ROUND_TRIP
    + cases::LOG
    + cases::TEACHER_ROUND_TRIP;

fn config(cases: u32) -> ProptestConfig {
    // Reads PROPTEST_* settings from the environment.
    let default = ProptestConfig::default();
    ProptestConfig {
        cases,
        // A failure shrinks to a small input quickly; the full default would take minutes in a
        // debug build.
        max_shrink_iters: 2_000,
        // The same inputs on every run, so that the test command cannot fail by chance; to
        // explore others, set PROPTEST_RNG_SEED (`PROPTEST_RNG_SEED=7 cargo test --test
        // fuzz_parsers`).
        rng_seed: if std::env::var_os("PROPTEST_RNG_SEED").is_some() {
            default.rng_seed
        } else {
            RngSeed::Fixed(12)
        },
        ..default
    }
}

// Checked when the file compiles: issue 12 asks for at least 10^5 cases, and the header says 112 000.
const _: () = assert!(CASES >= 100_000 && CASES == 112_000);

// ---- Text --------------------------------------------------------------------------------------

/// Text a careless or hostile author might type: the placeholders of the page's message
/// templates, JSON and URL punctuation, escapes, accents, right-to-left marks, emoji, zero-width
/// and control characters, and any character at all.
fn tricky_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-z_]{1,8}",
        prop::sample::select(vec![
            "{value}",
            "{choices}",
            "{parameter}",
            "{range}",
            "{max}",
            "{name}",
            "{day}",
            "{days}",
            "{file}",
            "{problem}",
            "%",
            "%2",
            "%zz",
            "%41",
            "%E2%82",
            "%25",
            "+",
            "&",
            "=",
            "~",
            ":",
            ",",
            "\"",
            "\\",
            "{",
            "}",
            "[",
            "]",
            "é",
            "ü",
            "\u{202e}",
            "\u{200b}",
            "😀",
            "\u{0}",
            "\n",
            "\t",
            " ",
        ])
        .prop_map(str::to_string),
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..8).prop_map(|pieces| pieces.concat())
}

/// Up to `count` leading characters of `text` without its control characters: what a refusal can
/// be expected to quote of a value however long (the page shortens what it quotes).
fn quoted(text: &str, count: usize) -> String {
    text.chars()
        .filter(|c| !c.is_control())
        .take(count)
        .collect()
}

/// How the page quotes a link's text in a notice: its first 40 printable characters, and `…` when
/// there was more (page_link.rs).
fn shown(text: &str) -> String {
    let cleaned = quoted(text, 40);
    if text.chars().count() > 40 {
        format!("{cleaned}…")
    } else {
        cleaned
    }
}

// ---- Scenario files ----------------------------------------------------------------------------

fn setting_key() -> impl Strategy<Value = SettingKey> {
    prop::sample::select(SettingKey::ALL.to_vec())
}

/// A value in a setting's range: its ends, its healthy value, whole numbers and anything between.
fn setting_value(key: SettingKey) -> BoxedStrategy<f64> {
    let spec = key.spec();
    prop_oneof![
        Just(spec.min),
        Just(spec.max),
        Just(spec.healthy),
        (spec.min as i64..=spec.max as i64).prop_map(|value| value as f64),
        spec.min..=spec.max,
    ]
    .boxed()
}

fn setting_change() -> impl Strategy<Value = (SettingKey, f64)> {
    setting_key().prop_flat_map(|key| setting_value(key).prop_map(move |value| (key, value)))
}

/// A day up to `max`: whole, on the model's quarter-day grid, or anywhere.
fn day_up_to(max: f64) -> BoxedStrategy<f64> {
    prop_oneof![
        Just(0.0),
        Just(max),
        (0..=max as u32).prop_map(f64::from),
        (0..=4 * max as u32).prop_map(|quarters| f64::from(quarters) / 4.0),
        0.0..=max,
    ]
    .boxed()
}

fn treatment() -> impl Strategy<Value = Treatment> {
    prop::sample::select(Treatment::ALL.to_vec())
}

/// A dose from 0 to `max`, its ends included.
fn dose_up_to(max: f64) -> BoxedStrategy<f64> {
    prop_oneof![
        Just(0.0),
        Just(max),
        (0..=max as u32).prop_map(f64::from),
        0.0..=max,
    ]
    .boxed()
}

/// A valid event of a scenario file: settings changed, a one-off treatment or a course.
fn event() -> impl Strategy<Value = Event> {
    let set = (
        day_up_to(MAX_EVENT_DAY),
        prop::collection::vec(setting_change(), 1..4),
    )
        .prop_map(|(day, mut changes)| {
            // A JSON object has each key once; the last value of a key is the one that counts.
            let mut seen = Vec::new();
            changes.reverse();
            changes.retain(|(key, _)| {
                let first = !seen.contains(key);
                seen.push(*key);
                first
            });
            changes.reverse();
            Event::set(day, changes)
        });
    let give = (day_up_to(MAX_EVENT_DAY), treatment()).prop_flat_map(|(day, treatment)| {
        let days = prop_oneof![
            Just(MAX_COURSE_DAYS),
            (1..=MAX_COURSE_DAYS as u32).prop_map(f64::from),
            0.001..=MAX_COURSE_DAYS,
        ];
        (dose_up_to(treatment.max_dose()), days).prop_map(move |(dose, days)| {
            match (treatment.takes_dose(), treatment.is_course()) {
                (true, true) => Event::course(day, treatment, dose, days),
                (false, true) => Event::course(day, treatment, 0.0, days),
                (_, false) => Event::give(day, treatment, dose),
            }
        })
    });
    prop_oneof![set, give]
}

/// The allowed range of each `initial` store (contract section 2; scenario.rs).
const INITIAL_STORE_MAX: [f64; 3] = [5000.0, 10_000.0, 100.0];

fn initial() -> impl Strategy<Value = InitialStores> {
    let [iron, b12, folate] = INITIAL_STORE_MAX.map(|max| prop::option::of(dose_up_to(max)));
    (iron, b12, folate).prop_map(|(iron_stores_mg, b12_stores_ug, folate_stores_mg)| {
        InitialStores {
            iron_stores_mg,
            b12_stores_ug,
            folate_stores_mg,
        }
    })
}

/// A valid scenario: any name and description, either start, some settings moved, some stores
/// set, some events.
fn scenario() -> impl Strategy<Value = Scenario> {
    (
        tricky_text(),
        tricky_text(),
        any::<bool>(),
        prop::collection::vec(setting_change(), 0..6),
        initial(),
        prop::collection::vec(event(), 0..6),
    )
        .prop_map(|(name, description, settled, changes, initial, events)| {
            let mut settings = Settings::default();
            for (key, value) in changes {
                settings.set(key, value).expect("values are in range");
            }
            Scenario {
                name,
                description,
                start: if settled {
                    Start::Settled
                } else {
                    Start::Healthy
                },
                settings,
                initial,
                events,
            }
        })
}

/// A scenario file's text as a lecturer would write it (every field, one event of each kind).
fn scenario_json(scenario: &Scenario) -> Value {
    let events: Vec<Value> = scenario
        .events
        .iter()
        .map(|event| match &event.action {
            EventAction::Set(changes) => {
                let set: serde_json::Map<String, Value> = changes
                    .iter()
                    .map(|(key, value)| (key.key().to_string(), json!(value)))
                    .collect();
                json!({ "day": event.day, "set": set })
            }
            EventAction::Give {
                treatment,
                dose,
                days,
            } => {
                let mut object = json!({ "day": event.day, "give": treatment.key() });
                if treatment.takes_dose() {
                    object["dose"] = json!(dose);
                }
                if treatment.is_course() {
                    object["days"] = json!(days);
                }
                object
            }
        })
        .collect();
    let settings: serde_json::Map<String, Value> = SettingKey::ALL
        .iter()
        .map(|key| (key.key().to_string(), json!(scenario.settings.get(*key))))
        .collect();
    let mut initial = serde_json::Map::new();
    for (key, value) in [
        ("iron_stores_mg", scenario.initial.iron_stores_mg),
        ("b12_stores_ug", scenario.initial.b12_stores_ug),
        ("folate_stores_mg", scenario.initial.folate_stores_mg),
    ] {
        initial.insert(key.into(), json!(value.unwrap_or(1.0)));
    }
    json!({
        "name": scenario.name,
        "description": scenario.description,
        "start": if scenario.start == Start::Settled { "settled" } else { "healthy" },
        "settings": settings,
        "initial": initial,
        "events": events,
    })
}

/// One step of a path into a JSON value.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
}

/// Every place in `value` (each object field and array item, at any depth), parents first.
fn places(value: &Value) -> Vec<Vec<Step>> {
    let mut found = Vec::new();
    let mut stack = vec![(Vec::new(), value)];
    while let Some((path, value)) = stack.pop() {
        let children: Vec<(Step, &Value)> = match value {
            Value::Object(object) => object
                .iter()
                .map(|(key, child)| (Step::Key(key.clone()), child))
                .collect(),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(index, child)| (Step::Index(index), child))
                .collect(),
            _ => Vec::new(),
        };
        for (step, child) in children {
            let mut child_path: Vec<Step> = path.clone();
            child_path.push(step);
            found.push(child_path.clone());
            stack.push((child_path, child));
        }
    }
    found
}

/// A path as the parsers write it: `events[2].dose`.
fn path_text(path: &[Step]) -> String {
    let mut text = String::new();
    for step in path {
        match step {
            Step::Key(key) if text.is_empty() => text.push_str(key),
            Step::Key(key) => {
                text.push('.');
                text.push_str(key);
            }
            Step::Index(index) => text.push_str(&format!("[{index}]")),
        }
    }
    text
}

fn parent_of<'a>(value: &'a mut Value, path: &[Step]) -> &'a mut Value {
    path[..path.len() - 1]
        .iter()
        .fold(value, |value, step| match step {
            Step::Key(key) => &mut value[key.as_str()],
            Step::Index(index) => &mut value[*index],
        })
}

/// What is done to one place of a valid file.
#[derive(Clone, Debug)]
enum Mutation {
    /// The field or item removed.
    Delete,
    /// The field under a name the format does not have.
    Rename(String),
    /// The value replaced by one of another type, or a hostile number.
    Replace(Value),
    /// The value's text replaced by raw text: non-finite or out-of-range numbers, bad syntax.
    RawText(&'static str),
    /// The value wrapped in this many arrays (the parser's nesting limit is 128).
    Nest(usize),
    /// The whole text cut at this share of its length.
    Truncate(f64),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let hostile = prop_oneof![
        tricky_text().prop_map(Value::String),
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        Just(json!([])),
        Just(json!([1, "two"])),
        Just(json!({})),
        Just(json!({ "day": 1 })),
        prop::sample::select(vec![
            1e308,
            -1e308,
            -1.0,
            -0.0,
            5e-324,
            -5e-324,
            1e15,
            36_501.0,
            3651.0,
            0.5,
            f64::MAX,
            f64::MIN_POSITIVE,
        ])
        .prop_map(|number| json!(number)),
        Just(json!(u64::MAX)),
        Just(json!(i64::MIN)),
        any::<f64>().prop_map(|number| json!(number)),
    ];
    prop_oneof![
        Just(Mutation::Delete),
        (
            prop::sample::select(vec!["x_", "é", "名", "🙂", "day_", "\u{202e}"]),
            tricky_text()
        )
            .prop_map(|(prefix, rest)| Mutation::Rename(format!("{prefix}{rest}"))),
        hostile.prop_map(Mutation::Replace),
        prop::sample::select(vec![
            "NaN",
            "Infinity",
            "-Infinity",
            "1e400",
            "-1e400",
            "1e-400",
            "0x10",
            "01",
            "1.",
            ".5",
            "+1",
            "--1",
            "1e",
            "99999999999999999999999999999999999999999999999999999999999999999999",
            "tru",
            "'text'",
            "\"unterminated",
        ])
        .prop_map(Mutation::RawText),
        prop::sample::select(vec![1, 2, 64, 127, 128, 129, 1000, 100_000]).prop_map(Mutation::Nest),
        (0.0..1.0).prop_map(Mutation::Truncate),
    ]
}

/// The text of `file` with `mutation` applied at `place`, and what a refusal must mention: the
/// field's name, its path, its parent's path, or the value put there. `None` for the mentions
/// when the text may also be refused as a whole (it may no longer be JSON).
fn mutated(file: &Value, place: &[Step], mutation: &Mutation) -> (String, Vec<String>, bool) {
    let mut file = file.clone();
    // The place's path and its parent's, each also from any of its keys on (a case names the
    // place in its scenario as the scenario parser does: `events[0].dose`).
    let mut mentions = Vec::new();
    for path in [place, &place[..place.len() - 1]] {
        for (start, step) in path.iter().enumerate() {
            if matches!(step, Step::Key(_)) {
                mentions.push(path_text(&path[start..]));
            }
        }
    }
    // An answer's `id` is named by the field that refers to it: a refusal may say that the
    // case's answer is "not among the treatments".
    if let [.., Step::Key(list), Step::Index(_), Step::Key(id)] = place {
        if id == "id" {
            mentions.push(list.clone());
        }
    }
    let marker = "\u{1}MARK\u{1}";
    let mut raw = None;
    let mut whole_file_refusal_allowed = false;
    let parent = parent_of(&mut file, place);
    match (mutation, place.last().expect("a place is never the root")) {
        (Mutation::Delete, Step::Key(key)) => {
            parent.as_object_mut().expect("a key's parent").remove(key);
        }
        (Mutation::Delete, Step::Index(index)) => {
            parent
                .as_array_mut()
                .expect("an item's parent")
                .remove(*index);
        }
        (Mutation::Rename(name), Step::Key(key)) => {
            let object = parent.as_object_mut().expect("a key's parent");
            let value = object.remove(key).expect("the key is there");
            object.insert(name.clone(), value);
            mentions.push(name.clone());
        }
        (Mutation::Rename(_), Step::Index(index)) => {
            parent
                .as_array_mut()
                .expect("an item's parent")
                .remove(*index);
        }
        (Mutation::Replace(value), step) => {
            match value {
                Value::String(text) if text.chars().count() >= 2 => mentions.push(text.clone()),
                Value::Number(number) => mentions.push(number.to_string()),
                _ => {}
            }
            *child_of(parent, step) = value.clone();
        }
        (Mutation::RawText(text), step) => {
            *child_of(parent, step) = json!(marker);
            raw = Some(text.to_string());
            whole_file_refusal_allowed = true;
        }
        (Mutation::Nest(depth), step) => {
            *child_of(parent, step) = json!(marker);
            raw = Some(format!("{}1{}", "[".repeat(*depth), "]".repeat(*depth)));
            whole_file_refusal_allowed = true;
        }
        (Mutation::Truncate(_), _) => whole_file_refusal_allowed = true,
    }
    let mut text = serde_json::to_string_pretty(&file).expect("a JSON value prints");
    if let Some(raw) = raw {
        text = text.replace(&json!(marker).to_string(), &raw);
    }
    if let Mutation::Truncate(share) = mutation {
        let cut = (text.len() as f64 * share) as usize;
        let cut = (0..=cut)
            .rev()
            .find(|index| text.is_char_boundary(*index))
            .unwrap_or(0);
        text.truncate(cut);
    }
    (text, mentions, whole_file_refusal_allowed)
}

fn child_of<'a>(parent: &'a mut Value, step: &Step) -> &'a mut Value {
    match step {
        Step::Key(key) => &mut parent[key.as_str()],
        Step::Index(index) => &mut parent[*index],
    }
}

/// Whether a refusal's text mentions one of `mentions`, or is a refusal of the whole text when
/// that is allowed.
fn names_the_problem(refusal: &str, mentions: &[String], whole_file_allowed: bool) -> bool {
    let whole_file =
        refusal.contains("not valid JSON") || refusal.contains("must be a JSON object");
    mentions
        .iter()
        .filter(|mention| !mention.is_empty())
        .any(|mention| refusal.contains(mention.as_str()))
        || (whole_file_allowed && whole_file)
}

proptest! {
    #![proptest_config(config(cases::SCENARIO_TEXT))]

    /// Any text: a scenario or a refusal, never a panic, and a refusal says something.
    #[test]
    fn any_text_is_read_or_refused_as_a_scenario(text in prop_oneof![
        tricky_text(),
        prop::collection::vec(any::<char>(), 0..200).prop_map(String::from_iter),
        prop::collection::vec(prop::sample::select(vec!["{", "}", "[", "]", "\"", ":", ",", "1", "-", "e", "\"day\"", "\"events\"", "\"set\"", "null", " "]), 0..60).prop_map(|parts| parts.concat()),
    ]) {
        if let Err(refusal) = Scenario::from_json(&text) {
            prop_assert!(!refusal.to_string().trim().is_empty());
        }
    }
}

/// Valid scenario files to break: the eight presets, the contract's example, and files with every
/// field and every kind of event.
fn scenario_files() -> &'static [(Value, Vec<Vec<Step>>)] {
    static FILES: OnceLock<Vec<(Value, Vec<Vec<Step>>)>> = OnceLock::new();
    FILES.get_or_init(|| {
        let every_kind = Scenario {
            name: "Every kind of event".to_string(),
            description: "Settings, stores, one-off treatments and courses.".to_string(),
            start: Start::Settled,
            settings: Settings {
                iron_intake_mg_per_day: 4.5,
                intrinsic_factor_percent: 0.0,
                ..Settings::default()
            },
            initial: InitialStores {
                iron_stores_mg: Some(250.0),
                b12_stores_ug: Some(600.0),
                folate_stores_mg: Some(2.5),
            },
            events: Treatment::ALL
                .iter()
                .enumerate()
                .map(|(index, &treatment)| {
                    let day = 10.25 * index as f64;
                    match (treatment.takes_dose(), treatment.is_course()) {
                        (true, true) => {
                            Event::course(day, treatment, treatment.max_dose() / 2.0, 30.0)
                        }
                        (false, true) => Event::course(day, treatment, 0.0, 90.0),
                        (_, false) => Event::give(day, treatment, treatment.max_dose() / 4.0),
                    }
                })
                .chain([Event::set(
                    400.0,
                    vec![(SettingKey::Il6, 2.0), (SettingKey::BloodLoss, 12.5)],
                )])
                .collect(),
        };
        let contract_example = r#"{
          "name": "Pernicious anemia, then treatment",
          "start": "healthy",
          "settings": { "intrinsic_factor_percent": 0 },
          "initial": { "b12_stores_ug": 600 },
          "events": [
            { "day": 400, "give": "b12_injection", "dose": 1000 },
            { "day": 400, "set": { "il6_pg_per_ml": 2 } }
          ]
        }"#;
        PRESETS
            .iter()
            .map(|preset| serde_json::from_str(preset.json).expect("a preset is JSON"))
            .chain([
                serde_json::from_str(contract_example).expect("the example is JSON"),
                scenario_json(&every_kind),
            ])
            .map(|file| {
                let places = places(&file);
                (file, places)
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(config(cases::SCENARIO_MUTATIONS))]

    /// A valid file with one thing broken: read, or refused with a message that names it.
    #[test]
    fn a_broken_scenario_file_is_refused_by_name(
        file in any::<prop::sample::Index>(),
        place in any::<prop::sample::Index>(),
        mutation in mutation(),
    ) {
        let files = scenario_files();
        let (file, places) = &files[file.index(files.len())];
        let place = &places[place.index(places.len())];
        let (text, mentions, whole_file_allowed) = mutated(file, place, &mutation);
        if let Err(refusal) = Scenario::from_json(&text) {
            let refusal = refusal.to_string();
            prop_assert!(
                names_the_problem(&refusal, &mentions, whole_file_allowed),
                "{mutation:?} at {}: the refusal «{refusal}» names none of {mentions:?}\n{text}",
                path_text(place)
            );
        }
    }
}

proptest! {
    #![proptest_config(config(cases::SCENARIO_ROUND_TRIP))]

    /// A scenario saved by the page (`scenario_file`) opens as the same scenario (numbers of up
    /// to 15 significant digits: see [`fifteen_digits`]).
    #[test]
    fn a_saved_scenario_reads_back_as_it_was(scenario in scenario(), day in day_up_to(3650.0)) {
        let scenario = with_fifteen_digits(scenario);
        let saved = scenario_file(&scenario, &[], day, &ENGLISH);
        let read = Scenario::from_json(&saved.json)
            .map_err(|refusal| TestCaseError::fail(format!("{refusal}\n{}", saved.json)))?;
        prop_assert_eq!(read.start, scenario.start);
        prop_assert_eq!(read.settings, scenario.settings);
        prop_assert_eq!(read.initial, scenario.initial);
        prop_assert_eq!(&read.description, &scenario.description);
        prop_assert!(
            read.name.starts_with(&scenario.name),
            "the saved name «{}» does not begin with the scenario's «{}»",
            read.name,
            scenario.name
        );
        prop_assert_eq!(read.events.len(), scenario.events.len());
        for (read, written) in read.events.iter().zip(&scenario.events) {
            prop_assert_eq!(read.day, written.day);
            match (&read.action, &written.action) {
                (EventAction::Set(read), EventAction::Set(written)) => {
                    let sorted = |changes: &[(SettingKey, f64)]| {
                        let mut changes = changes.to_vec();
                        changes.sort_by_key(|(key, _)| key.key());
                        changes
                    };
                    prop_assert_eq!(sorted(read), sorted(written));
                }
                (read, written) => prop_assert_eq!(read, written),
            }
        }
    }
}

/// `value` to 15 significant digits: what serde_json's default float reader (the scenario
/// parser's) reads back exactly. A number of 16 or 17 digits may come back one unit in the last
/// place off (its `float_roundtrip` feature would fix that, at about 9 KiB of the page's gzip
/// download); the page itself writes slider, dose and clock values, all far shorter.
fn fifteen_digits(value: f64) -> f64 {
    format!("{value:.14e}")
        .parse()
        .expect("a number prints and parses")
}

fn with_fifteen_digits(mut scenario: Scenario) -> Scenario {
    for key in SettingKey::ALL {
        let value = fifteen_digits(scenario.settings.get(key));
        scenario
            .settings
            .set(key, value)
            .expect("rounding keeps a value in range");
    }
    for store in [
        &mut scenario.initial.iron_stores_mg,
        &mut scenario.initial.b12_stores_ug,
        &mut scenario.initial.folate_stores_mg,
    ] {
        *store = store.map(fifteen_digits);
    }
    for event in &mut scenario.events {
        event.day = fifteen_digits(event.day);
        match &mut event.action {
            EventAction::Set(changes) => {
                for (_, value) in changes {
                    *value = fifteen_digits(*value);
                }
            }
            EventAction::Give { dose, days, .. } => {
                *dose = fifteen_digits(*dose);
                *days = fifteen_digits(*days);
            }
        }
    }
    scenario
}

// ---- Case files --------------------------------------------------------------------------------

/// The text of a shipped case file (the page fetches it; the tests read it from the source tree).
fn case_text(case: &CaseFile) -> String {
    let path = format!("{}/assets/{}", env!("CARGO_MANIFEST_DIR"), case.path());
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// The shipped case files to break, with their places.
fn case_files() -> &'static [(Value, Vec<Vec<Step>>)] {
    static FILES: OnceLock<Vec<(Value, Vec<Vec<Step>>)>> = OnceLock::new();
    FILES.get_or_init(|| {
        CASE_FILES
            .iter()
            .map(|case| {
                let file: Value = serde_json::from_str(&case_text(case)).expect("a case is JSON");
                let places = places(&file);
                (file, places)
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(config(cases::CASE_MUTATIONS))]

    /// A shipped case file with one thing broken: read, or refused with a message that names it.
    #[test]
    fn a_broken_case_file_is_refused_by_name(
        file in any::<prop::sample::Index>(),
        place in any::<prop::sample::Index>(),
        mutation in mutation(),
    ) {
        let files = case_files();
        let (file, places) = &files[file.index(files.len())];
        let place = &places[place.index(places.len())];
        let (text, mentions, whole_file_allowed) = mutated(file, place, &mutation);
        if let Err(refusal) = Case::from_json(&text) {
            prop_assert!(
                names_the_problem(&refusal.0, &mentions, whole_file_allowed),
                "{mutation:?} at {}: the refusal «{}» names none of {mentions:?}",
                path_text(place),
                refusal.0
            );
        }
    }
}

// ---- Share links -------------------------------------------------------------------------------

/// The longest notice: the longest template with its list of choices (the thirteen case ids) and
/// a quoted value of at most 41 characters. A value of any length must not make it longer.
const MAX_NOTICE_CHARS: usize = 500;

proptest! {
    #![proptest_config(config(cases::QUERY_TEXT))]

    /// Any query text is read; every notice is short and printable.
    #[test]
    fn any_query_is_read_with_short_printable_notices(query in prop_oneof![
        tricky_text(),
        prop::collection::vec(any::<char>(), 0..300).prop_map(String::from_iter),
        prop::collection::vec((tricky_text(), tricky_text()), 0..6).prop_map(|pairs| {
            pairs.iter().map(|(name, value)| format!("{name}={value}")).collect::<Vec<_>>().join("&")
        }),
    ]) {
        let (_, notices) = parse_query(&query, &ENGLISH);
        for notice in &notices {
            prop_assert!(!notice.is_empty());
            prop_assert!(notice.chars().count() <= MAX_NOTICE_CHARS, "{notice}");
            prop_assert!(!notice.chars().any(char::is_control), "{notice:?}");
        }
    }
}

/// One parameter of a link and what the page must do with it.
#[derive(Clone, Debug)]
struct LinkPart {
    name: String,
    value: String,
    /// Whether the page must name something in it as ignored.
    bad: bool,
    /// What the notices must quote (beside the parameter's name) when it is bad: the value or
    /// the bad items of a list.
    quoted: Vec<String>,
}

impl LinkPart {
    fn good(name: &str, value: impl Into<String>) -> LinkPart {
        LinkPart {
            name: name.to_string(),
            value: value.into(),
            bad: false,
            quoted: Vec::new(),
        }
    }

    fn bad(name: &str, value: impl Into<String>) -> LinkPart {
        let value = value.into();
        LinkPart {
            name: name.to_string(),
            quoted: vec![value.clone()],
            value,
            bad: true,
        }
    }
}

/// Text that no parameter accepts as a value (besides being out of range): not a number, not
/// finite, or an id of nothing.
fn junk() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "NaN",
            "nan",
            "inf",
            "-inf",
            "Infinity",
            "1e400",
            "abc",
            "",
            "0x10",
            "1,5",
            "--1",
            "1e",
            "{value}",
            "{choices}",
            "{range}",
            "{max}",
            "{parameter}",
            "%zz",
            "é",
            "😀",
        ])
        .prop_map(str::to_string),
        "[A-Z]{1,6}",
        (200..2000usize).prop_map(|length| "x".repeat(length)),
        tricky_text().prop_map(|text| format!("x{text}")),
    ]
}

/// A number as people write it in a link.
fn number_text(value: f64) -> BoxedStrategy<String> {
    let mut texts = vec![format!("{value}"), format!(" {value} ")];
    if value.fract() == 0.0 {
        texts.push(format!("{value:.1}"));
    }
    prop::sample::select(texts).boxed()
}

fn link_part() -> impl Strategy<Value = LinkPart> {
    let setting = setting_change().prop_flat_map(|(key, value)| {
        number_text(value).prop_map(move |text| LinkPart::good(key.key(), text))
    });
    let bad_setting = (
        setting_key(),
        prop_oneof![junk(), (1.0f64..1e6).prop_map(|excess| excess.to_string())],
    )
        .prop_map(|(key, value)| {
            // A number beyond the range, or text that is no number at all.
            let value = match value.parse::<f64>() {
                Ok(excess) => (key.spec().max + excess).to_string(),
                Err(_) => value,
            };
            LinkPart::bad(key.key(), value)
        });
    let preset = prop::sample::select(PRESETS.iter().map(|preset| preset.id).collect::<Vec<_>>())
        .prop_map(|id| LinkPart::good("preset", id));
    let bad_preset = junk().prop_map(|value| LinkPart::bad("preset", value));
    let day = day_up_to(f64::from(MAX_LINK_DAY))
        .prop_flat_map(number_text)
        .prop_map(|text| LinkPart::good("day", text));
    let bad_day = prop_oneof![
        junk(),
        Just("-1".to_string()),
        Just("3650.25".to_string()),
        Just("1e9".to_string())
    ]
    .prop_map(|value| LinkPart::bad("day", value));
    let choice = prop::sample::select(vec![
        ("compare", "1"),
        ("compare", "0"),
        ("mode", "projector"),
        ("units", "si"),
        ("units", "conventional"),
        ("lang", "en"),
        ("lang", "es"),
        ("embed", "1"),
        ("embed", "0"),
        ("speed", "1"),
        ("speed", "7"),
        ("speed", "30"),
        ("speed", "7.0"),
        ("step", "1"),
        ("step", "99"),
    ])
    .prop_map(|(name, value)| LinkPart::good(name, value));
    let tour = prop::sample::select(TOURS.iter().map(|tour| tour.id).collect::<Vec<_>>())
        .prop_map(|id| LinkPart::good("tour", id));
    let case = prop::sample::select(CASE_FILES.iter().map(|case| case.id).collect::<Vec<_>>())
        .prop_map(|id| LinkPart::good("case", id));
    let bad_choice = (
        prop::sample::select(vec![
            "compare", "mode", "units", "lang", "embed", "speed", "step", "tour", "case",
        ]),
        prop_oneof![
            junk(),
            Just("2".to_string()),
            Just("0".to_string()),
            Just("100".to_string())
        ],
    )
        .prop_filter("a value the parameter accepts", |(name, value)| {
            !matches!(
                (*name, value.as_str()),
                ("compare", "0") | ("embed", "0") | ("step", "2")
            )
        })
        .prop_map(|(name, value)| LinkPart::bad(name, value));
    let unknown = prop_oneof![
        "[a-z]{1,8}".prop_filter("a parameter the page has", |name| !is_parameter(name)),
        tricky_text().prop_map(|text| format!("x_{text}")),
        (100..3000usize).prop_map(|length| "y".repeat(length)),
    ]
    .prop_map(|name| LinkPart {
        quoted: Vec::new(),
        value: String::new(),
        bad: true,
        name,
    });
    let lists = (
        prop::sample::select(vec!["lock", "hide", "charts"]),
        prop::collection::vec(any::<prop::sample::Index>(), 1..6),
        prop::collection::vec(junk().prop_map(|junk| format!("x{junk}")), 0..3),
    )
        .prop_map(|(name, picks, junk)| list_part(name, &picks, &junk));
    let log = (
        actions(),
        prop::collection::vec(junk().prop_map(|junk| format!("x{junk}")), 0..3),
    )
        .prop_map(|(actions, junk)| {
            let mut items: Vec<String> = encode_actions(&actions)
                .split('~')
                .filter(|item| !item.is_empty())
                .map(str::to_string)
                .collect();
            let bad: Vec<String> = junk
                .into_iter()
                .map(|junk| junk.replace(['~', ','], ""))
                .filter(|junk| !junk.is_empty())
                .collect();
            items.extend(bad.iter().cloned());
            LinkPart {
                name: "log".to_string(),
                value: items.join("~"),
                bad: !bad.is_empty(),
                quoted: bad,
            }
        });
    prop_oneof![
        setting,
        bad_setting,
        preset,
        bad_preset,
        day,
        bad_day,
        choice,
        tour,
        case,
        bad_choice,
        unknown,
        lists,
        log,
    ]
}

/// Whether `name` is a parameter of the page (contract sections 1, 4 and 5).
fn is_parameter(name: &str) -> bool {
    SettingKey::from_key(name).is_some()
        || [
            "preset", "day", "mode", "lang", "units", "tour", "step", "case", "compare", "log",
            "embed", "lock", "hide", "speed", "charts",
        ]
        .contains(&name)
}

/// A `lock`, `hide` or `charts` list: known keys picked by `picks` (some repeated), then `junk`.
fn list_part(name: &str, picks: &[prop::sample::Index], junk: &[String]) -> LinkPart {
    let known: Vec<&str> = match name {
        "lock" => SettingKey::ALL.iter().map(|key| key.key()).collect(),
        "hide" => SettingKey::ALL
            .iter()
            .map(|key| key.key())
            .chain(HiddenPanel::ALL.iter().map(|panel| panel.key()))
            .collect(),
        _ => panel_keys().map(|key| key.spec().key).collect(),
    };
    let most = if name == "charts" {
        MAX_CHARTS
    } else {
        usize::MAX
    };
    let mut kept: Vec<&str> = Vec::new();
    let mut items = Vec::new();
    let mut quoted = Vec::new();
    for pick in picks {
        let item = known[pick.index(known.len())];
        if kept.contains(&item) || kept.len() >= most {
            quoted.push(item.to_string());
        } else {
            kept.push(item);
        }
        items.push(item.to_string());
    }
    let junk: Vec<String> = junk
        .iter()
        .map(|junk| junk.replace(',', ""))
        .map(|junk| junk.trim().to_string())
        .filter(|junk| !junk.is_empty())
        .collect();
    items.extend(junk.iter().cloned());
    quoted.extend(junk);
    LinkPart {
        name: name.to_string(),
        value: items.join(","),
        bad: !quoted.is_empty(),
        quoted,
    }
}

/// Percent-escapes what a query component cannot hold as it is (`&`, `=`, `%`, `+`, `#`, spaces
/// and control characters), and each other byte where `escape` says so.
fn escaped(text: &str, escape: &[bool]) -> String {
    let mut out = String::new();
    for (index, byte) in text.bytes().enumerate() {
        let must = matches!(byte, b'&' | b'=' | b'%' | b'+' | b'#') || byte <= b' ' || byte >= 0x7f;
        if must
            || escape
                .get(index % escape.len().max(1))
                .copied()
                .unwrap_or(false)
        {
            out.push_str(&format!("%{byte:02X}"));
        } else {
            out.push(byte as char);
        }
    }
    out
}

proptest! {
    #![proptest_config(config(cases::LINK_PARTS))]

    /// A link of good and bad parameters, in any order, repeated, escaped any way: every bad part
    /// is named in a notice (its parameter, and its value or bad items), good parts raise none,
    /// and how the link was escaped makes no difference.
    #[test]
    fn every_bad_part_of_a_link_is_named_and_escaping_changes_nothing(
        parts in prop::collection::vec(link_part(), 1..5),
        repeat in any::<prop::sample::Index>(),
        escapes in prop::collection::vec(any::<bool>(), 1..9),
    ) {
        let mut parts = parts;
        let again = parts[repeat.index(parts.len())].clone();
        parts.push(again);
        let link = |escape: &[bool]| {
            parts
                .iter()
                .map(|part| format!("{}={}", escaped(&part.name, escape), escaped(&part.value, escape)))
                .collect::<Vec<_>>()
                .join("&")
        };
        let plain = link(&[false]);
        let (request, notices) = parse_query(&plain, &ENGLISH);
        for notice in &notices {
            prop_assert!(notice.chars().count() <= MAX_NOTICE_CHARS, "{notice}");
        }
        let bad: Vec<&LinkPart> = parts.iter().filter(|part| part.bad).collect();
        if bad.is_empty() {
            prop_assert!(notices.is_empty(), "{plain}: {notices:?}");
        }
        for part in bad {
            let name = if part.name == "log" { "log".to_string() } else { quoted(&part.name, 20) };
            prop_assert!(
                notices.iter().any(|notice| notice.contains(&name)),
                "{plain}: no notice names {name}: {notices:?}"
            );
            for item in &part.quoted {
                let item = quoted(item, 20);
                prop_assert!(
                    notices.iter().any(|notice| notice.contains(&item)),
                    "{plain}: no notice quotes «{item}»: {notices:?}"
                );
            }
        }
        let (escaped_request, escaped_notices) = parse_query(&format!("?{}", link(&escapes)), &ENGLISH);
        prop_assert_eq!(escaped_request, request);
        prop_assert_eq!(escaped_notices, notices);
    }
}

fn order_choice() -> impl Strategy<Value = OrderChoice> {
    prop::sample::select(OrderChoice::ALL.to_vec())
}

/// What a student did, on days that never go back (as the page records it).
fn actions() -> impl Strategy<Value = Vec<Action>> {
    let action = prop_oneof![
        setting_change().prop_map(|(key, value)| (0u8, Some((key, value)), None)),
        (order_choice(), 0.0..=1.0f64, 1.0..=MAX_COURSE_DAYS).prop_map(|(choice, share, days)| {
            (
                1u8,
                None,
                Some((choice, share * choice.treatment().max_dose(), days.round())),
            )
        }),
        Just((2u8, None, None)),
    ];
    prop::collection::vec((day_up_to(f64::from(MAX_LINK_DAY)), action), 0..8).prop_map(
        |mut steps| {
            steps.sort_by(|a, b| a.0.total_cmp(&b.0));
            steps
                .into_iter()
                .map(|(day, (kind, set, give))| match (kind, set, give) {
                    (0, Some((key, value)), _) => Action::Set { day, key, value },
                    (1, _, Some((choice, dose, days))) => Action::Give {
                        day,
                        choice,
                        dose,
                        days,
                    },
                    _ => Action::Jump { day },
                })
                .collect()
        },
    )
}

proptest! {
    #![proptest_config(config(cases::LINK_ROUND_TRIP))]

    /// The page's share link reads back as the same patient: preset, settings moved at the start,
    /// what was done on each day, the day, projector mode, units and language.
    #[test]
    fn a_share_link_reads_back_as_it_was_written(
        preset in prop::sample::select(PRESETS.iter().map(|preset| preset.id).collect::<Vec<_>>()),
        actions in actions(),
        day in day_up_to(f64::from(MAX_LINK_DAY)),
        projector in any::<bool>(),
        si in any::<bool>(),
        spanish in any::<bool>(),
    ) {
        let units = if si { Units::Si } else { Units::Conventional };
        let lang = if spanish { Lang::Es } else { Lang::En };
        let query = share_query(preset, &actions, day, LinkView { projector, units, lang });
        let (request, notices) = parse_query(&query, &ENGLISH);
        prop_assert!(notices.is_empty(), "{query}: {notices:?}");
        let at_start = actions
            .iter()
            .take_while(|action| matches!(action, Action::Set { day, .. } if *day == 0.0))
            .count();
        let mut settings: Vec<(SettingKey, f64)> = Vec::new();
        for action in &actions[..at_start] {
            if let Action::Set { key, value, .. } = *action {
                settings.retain(|(kept, _)| *kept != key);
                settings.push((key, value));
            }
        }
        let expected = PageRequest {
            preset: Some(preset),
            settings,
            day,
            projector,
            actions: actions[at_start..].to_vec(),
            units,
            lang,
            ..PageRequest::default()
        };
        prop_assert_eq!(request, expected, "{}", query);
    }
}

proptest! {
    #![proptest_config(config(cases::LOG))]

    /// The action log reads back as written; any other text is read step by step, each step that
    /// cannot be replayed named as it was written.
    #[test]
    fn the_log_reads_back_and_names_what_it_cannot_replay(
        actions in actions(),
        text in prop::collection::vec(prop_oneof![
            tricky_text(),
            prop::sample::select(vec!["1:j", "0:s:il6_pg_per_ml:30", "2:g:iv_iron:500:1", "-1:j", "1:j:x", ":", "::::", "3651:j", "NaN:j", "inf:j"]).prop_map(str::to_string),
        ], 0..6).prop_map(|items| items.join("~")),
    ) {
        let encoded = encode_actions(&actions);
        let (read, bad) = decode_actions(&encoded);
        prop_assert!(bad.is_empty(), "{encoded}: {bad:?}");
        prop_assert_eq!(read, actions);

        let (read, bad) = decode_actions(&text);
        let items = text.split('~').filter(|item| !item.is_empty()).count();
        prop_assert_eq!(read.len() + bad.len(), items, "{}", text);
        for window in read.windows(2) {
            prop_assert!(window[0].day() <= window[1].day());
        }
        for item in &bad {
            prop_assert!(
                text.split('~').any(|written| *item == shown(written)),
                "{text}: «{item}» is not a step as written"
            );
        }
    }
}

fn distinct<T: PartialEq + Clone>(items: &[T], picks: &[prop::sample::Index]) -> Vec<T> {
    let mut chosen: Vec<T> = Vec::new();
    for pick in picks {
        let item = items[pick.index(items.len())].clone();
        if !chosen.contains(&item) {
            chosen.push(item);
        }
    }
    chosen
}

proptest! {
    #![proptest_config(config(cases::TEACHER_ROUND_TRIP))]

    /// The teacher's link reads back as the class the teacher chose.
    #[test]
    fn a_teacher_link_reads_back_as_chosen(
        embed in any::<bool>(),
        locked in prop::collection::vec(any::<prop::sample::Index>(), 0..5),
        hidden in prop::collection::vec(any::<prop::sample::Index>(), 0..5),
        panels in prop::collection::vec(any::<prop::sample::Index>(), 0..4),
        speed in prop::option::of(prop::sample::select(SPEEDS_DAYS_PER_SECOND.to_vec())),
        charts in prop::option::of(prop::collection::vec(any::<prop::sample::Index>(), 1..=MAX_CHARTS)),
        start in any::<prop::sample::Index>(),
        projector in any::<bool>(),
    ) {
        let lab_keys: Vec<_> = panel_keys().collect();
        let classroom = Classroom {
            embed,
            locked: distinct(&SettingKey::ALL, &locked),
            hidden: distinct(&SettingKey::ALL, &hidden),
            hidden_panels: distinct(&HiddenPanel::ALL, &panels),
            speed_days_per_second: speed,
            charts: charts.map(|picks| distinct(&lab_keys, &picks)),
        };
        let starts: Vec<ClassStart> = PRESETS
            .iter()
            .map(|preset| ClassStart::Preset(preset.id))
            .chain(CASE_FILES.iter().map(|case| ClassStart::Case(case.id)))
            .chain(TOURS.iter().map(|tour| ClassStart::Tour(tour.id)))
            .collect();
        let start = starts[start.index(starts.len())];
        let query = teacher_query(start, &classroom, projector);
        let (request, notices) = parse_query(&query, &ENGLISH);
        prop_assert!(notices.is_empty(), "{query}: {notices:?}");
        prop_assert_eq!(&request.classroom, &classroom, "{}", query);
        prop_assert_eq!(request.projector, projector);
        let started = match start {
            ClassStart::Preset(id) => request.preset == Some(id),
            ClassStart::Case(id) => request.case == Some(id),
            ClassStart::Tour(id) => request.tour == Some(id),
        };
        prop_assert!(started, "{query}");
    }
}

// ---- Seeds that once broke a parser --------------------------------------------------------------

/// A shipped case file with `edit` applied, as text.
fn edited_case(edit: impl FnOnce(&mut Value)) -> String {
    let mut file: Value =
        serde_json::from_str(&case_text(&CASE_FILES[0])).expect("a shipped case is JSON");
    edit(&mut file);
    serde_json::to_string_pretty(&file).expect("a JSON value prints")
}

/// `fill` replaced placeholders one after another, so a value that looked like a later
/// placeholder was filled in its turn: the notice for `preset={choices}` quoted the list of
/// presets as the value asked for.
#[test]
fn a_link_value_that_looks_like_a_placeholder_is_quoted_as_written() {
    let (_, notices) = parse_query("preset={choices}&day={max}&il6_pg_per_ml={range}", &ENGLISH);
    assert_eq!(notices.len(), 3, "{notices:?}");
    for quoted in ["preset={choices}", "day={max}", "il6_pg_per_ml={range}"] {
        assert!(
            notices.iter().any(|notice| notice.contains(quoted)),
            "no notice quotes {quoted}: {notices:?}"
        );
    }
}

/// The same in a saved scenario's name: "{day}" became the day it was saved on.
#[test]
fn a_scenario_named_like_a_placeholder_keeps_its_name_when_saved() {
    let scenario = Scenario {
        name: "{day}".to_string(),
        ..Scenario::from_json("{}").expect("an empty scenario reads")
    };
    let saved = scenario_file(&scenario, &[], 12.0, &ENGLISH);
    let read = Scenario::from_json(&saved.json).expect("a saved scenario reads");
    assert_eq!(read.name, "{day}, saved on day 12");
}

/// A case file's value of the wrong type was refused as "invalid type: null, expected a string at
/// line 120 column 19", without the field.
#[test]
fn a_case_value_of_the_wrong_type_is_refused_by_its_place() {
    let text = edited_case(|file| file["treatments"][2]["label"] = Value::Null);
    let refusal = Case::from_json(&text).expect_err("a label must be text").0;
    assert!(refusal.contains("treatments[2]"), "{refusal}");
    let text = edited_case(|file| file["present_day"] = json!("soon"));
    let refusal = Case::from_json(&text)
        .expect_err("a day must be a number")
        .0;
    assert!(refusal.contains("present_day"), "{refusal}");
}

/// An answer missing a field was refused as "missing field `id`", which the case itself has too.
#[test]
fn a_case_answer_missing_a_field_is_refused_by_its_place() {
    let text = edited_case(|file| file["treatments"][0] = json!({}));
    let refusal = Case::from_json(&text).expect_err("an answer needs an id").0;
    assert!(
        refusal.contains("treatments[0]") && refusal.contains("id"),
        "{refusal}"
    );
}

/// A bad setting in a case's scenario was refused without the setting's name (the scenario
/// parser's field was dropped).
#[test]
fn a_case_scenario_problem_keeps_its_field() {
    let text = edited_case(|file| file["scenario"]["settings"]["egfr_ml_per_min"] = json!(500));
    let refusal = Case::from_json(&text)
        .expect_err("eGFR 500 is out of range")
        .0;
    assert!(refusal.contains("settings.egfr_ml_per_min"), "{refusal}");
}

/// A finding with an empty expectation was refused as "finding folate_ng_ml  (a sample key, then
/// low, high or normal)".
#[test]
fn a_case_finding_is_refused_by_its_place() {
    let text = edited_case(|file| file["findings"][0]["expect"] = json!(""));
    let refusal = Case::from_json(&text)
        .expect_err("an expectation is low, high or normal")
        .0;
    assert!(refusal.contains("findings[0].expect"), "{refusal}");
}

/// A case file that is not JSON (`"diagnoses": 0x10`) was refused as "invalid type: integer `0`,
/// expected a sequence", as if the file were JSON with a number there.
#[test]
fn a_case_file_that_is_not_json_is_refused_as_such() {
    let text = edited_case(|file| file["diagnoses"] = json!("MARK")).replace("\"MARK\"", "0x10");
    let refusal = Case::from_json(&text).expect_err("0x10 is not JSON").0;
    assert!(refusal.contains("not valid JSON"), "{refusal}");
}

/// Found by the round trip, and left as it is: serde_json's default float reader may read a
/// number of 16 or 17 significant digits one unit in the last place off (`float_roundtrip` would
/// cost about 9 KiB of the page's gzip download; the page writes no such numbers). It is never
/// further off than that.
#[test]
fn a_17_digit_number_in_a_scenario_reads_back_within_one_unit_in_the_last_place() {
    let written = 15.722_544_165_122_981_f64;
    let text = format!(r#"{{"settings": {{"iron_intake_mg_per_day": {written}}}}}"#);
    let read = Scenario::from_json(&text)
        .expect("the value is in range")
        .settings
        .iron_intake_mg_per_day;
    let units_apart = (read.to_bits() as i64 - written.to_bits() as i64).abs();
    assert!(units_apart <= 1, "{written} read as {read}");
    assert_eq!(fifteen_digits(written), fifteen_digits(read));
}
