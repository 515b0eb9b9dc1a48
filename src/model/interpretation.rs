//! What a clinician reads from the labs, computed from them: the marrow's response judged against
//! the anemia (RPI), EPO judged against the Hb (observed over expected), the sTfR/log ferritin
//! index and the Mentzer index. Thresholds are the published ones, named with their sources.

use super::labs::{LabKey, Labs};
use super::physiology::symeonidis_epo_mu_ml;

/// In anemia an RPI below this means the marrow is not answering (hypoproliferative); reference
/// section 1: "in anemia < 2 hypoproliferative, > 3 appropriate".
pub const RPI_ADEQUATE_IN_ANEMIA: f64 = 2.0;
/// Observed/expected log EPO at or below which EPO production is inadequate for the anemia
/// (Beguin 1993; Cazzola 1996 used ≤ 0.9 to predict a response to epoetin).
pub const EPO_OBSERVED_OVER_EXPECTED_LOW: f64 = 0.9;
/// sTfR/log10 ferritin below this points to inflammation without iron deficiency, above
/// [`STFR_INDEX_IRON_DEFICIENT`] to iron deficiency, with or without inflammation (Skikne 2011,
/// sTfR in mg/L by the Access assay, whose 0.8–1.8 mg/L range the model uses; reference section 1).
pub const STFR_INDEX_INFLAMMATION: f64 = 1.0;
pub const STFR_INDEX_IRON_DEFICIENT: f64 = 2.0;
/// Mentzer index (MCV in fL / RBC in 10¹²/L) above which a microcytosis is more likely iron
/// deficiency than thalassemia trait (Mentzer 1973).
pub const MENTZER_IRON_DEFICIENCY: f64 = 13.0;

/// How a value reads against its threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Nothing to judge (no anemia, no microcytosis).
    NotApplicable,
    Adequate,
    Inadequate,
    /// sTfR index: inflammation without iron deficiency.
    Inflammation,
    /// sTfR index: between the two cut-offs.
    Indeterminate,
    /// sTfR index or Mentzer: iron deficiency.
    IronDeficiency,
    /// Mentzer: thalassemia trait more likely.
    ThalassemiaTrait,
}

impl Reading {
    /// The reading as a `data-reading` attribute.
    pub const fn as_str(self) -> &'static str {
        match self {
            Reading::NotApplicable => "not_applicable",
            Reading::Adequate => "adequate",
            Reading::Inadequate => "inadequate",
            Reading::Inflammation => "inflammation",
            Reading::Indeterminate => "indeterminate",
            Reading::IronDeficiency => "iron_deficiency",
            Reading::ThalassemiaTrait => "thalassemia_trait",
        }
    }
}

/// The derived indices and what they say.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interpretation {
    /// Hb below the reference range.
    pub anemic: bool,
    pub rpi: f64,
    /// Adequate or inadequate marrow response (only in anemia).
    pub marrow_response: Reading,
    /// EPO a healthy kidney sends at this Hb (Symeonidis 2016), mU/mL.
    pub expected_epo_mu_ml: f64,
    /// log(observed EPO) / log(expected EPO).
    pub epo_observed_over_expected: f64,
    /// Adequate or inadequate (inappropriately low) EPO (only in anemia).
    pub epo_response: Reading,
    pub stfr_ferritin_index: f64,
    pub stfr_ferritin_reading: Reading,
    pub mentzer_index: f64,
    /// Only for a microcytosis.
    pub mentzer_reading: Reading,
}

