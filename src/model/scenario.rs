//! Scenario files (contract section 2): a patient's settings, starting point and events, as JSON.
//! Every bad input is refused with a message that names the field and the allowed range.

use std::fmt;

use serde_json::{Map, Value};

use super::events::{Event, EventAction, Treatment};
use super::patient::{Patient, PatientState};
use super::settings::{SettingKey, Settings};
use super::settle::settled_state;

/// Where a scenario begins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Start {
    /// The healthy adult's steady state, with the scenario's settings applied at day 0.
    Healthy,
    /// The long-run state the scenario's settings lead to.
    Settled,
}

/// Store overrides at day 0 (`initial`).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct InitialStores {
    pub iron_stores_mg: Option<f64>,
    pub b12_stores_ug: Option<f64>,
    pub folate_stores_mg: Option<f64>,
}

/// A parsed, checked scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub name: String,
    /// What a student should look at (optional `description`).
    pub description: String,
    pub start: Start,
    pub settings: Settings,
    pub initial: InitialStores,
    pub events: Vec<Event>,
}

/// A refused scenario: the field and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioError {
    /// Path of the field (`events[2].dose`), or empty for the whole file.
    pub field: String,
    pub message: String,
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(formatter, "{}", self.message)
        } else {
            write!(formatter, "{}: {}", self.field, self.message)
        }
    }
}

impl std::error::Error for ScenarioError {}

fn error(field: impl Into<String>, message: impl Into<String>) -> ScenarioError {
    ScenarioError {
        field: field.into(),
        message: message.into(),
    }
}

/// The latest day an event may be scheduled (100 years).
pub const MAX_EVENT_DAY: f64 = 36_500.0;
/// The longest course, days (10 years).
pub const MAX_COURSE_DAYS: f64 = 3650.0;

/// Allowed ranges of the `initial` stores: (key, max, unit).
const INITIAL_STORES: [(&str, f64, &str); 3] = [
    ("iron_stores_mg", 5000.0, "mg"),
    ("b12_stores_ug", 10_000.0, "µg"),
    ("folate_stores_mg", 100.0, "mg"),
];

impl Scenario {
    /// Parses and checks a scenario file's text.
    pub fn from_json(text: &str) -> Result<Scenario, ScenarioError> {
        let value: Value = serde_json::from_str(text)
            .map_err(|problem| error("", format!("not valid JSON: {problem}")))?;
        let object = value
            .as_object()
            .ok_or_else(|| error("", "a scenario must be a JSON object"))?;
        check_keys(
            object,
            "",
            &[
                "name",
                "description",
                "start",
                "settings",
                "initial",
                "events",
            ],
        )?;

        let name =
            optional_string(object, "name")?.unwrap_or_else(|| "Untitled scenario".to_string());
        let description = optional_string(object, "description")?.unwrap_or_default();
        let start = match object.get("start") {
            None => Start::Healthy,
            Some(Value::String(start)) if start == "healthy" => Start::Healthy,
            Some(Value::String(start)) if start == "settled" => Start::Settled,
            Some(other) => {
                return Err(error(
                    "start",
                    format!("{other} is not one of \"healthy\", \"settled\""),
                ))
            }
        };
        let settings = match object.get("settings") {
            None => Settings::default(),
            Some(value) => parse_settings(value, "settings")?,
        };
        let initial = match object.get("initial") {
            None => InitialStores::default(),
            Some(value) => parse_initial(value)?,
        };
        let events = match object.get("events") {
            None => Vec::new(),
            Some(Value::Array(events)) => events
                .iter()
                .enumerate()
                .map(|(index, event)| parse_event(event, &format!("events[{index}]")))
                .collect::<Result<Vec<_>, _>>()?,
            Some(_) => return Err(error("events", "must be a list of events")),
        };
        Ok(Scenario {
            name,
            description,
            start,
            settings,
            initial,
            events,
        })
    }

