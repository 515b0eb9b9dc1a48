//! The eight preset patients of contract section 4: the scenario files under `assets/scenarios/`,
//! built into the program so the page and the tests open exactly what a lecturer can read.

use crate::model::{Patient, Scenario, ScenarioError};

/// A preset: its contract id and its scenario file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    pub id: &'static str,
    pub json: &'static str,
}

macro_rules! preset {
    ($id:literal) => {
        Preset {
            id: $id,
            json: include_str!(concat!("../assets/scenarios/", $id, ".json")),
        }
    };
}

/// The presets, in the order the picker lists them.
pub const PRESETS: [Preset; 8] = [
    preset!("healthy"),
    preset!("iron_deficiency"),
    preset!("folate_deficiency"),
    preset!("b12_deficiency"),
    preset!("inflammation"),
    preset!("inflammation_iron_deficiency"),
    preset!("ckd"),
    preset!("myeloma"),
];

/// The preset the page opens with.
pub const DEFAULT_PRESET: &str = "healthy";

impl Preset {
    /// The preset with a contract id.
    pub fn find(id: &str) -> Option<Preset> {
        PRESETS.into_iter().find(|preset| preset.id == id)
    }

    /// The scenario (name, description for students, settings, start).
    pub fn scenario(&self) -> Result<Scenario, ScenarioError> {
        Scenario::from_json(self.json)
    }

    /// The patient at day 0, condition developed (every shipped preset parses: tested).
    pub fn patient(&self) -> Patient {
        self.scenario()
            .map(|scenario| scenario.patient())
            .unwrap_or_else(|_| Patient::new(crate::model::Settings::default()))
    }

    /// All ids, for messages ("healthy, iron_deficiency, …").
    pub fn ids() -> String {
        PRESETS
            .iter()
            .map(|preset| preset.id)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_parses_and_explains_what_to_look_at() {
        for preset in PRESETS {
            let scenario = preset
                .scenario()
                .unwrap_or_else(|error| panic!("{}: {error}", preset.id));
            assert!(!scenario.name.is_empty(), "{} has no name", preset.id);
            assert!(
                scenario.description.len() > 40,
                "{} needs a description of what to look at",
                preset.id
            );
        }
        assert!(Preset::find(DEFAULT_PRESET).is_some());
        assert!(Preset::find("anemia").is_none());
    }
}
