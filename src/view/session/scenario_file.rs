//! Saving the page's patient as a scenario file (contract section 2): the scenario it began as
//! (start, settings, stores and scheduled events) and what the student did, each on its day.
//!
//! A jump to the long run cannot be written in section 2 (no event resets the state to the
//! settled one). The file leaves it out and says so in its `description`, and the page says so when
//! it saves: the student keeps a file that opens, with every other action in it, and the reader
//! knows where its patient parts from the one saved. Refusing to save would lose the whole session
//! for one button press.

use serde_json::{json, Map, Value};

use crate::model::{Event, EventAction, Scenario, SettingKey, Settings, Start};
use crate::strings::{fill, Strings};

use super::simulation::{order_of, Action};

/// A scenario file ready to save.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedScenario {
    /// The file's text (pretty-printed JSON).
    pub json: String,
    /// The days of the jumps to the long run the file leaves out (empty: it replays the session).
    pub jumps_left_out: Vec<f64>,
}

/// The scenario file of a session: `start` scenario as it began, then `actions` on their days,
/// named as saved on `day`.
pub fn scenario_file(
    start: &Scenario,
    actions: &[Action],
    day: f64,
    strings: &Strings,
) -> SavedScenario {
    let mut events: Vec<Value> = start.events.iter().map(event_json).collect();
    let mut jumps_left_out = Vec::new();
    for action in actions {
        match *action {
            Action::Set { day, key, value } => {
                events.push(event_json(&Event::set(day, vec![(key, value)])));
            }
            Action::Give {
                day,
                choice,
                dose,
                days,
            } => events.extend(
                order_of(choice, dose, days)
                    .events(day)
                    .iter()
                    .map(event_json),
            ),
            Action::Jump { day } => jumps_left_out.push(day),
        }
    }
    let mut description = start.description.clone();
    if !jumps_left_out.is_empty() {
        let days: Vec<String> = jumps_left_out.iter().map(|day| number_text(*day)).collect();
        let note = fill(
            strings.scenario_jump_left_out(),
            &[("days", &days.join(", "))],
        );
        description = if description.is_empty() {
            note
        } else {
            format!("{description}\n\n{note}")
        };
    }
    let mut file = Map::new();
    file.insert(
        "name".into(),
        fill(
            strings.scenario_saved_name(),
            &[("name", &start.name), ("day", &number_text(day.floor()))],
        )
        .into(),
    );
    file.insert("description".into(), description.into());
    file.insert(
        "start".into(),
        match start.start {
            Start::Healthy => "healthy",
            Start::Settled => "settled",
        }
        .into(),
    );
    file.insert("settings".into(), settings_json(&start.settings));
    let mut initial = Map::new();
    for (key, value) in [
        ("iron_stores_mg", start.initial.iron_stores_mg),
        ("b12_stores_ug", start.initial.b12_stores_ug),
        ("folate_stores_mg", start.initial.folate_stores_mg),
    ] {
        if let Some(value) = value {
            initial.insert(key.into(), json!(value));
        }
    }
    if !initial.is_empty() {
        file.insert("initial".into(), initial.into());
    }
    file.insert("events".into(), events.into());
    SavedScenario {
        json: serde_json::to_string_pretty(&Value::Object(file)).unwrap_or_default(),
        jumps_left_out,
    }
}

/// The settings that differ from the healthy defaults (left-out keys keep them).
fn settings_json(settings: &Settings) -> Value {
    let healthy = Settings::default();
    let mut object = Map::new();
    for key in SettingKey::ALL {
        if settings.get(key) != healthy.get(key) {
            object.insert(key.key().into(), json!(settings.get(key)));
        }
    }
    object.into()
}

/// One event as section 2 writes it.
fn event_json(event: &Event) -> Value {
    match &event.action {
        EventAction::Set(changes) => {
            let set: Map<String, Value> = changes
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
            let mut object = Map::new();
            object.insert("day".into(), json!(event.day));
            object.insert("give".into(), treatment.key().into());
            if treatment.takes_dose() {
                object.insert("dose".into(), json!(dose));
            }
            if treatment.is_course() {
                object.insert("days".into(), json!(days));
            }
            object.into()
        }
    }
}