    /// The patient at day 0, with the events scheduled.
    pub fn patient(&self) -> Patient {
        let mut state = match self.start {
            Start::Healthy => PatientState::healthy(),
            Start::Settled => settled_state(&self.settings),
        };
        if let Some(iron) = self.initial.iron_stores_mg {
            state.iron.storage_iron_mg = iron;
        }
        if let Some(b12) = self.initial.b12_stores_ug {
            state.vitamins.b12_stores_ug = b12;
        }
        if let Some(folate) = self.initial.folate_stores_mg {
            state.vitamins.folate_stores_mg = folate;
        }
        state.vitamins.refresh_dna_synthesis();
        let mut patient = Patient::from_state(self.settings, state);
        patient.schedule(self.events.iter().cloned());
        patient
    }
}

/// Parses a `{KEY: VALUE}` object of settings over the healthy defaults.
pub fn parse_settings(value: &Value, field: &str) -> Result<Settings, ScenarioError> {
    let mut settings = Settings::default();
    for (key, value) in parse_setting_changes(value, field)? {
        settings
            .set(key, value)
            .map_err(|problem| error(format!("{field}.{}", key.key()), problem.to_string()))?;
    }
    Ok(settings)
}

fn parse_setting_changes(
    value: &Value,
    field: &str,
) -> Result<Vec<(SettingKey, f64)>, ScenarioError> {
    let object = value
        .as_object()
        .ok_or_else(|| error(field, "must be an object of setting keys and values"))?;
    let mut changes = Vec::with_capacity(object.len());
    for (key, value) in object {
        let path = format!("{field}.{key}");
        let setting = SettingKey::from_key(key).ok_or_else(|| {
            let known: Vec<&str> = SettingKey::ALL
                .iter()
                .map(|setting| setting.key())
                .collect();
            error(
                &path,
                format!("unknown setting; the settings are {}", known.join(", ")),
            )
        })?;
        let spec = setting.spec();
        let number = value.as_f64().ok_or_else(|| {
            error(
                &path,
                format!(
                    "must be a number from {} to {} {}",
                    spec.min, spec.max, spec.unit
                ),
            )
        })?;
        setting
            .check(number)
            .map_err(|problem| error(&path, problem_without_field(&problem.to_string())))?;
        changes.push((setting, number));
    }
    Ok(changes)
}

/// "key: 5 is outside …" → "5 is outside …" (the path is named separately).
fn problem_without_field(message: &str) -> String {
    message
        .split_once(": ")
        .map_or(message.to_string(), |(_, rest)| rest.to_string())
}

fn parse_initial(value: &Value) -> Result<InitialStores, ScenarioError> {
    let object = value
        .as_object()
        .ok_or_else(|| error("initial", "must be an object of store sizes"))?;
    check_keys(object, "initial", &INITIAL_STORES.map(|(key, _, _)| key))?;
    let mut initial = InitialStores::default();
    for (key, max, unit) in INITIAL_STORES {
        let Some(value) = object.get(key) else {
            continue;
        };
        let path = format!("initial.{key}");
        let number = bounded_number(value, &path, 0.0, max, unit)?;
        match key {
            "iron_stores_mg" => initial.iron_stores_mg = Some(number),
            "b12_stores_ug" => initial.b12_stores_ug = Some(number),
            _ => initial.folate_stores_mg = Some(number),
        }
    }
    Ok(initial)
}