impl Labs {
    /// What the labs say, read as a clinician reads them.
    pub fn interpretation(&self) -> Interpretation {
        let anemic = self.hb_g_dl < LabKey::Hemoglobin.spec().low.unwrap_or(0.0);
        let marrow_response = match (anemic, self.rpi >= RPI_ADEQUATE_IN_ANEMIA) {
            (false, _) => Reading::NotApplicable,
            (true, true) => Reading::Adequate,
            (true, false) => Reading::Inadequate,
        };
        let expected_epo_mu_ml = symeonidis_epo_mu_ml(self.hb_g_dl);
        let epo_observed_over_expected = if expected_epo_mu_ml > 1.0 && self.epo_mu_ml > 1.0 {
            self.epo_mu_ml.log10() / expected_epo_mu_ml.log10()
        } else {
            f64::NAN
        };
        let epo_response = match (
            anemic,
            epo_observed_over_expected > EPO_OBSERVED_OVER_EXPECTED_LOW,
        ) {
            (false, _) => Reading::NotApplicable,
            (true, true) => Reading::Adequate,
            (true, false) => Reading::Inadequate,
        };
        let stfr_ferritin_index = if self.ferritin_ng_ml > 1.0 {
            self.stfr_mg_l / self.ferritin_ng_ml.log10()
        } else {
            f64::INFINITY
        };
        let stfr_ferritin_reading = if stfr_ferritin_index < STFR_INDEX_INFLAMMATION {
            Reading::Inflammation
        } else if stfr_ferritin_index > STFR_INDEX_IRON_DEFICIENT {
            Reading::IronDeficiency
        } else {
            Reading::Indeterminate
        };
        let mentzer_index = self.mcv_fl / self.rbc_10e12_per_l.max(1e-9);
        let microcytic = self.mcv_fl < LabKey::Mcv.spec().low.unwrap_or(0.0);
        let mentzer_reading = match (microcytic, mentzer_index > MENTZER_IRON_DEFICIENCY) {
            (false, _) => Reading::NotApplicable,
            (true, true) => Reading::IronDeficiency,
            (true, false) => Reading::ThalassemiaTrait,
        };
        Interpretation {
            anemic,
            rpi: self.rpi,
            marrow_response,
            expected_epo_mu_ml,
            epo_observed_over_expected,
            epo_response,
            stfr_ferritin_index,
            stfr_ferritin_reading,
            mentzer_index,
            mentzer_reading,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Patient;
    use crate::presets::Preset;

    use super::*;

    fn read(preset: &str) -> Interpretation {
        Preset::find(preset)
            .unwrap()
            .patient()
            .labs()
            .interpretation()
    }

    #[test]
    fn a_healthy_adult_has_nothing_to_judge() {
        let reading = Patient::new(Default::default()).labs().interpretation();
        assert!(!reading.anemic);
        assert_eq!(reading.marrow_response, Reading::NotApplicable);
        assert_eq!(reading.epo_response, Reading::NotApplicable);
        assert!((reading.epo_observed_over_expected - 1.0).abs() < 0.05);
    }

    #[test]
    fn every_anemic_preset_has_an_inadequate_marrow_response() {
        for preset in [
            "iron_deficiency",
            "b12_deficiency",
            "inflammation",
            "ckd",
            "myeloma",
        ] {
            let reading = read(preset);
            assert!(reading.anemic, "{preset}");
            assert_eq!(reading.marrow_response, Reading::Inadequate, "{preset}");
        }
    }

    #[test]
    fn epo_is_inappropriately_low_in_ckd_and_appropriate_in_iron_deficiency() {
        assert_eq!(read("ckd").epo_response, Reading::Inadequate);
        assert_eq!(read("iron_deficiency").epo_response, Reading::Adequate);
        assert_eq!(read("b12_deficiency").epo_response, Reading::Adequate);
    }

    #[test]
    fn the_stfr_index_separates_iron_deficiency_from_inflammation() {
        assert_eq!(
            read("iron_deficiency").stfr_ferritin_reading,
            Reading::IronDeficiency
        );
        assert_eq!(
            read("inflammation").stfr_ferritin_reading,
            Reading::Inflammation
        );
        assert_eq!(
            read("iron_deficiency").mentzer_reading,
            Reading::IronDeficiency
        );
        assert_eq!(read("inflammation").mentzer_reading, Reading::NotApplicable);
    }
}