/// A day as people write it: `12`, `12.25`.
fn number_text(value: f64) -> String {
    format!("{value}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Treatment;
    use crate::strings::ENGLISH;
    use crate::view::session::simulation::Simulation;
    use crate::view::session::treatment_order::OrderChoice;

    /// Saves `simulation`, opens the file as `marrow-sim` does and runs it to the same day.
    fn reopened(simulation: &Simulation) -> (SavedScenario, Scenario, crate::model::Labs) {
        let start = simulation.start_scenario().expect("not a case");
        let saved = scenario_file(&start, simulation.actions(), simulation.day(), &ENGLISH);
        let scenario = Scenario::from_json(&saved.json).unwrap_or_else(|error| {
            panic!("{error}\n{}", saved.json);
        });
        let mut patient = scenario.patient();
        patient.advance_to(simulation.day());
        (saved, scenario, patient.labs())
    }

    #[test]
    fn a_saved_session_opens_and_gives_the_same_labs_on_the_same_day() {
        let mut simulation = Simulation::open_preset(Some("inflammation_iron_deficiency"));
        // Played in uneven frames, as the page does: actions fall on fractional grid days.
        for _ in 0..37 {
            simulation.advance_real_time(0.016 * 7.0);
        }
        simulation.set_setting(SettingKey::IronIntake, 4.0);
        simulation.set_setting(SettingKey::IronIntake, 5.0);
        for _ in 0..51 {
            simulation.advance_real_time(0.023 * 7.0);
        }
        simulation.give(&OrderChoice::Treatment(Treatment::IvIron).usual());
        simulation.advance_days(13.3);
        simulation.give(&OrderChoice::B12Course.usual());
        simulation.give(&OrderChoice::Treatment(Treatment::OralIron).usual());
        simulation.set_setting(SettingKey::Il6, 3.0);
        simulation.advance_days(60.0);
        simulation.give(&OrderChoice::Treatment(Treatment::AntiIl6).usual());
        simulation.advance_days(simulation.day().ceil() + 41.0 - simulation.day());
        let (saved, scenario, labs) = reopened(&simulation);
        assert!(saved.jumps_left_out.is_empty());
        assert_eq!(scenario.start, crate::model::Start::Settled);
        assert_eq!(labs, simulation.patient().labs(), "{}", saved.json);
        // The B12 course is written out as its injections (7 loading, then every 90 days).
        let injections = scenario
            .events
            .iter()
            .filter(|event| {
                matches!(
                    event.action,
                    EventAction::Give {
                        treatment: Treatment::B12Injection,
                        ..
                    }
                )
            })
            .count();
        assert!(injections > 40, "{injections}");
    }

    #[test]
    fn an_opened_file_saves_again_with_its_own_events_and_the_new_ones() {
        let mut first = Simulation::open_preset(Some("b12_deficiency"));
        first.advance_days(5.0);
        first.give(&OrderChoice::Treatment(Treatment::FolicAcid).usual());
        first.advance_days(10.0);
        let (saved, scenario, _) = reopened(&first);
        let mut second = Simulation::open_preset(None);
        second.load_scenario(scenario);
        second.advance_days(20.0);
        second.set_setting(SettingKey::IntrinsicFactor, 50.0);
        second.advance_days(30.0);
        let (again, _, labs) = reopened(&second);
        assert_eq!(
            labs,
            second.patient().labs(),
            "{}\n{}",
            saved.json,
            again.json
        );
        // Reset All returns to the opened file at day 0.
        second.reset_all();
        assert_eq!(second.day(), 0.0);
        assert_eq!(second.settings().intrinsic_factor_percent, 4.0);
    }

    #[test]
    fn a_jump_is_left_out_and_the_description_says_so() {
        let mut simulation = Simulation::open_preset(None);
        simulation.set_setting(SettingKey::IntrinsicFactor, 0.0);
        simulation.advance_days(10.0);
        simulation.jump_to_settled();
        simulation.advance_days(5.0);
        let (saved, scenario, _) = reopened(&simulation);
        assert_eq!(saved.jumps_left_out, [10.0]);
        assert!(scenario.description.contains("day 10"), "{}", saved.json);
        assert_eq!(scenario.events.len(), 1, "the setting change is kept");
    }

    #[test]
    fn a_mystery_case_is_not_saved() {
        let mut simulation = Simulation::open_preset(None);
        let patient = simulation.patient().clone();
        simulation.load_case("any", patient);
        assert!(simulation.start_scenario().is_none());
    }
}
