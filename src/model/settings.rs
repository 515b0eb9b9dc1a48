//! The patient's settings: the sliders of the page, the `settings` of a scenario file, the query
//! parameters of a share link (contract section 1). One key names a setting everywhere.

use std::fmt;

/// One setting of contract section 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SettingKey {
    IronIntake,
    BloodLoss,
    B12Intake,
    FolateIntake,
    Il6,
    Egfr,
    MarrowInfiltration,
    GastricAcid,
    PancreaticProtease,
    IntrinsicFactor,
    IlealUptake,
}

/// What the page and the validators need to know about a setting.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SettingSpec {
    /// The contract key (`iron_intake_mg_per_day`).
    pub key: &'static str,
    /// The unit as a student reads it.
    pub unit: &'static str,
    pub min: f64,
    pub max: f64,
    /// The healthy adult value.
    pub healthy: f64,
    /// Slider step.
    pub step: f64,
}

impl SettingKey {
    /// Every setting, in the order of the contract table.
    pub const ALL: [SettingKey; 11] = [
        SettingKey::IronIntake,
        SettingKey::BloodLoss,
        SettingKey::B12Intake,
        SettingKey::FolateIntake,
        SettingKey::Il6,
        SettingKey::Egfr,
        SettingKey::MarrowInfiltration,
        SettingKey::GastricAcid,
        SettingKey::PancreaticProtease,
        SettingKey::IntrinsicFactor,
        SettingKey::IlealUptake,
    ];

    /// The seven settings that are always on screen.
    pub const MAIN: [SettingKey; 7] = [
        SettingKey::IronIntake,
        SettingKey::BloodLoss,
        SettingKey::B12Intake,
        SettingKey::FolateIntake,
        SettingKey::Il6,
        SettingKey::Egfr,
        SettingKey::MarrowInfiltration,
    ];

    /// The four steps of the B12 absorption relay.
    pub const B12_RELAY: [SettingKey; 4] = [
        SettingKey::GastricAcid,
        SettingKey::PancreaticProtease,
        SettingKey::IntrinsicFactor,
        SettingKey::IlealUptake,
    ];

    pub const fn spec(self) -> SettingSpec {
        const fn spec(
            key: &'static str,
            unit: &'static str,
            min: f64,
            max: f64,
            healthy: f64,
            step: f64,
        ) -> SettingSpec {
            SettingSpec {
                key,
                unit,
                min,
                max,
                healthy,
                step,
            }
        }
        match self {
            SettingKey::IronIntake => {
                spec("iron_intake_mg_per_day", "mg/day", 0.0, 40.0, 14.0, 0.5)
            }
            SettingKey::BloodLoss => spec("blood_loss_ml_per_day", "mL/day", 0.0, 50.0, 0.0, 0.5),
            SettingKey::B12Intake => spec("b12_intake_ug_per_day", "µg/day", 0.0, 50.0, 5.0, 0.1),
            SettingKey::FolateIntake => spec(
                "folate_intake_ug_per_day",
                "µg/day",
                0.0,
                1000.0,
                400.0,
                10.0,
            ),
            SettingKey::Il6 => spec("il6_pg_per_ml", "pg/mL", 0.0, 200.0, 2.0, 1.0),
            SettingKey::Egfr => spec("egfr_ml_per_min", "mL/min/1.73 m²", 5.0, 120.0, 100.0, 1.0),
            SettingKey::MarrowInfiltration => {
                spec("marrow_infiltration_percent", "%", 0.0, 95.0, 0.0, 1.0)
            }
            SettingKey::GastricAcid => spec(
                "gastric_acid_percent",
                "% of normal",
                0.0,
                100.0,
                100.0,
                1.0,
            ),
            SettingKey::PancreaticProtease => spec(
                "pancreatic_protease_percent",
                "% of normal",
                0.0,
                100.0,
                100.0,
                1.0,
            ),
            SettingKey::IntrinsicFactor => spec(
                "intrinsic_factor_percent",
                "% of normal",
                0.0,
                100.0,
                100.0,
                1.0,
            ),
            SettingKey::IlealUptake => spec(
                "ileal_uptake_percent",
                "% of normal",
                0.0,
                100.0,
                100.0,
                1.0,
            ),
        }
    }

    pub const fn key(self) -> &'static str {
        self.spec().key
    }

    /// The setting named by a contract key, if there is one.
    pub fn from_key(key: &str) -> Option<SettingKey> {
        SettingKey::ALL
            .into_iter()
            .find(|setting| setting.key() == key)
    }

    /// Checks a value against the setting's range; the error names the key, the value and the range.
    pub fn check(self, value: f64) -> Result<f64, RangeError> {
        let spec = self.spec();
        if value.is_finite() && (spec.min..=spec.max).contains(&value) {
            Ok(value)
        } else {
            Err(RangeError {
                field: spec.key.to_string(),
                value,
                min: spec.min,
                max: spec.max,
                unit: spec.unit,
            })
        }
    }
}

/// A value outside its allowed range.
#[derive(Clone, Debug, PartialEq)]
pub struct RangeError {
    pub field: String,
    pub value: f64,
    pub min: f64,
    pub max: f64,
    pub unit: &'static str,
}

impl fmt::Display for RangeError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            formatter,
            "{}: {} is outside the allowed range {}–{} {}",
            self.field, self.value, self.min, self.max, self.unit
        )
    }
}

impl std::error::Error for RangeError {}