fn parse_event(value: &Value, field: &str) -> Result<Event, ScenarioError> {
    let object = value
        .as_object()
        .ok_or_else(|| error(field, "an event must be an object"))?;
    check_keys(object, field, &["day", "set", "give", "dose", "days"])?;
    let day_value = object
        .get("day")
        .ok_or_else(|| error(format!("{field}.day"), "is missing"))?;
    let day = bounded_number(
        day_value,
        &format!("{field}.day"),
        0.0,
        MAX_EVENT_DAY,
        "days",
    )?;
    match (object.get("set"), object.get("give")) {
        (Some(_), Some(_)) => Err(error(
            field,
            "an event either sets settings or gives a treatment, not both",
        )),
        (None, None) => Err(error(field, "an event needs \"set\" or \"give\"")),
        (Some(set), None) => {
            if object.contains_key("dose") || object.contains_key("days") {
                return Err(error(field, "a \"set\" event takes no dose or days"));
            }
            let changes = parse_setting_changes(set, &format!("{field}.set"))?;
            Ok(Event::set(day, changes))
        }
        (None, Some(give)) => {
            let kind = give
                .as_str()
                .ok_or_else(|| error(format!("{field}.give"), "must be a treatment name"))?;
            let treatment = Treatment::from_key(kind).ok_or_else(|| {
                let known: Vec<&str> = Treatment::ALL
                    .iter()
                    .map(|treatment| treatment.key())
                    .collect();
                error(
                    format!("{field}.give"),
                    format!(
                        "unknown treatment '{kind}'; the treatments are {}",
                        known.join(", ")
                    ),
                )
            })?;
            let dose = match (treatment.takes_dose(), object.get("dose")) {
                (true, Some(dose)) => bounded_number(
                    dose,
                    &format!("{field}.dose"),
                    0.0,
                    treatment.max_dose(),
                    treatment.dose_unit(),
                )?,
                (true, None) => {
                    return Err(error(
                        format!("{field}.dose"),
                        format!(
                            "is missing: {kind} needs a dose in {}",
                            treatment.dose_unit()
                        ),
                    ))
                }
                (false, Some(_)) => {
                    return Err(error(
                        format!("{field}.dose"),
                        format!("{kind} takes no dose"),
                    ))
                }
                (false, None) => 0.0,
            };
            let days = match (treatment.is_course(), object.get("days")) {
                (true, Some(days)) => {
                    let days = bounded_number(
                        days,
                        &format!("{field}.days"),
                        0.0,
                        MAX_COURSE_DAYS,
                        "days",
                    )?;
                    if days == 0.0 {
                        return Err(error(
                            format!("{field}.days"),
                            "a course lasts at least part of a day",
                        ));
                    }
                    days
                }
                (true, None) => {
                    return Err(error(
                        format!("{field}.days"),
                        format!("is missing: {kind} is a course of N days"),
                    ))
                }
                (false, Some(_)) => {
                    return Err(error(
                        format!("{field}.days"),
                        format!("{kind} is given once and takes no days"),
                    ))
                }
                (false, None) => 1.0,
            };
            Ok(Event {
                day,
                action: EventAction::Give {
                    treatment,
                    dose,
                    days,
                },
            })
        }
    }
}

fn bounded_number(
    value: &Value,
    field: &str,
    min: f64,
    max: f64,
    unit: &str,
) -> Result<f64, ScenarioError> {
    let range = format!("the allowed range is {min}–{max} {unit}");
    let number = value
        .as_f64()
        .ok_or_else(|| error(field, format!("must be a number; {range}")))?;
    if number < min {
        return Err(error(field, format!("{number} is negative; {range}")));
    }
    if number > max {
        return Err(error(field, format!("{number} is too large; {range}")));
    }
    Ok(number)
}

fn optional_string(
    object: &Map<String, Value>,
    key: &str,
) -> Result<Option<String>, ScenarioError> {
    match object.get(key) {
        None => Ok(None),
        Some(Value::String(text)) => Ok(Some(text.clone())),
        Some(_) => Err(error(key, "must be text")),
    }
}