/// The patient's settings. Every field is named by its contract key and carries its unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    /// Dietary iron, mg/day (0–40; healthy 14).
    pub iron_intake_mg_per_day: f64,
    /// Chronic blood loss, mL/day of whole blood (0–50; healthy 0).
    pub blood_loss_ml_per_day: f64,
    /// Dietary vitamin B12, µg/day (0–50; healthy 5).
    pub b12_intake_ug_per_day: f64,
    /// Dietary folate, µg/day (0–1000; healthy 400).
    pub folate_intake_ug_per_day: f64,
    /// Inflammation as the plasma IL-6 level, pg/mL (0–200; healthy 2).
    pub il6_pg_per_ml: f64,
    /// Kidney function, eGFR in mL/min/1.73 m² (5–120; healthy 100).
    pub egfr_ml_per_min: f64,
    /// Marrow space taken by other cells (myeloma), % (0–95; healthy 0).
    pub marrow_infiltration_percent: f64,
    /// B12 relay step 1: acid and pepsin free food B12, % of normal.
    pub gastric_acid_percent: f64,
    /// B12 relay step 2: pancreatic proteases free B12 from haptocorrin, % of normal.
    pub pancreatic_protease_percent: f64,
    /// B12 relay step 3: intrinsic factor, % of normal.
    pub intrinsic_factor_percent: f64,
    /// B12 relay step 4: cubam uptake in the terminal ileum, % of normal.
    pub ileal_uptake_percent: f64,
}

impl Default for Settings {
    /// The healthy adult of contract section 1.
    fn default() -> Self {
        let mut settings = Settings {
            iron_intake_mg_per_day: 0.0,
            blood_loss_ml_per_day: 0.0,
            b12_intake_ug_per_day: 0.0,
            folate_intake_ug_per_day: 0.0,
            il6_pg_per_ml: 0.0,
            egfr_ml_per_min: 0.0,
            marrow_infiltration_percent: 0.0,
            gastric_acid_percent: 0.0,
            pancreatic_protease_percent: 0.0,
            intrinsic_factor_percent: 0.0,
            ileal_uptake_percent: 0.0,
        };
        for key in SettingKey::ALL {
            *settings.field_mut(key) = key.spec().healthy;
        }
        settings
    }
}

impl Settings {
    fn field_mut(&mut self, key: SettingKey) -> &mut f64 {
        match key {
            SettingKey::IronIntake => &mut self.iron_intake_mg_per_day,
            SettingKey::BloodLoss => &mut self.blood_loss_ml_per_day,
            SettingKey::B12Intake => &mut self.b12_intake_ug_per_day,
            SettingKey::FolateIntake => &mut self.folate_intake_ug_per_day,
            SettingKey::Il6 => &mut self.il6_pg_per_ml,
            SettingKey::Egfr => &mut self.egfr_ml_per_min,
            SettingKey::MarrowInfiltration => &mut self.marrow_infiltration_percent,
            SettingKey::GastricAcid => &mut self.gastric_acid_percent,
            SettingKey::PancreaticProtease => &mut self.pancreatic_protease_percent,
            SettingKey::IntrinsicFactor => &mut self.intrinsic_factor_percent,
            SettingKey::IlealUptake => &mut self.ileal_uptake_percent,
        }
    }

    pub fn get(&self, key: SettingKey) -> f64 {
        let mut copy = *self;
        *copy.field_mut(key)
    }

    /// Sets one setting after checking its range; out-of-range values are refused, never clamped.
    pub fn set(&mut self, key: SettingKey, value: f64) -> Result<(), RangeError> {
        *self.field_mut(key) = key.check(value)?;
        Ok(())
    }

    /// The settings as (key, value) pairs in contract order.
    pub fn entries(&self) -> impl Iterator<Item = (SettingKey, f64)> + '_ {
        SettingKey::ALL.into_iter().map(|key| (key, self.get(key)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn healthy_defaults_follow_the_contract() {
        let healthy = Settings::default();
        assert_eq!(healthy.iron_intake_mg_per_day, 14.0);
        assert_eq!(healthy.b12_intake_ug_per_day, 5.0);
        assert_eq!(healthy.folate_intake_ug_per_day, 400.0);
        assert_eq!(healthy.il6_pg_per_ml, 2.0);
        assert_eq!(healthy.egfr_ml_per_min, 100.0);
        assert_eq!(healthy.intrinsic_factor_percent, 100.0);
        assert_eq!(healthy.marrow_infiltration_percent, 0.0);
    }

    #[test]
    fn every_key_round_trips() {
        for key in SettingKey::ALL {
            assert_eq!(SettingKey::from_key(key.key()), Some(key));
            let spec = key.spec();
            assert!(
                spec.min <= spec.healthy && spec.healthy <= spec.max,
                "{}",
                spec.key
            );
        }
        assert_eq!(SettingKey::from_key("iron"), None);
    }

    #[test]
    fn out_of_range_values_are_refused_with_the_range_named() {
        let mut settings = Settings::default();
        let error = settings.set(SettingKey::Egfr, 150.0).unwrap_err();
        let message = error.to_string();
        assert!(message.contains("egfr_ml_per_min"), "{message}");
        assert!(message.contains("5–120"), "{message}");
        assert_eq!(
            settings.egfr_ml_per_min, 100.0,
            "a refused value leaves the setting alone"
        );
        assert!(settings.set(SettingKey::Il6, f64::NAN).is_err());
        settings.set(SettingKey::Il6, 80.0).unwrap();
        assert_eq!(settings.get(SettingKey::Il6), 80.0);
    }
}