fn check_keys(
    object: &Map<String, Value>,
    field: &str,
    allowed: &[&str],
) -> Result<(), ScenarioError> {
    for key in object.keys() {
        if !allowed.contains(&key.as_str()) {
            let path = if field.is_empty() {
                key.clone()
            } else {
                format!("{field}.{key}")
            };
            return Err(error(
                path,
                format!("unknown field; allowed here: {}", allowed.join(", ")),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONTRACT_EXAMPLE: &str = r#"{
      "name": "Pernicious anemia, then treatment",
      "start": "healthy",
      "settings": { "intrinsic_factor_percent": 0 },
      "initial": { "b12_stores_ug": 600 },
      "events": [
        { "day": 400, "give": "b12_injection", "dose": 1000 },
        { "day": 400, "set": { "il6_pg_per_ml": 2 } }
      ]
    }"#;

    #[test]
    fn the_contract_example_parses() {
        let scenario = Scenario::from_json(CONTRACT_EXAMPLE).unwrap();
        assert_eq!(scenario.start, Start::Healthy);
        assert_eq!(scenario.settings.intrinsic_factor_percent, 0.0);
        assert_eq!(
            scenario.settings.iron_intake_mg_per_day, 14.0,
            "left-out keys stay healthy"
        );
        assert_eq!(scenario.initial.b12_stores_ug, Some(600.0));
        assert_eq!(scenario.events.len(), 2);
        assert_eq!(
            scenario.events[0].action,
            EventAction::Give {
                treatment: Treatment::B12Injection,
                dose: 1000.0,
                days: 1.0
            }
        );
        assert_eq!(scenario.patient().state.vitamins.b12_stores_ug, 600.0);
    }

    #[test]
    fn stores_set_at_the_start_act_from_the_first_day() {
        // A patient who starts with an empty folate store: the marrow's DNA synthesis is short at
        // day 0, before any step, as it is a step later.
        let scenario = Scenario::from_json(r#"{"initial": {"folate_stores_mg": 0.5}}"#).unwrap();
        let patient = scenario.patient();
        let at_start = patient.state.vitamins.dna_synthesis;
        let mut later = patient.clone();
        later.advance_to(0.25);
        assert!(at_start < 0.9, "DNA synthesis at day 0: {at_start}");
        assert!(
            (at_start - later.state.vitamins.dna_synthesis).abs() < 0.02,
            "day 0 {at_start}, 6 hours later {}",
            later.state.vitamins.dna_synthesis
        );
    }

    #[test]
    fn bad_scenarios_name_the_field_and_the_range() {
        let cases = [
            ("{", "", "not valid JSON"),
            ("[]", "", "JSON object"),
            (r#"{"start": "sick"}"#, "start", "\"healthy\", \"settled\""),
            (r#"{"colour": 1}"#, "colour", "unknown field"),
            (
                r#"{"settings": {"iron": 3}}"#,
                "settings.iron",
                "unknown setting",
            ),
            (
                r#"{"settings": {"egfr_ml_per_min": 500}}"#,
                "settings.egfr_ml_per_min",
                "5–120",
            ),
            (
                r#"{"settings": {"il6_pg_per_ml": "high"}}"#,
                "settings.il6_pg_per_ml",
                "0 to 200",
            ),
            (
                r#"{"initial": {"b12_stores_ug": -3}}"#,
                "initial.b12_stores_ug",
                "negative",
            ),
            (
                r#"{"events": [{"give": "iv_iron", "dose": 500}]}"#,
                "events[0].day",
                "missing",
            ),
            (
                r#"{"events": [{"day": -1, "give": "iv_iron", "dose": 500}]}"#,
                "events[0].day",
                "negative",
            ),
            (
                r#"{"events": [{"day": 1, "give": "aspirin", "dose": 5}]}"#,
                "events[0].give",
                "unknown treatment",
            ),
            (
                r#"{"events": [{"day": 1, "give": "iv_iron", "dose": -5}]}"#,
                "events[0].dose",
                "negative",
            ),
            (
                r#"{"events": [{"day": 1, "give": "iv_iron"}]}"#,
                "events[0].dose",
                "needs a dose",
            ),
            (
                r#"{"events": [{"day": 1, "give": "oral_iron", "dose": 100}]}"#,
                "events[0].days",
                "course",
            ),
            (
                r#"{"events": [{"day": 1, "give": "anti_il6", "dose": 8, "days": 30}]}"#,
                "events[0].dose",
                "no dose",
            ),
            (
                r#"{"events": [{"day": 1, "set": {"egfr_ml_per_min": 1}}]}"#,
                "events[0].set.egfr_ml_per_min",
                "5–120",
            ),
            (
                r#"{"events": [{"day": 1}]}"#,
                "events[0]",
                "\"set\" or \"give\"",
            ),
        ];
        for (text, field, words) in cases {
            let problem = Scenario::from_json(text).expect_err(text);
            assert_eq!(problem.field, field, "{text}: {problem}");
            assert!(problem.to_string().contains(words), "{text}: {problem}");
        }
    }
}
