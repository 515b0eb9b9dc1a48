//! What the page shows of the model's inner workings, beyond the lab report: one readout per
//! moment, computed by the model so that no view code re-derives physiology from the state.

use super::patient::{Patient, PatientState};
use super::physiology::*;

/// The model's mechanisms as the factory shows them. Relative values are 1 in the healthy adult.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Readout {
    /// Ferroportin on enterocytes (the gut's iron gate), relative to health.
    pub gut_gate_openness: f64,
    /// Ferroportin on macrophages (the warehouse's iron gate), relative to health.
    pub warehouse_gate_openness: f64,
    /// Hepcidin relative to the healthy adult.
    pub hepcidin_relative: f64,
    /// Iron held in macrophages and stores, relative to healthy stores.
    pub warehouse_iron_relative: f64,
    /// Erythroblasts and marrow reticulocytes relative to health (the factory floor's workforce).
    pub erythroid_mass_relative: f64,
    /// Share of the erythroblasts' iron demand that transferrin delivers (0–1).
    pub erythroid_iron_supply: f64,
    /// The tissues' response to IL-6 (0 none … 1 saturated): the cytokine smoke.
    pub inflammation_response: f64,
    /// DNA-synthesis capacity of erythroblasts (1 normal; low: megaloblasts).
    pub dna_synthesis: f64,
    /// Tissue B12 and folate sufficiency (0–1): the blueprint office's supplies.
    pub b12_sufficiency: f64,
    pub folate_sufficiency: f64,
    /// B12 absorbed from the diet, µg/day (relay and passive route).
    pub b12_absorbed_ug_per_day: f64,
    /// Red cells released into blood per day, relative to health.
    pub output_relative: f64,
    /// Red-cell output a healthy marrow would reach at this Hb, relative to health: what the
    /// anemia calls for (the EPO a healthy kidney sends, through the CFU-E response).
    pub output_called_for: f64,
    /// The kidneys' capacity to make EPO, relative to health.
    pub kidney_capacity: f64,
}

impl Patient {
    /// The readout of the model's mechanisms now.
    pub fn readout(&self) -> Readout {
        let state = &self.state;
        Readout {
            gut_gate_openness: state.hormones.ferroportin_gut_relative,
            warehouse_gate_openness: state.hormones.ferroportin_macrophage_relative,
            hepcidin_relative: state.hormones.hepcidin_relative
                / healthy().hormones.hepcidin_relative,
            warehouse_iron_relative: (state.iron.storage_iron_mg + state.iron.macrophage_iron_mg)
                / HEALTHY_STORAGE_IRON_MG,
            erythroid_mass_relative: state.erythroid_mass_relative()
                / healthy().erythroid_mass_relative(),
            erythroid_iron_supply: state.iron.erythroid_iron_delivery,
            inflammation_response: il6_response(self.il6_effective_pg_ml()),
            dna_synthesis: state.vitamins.dna_synthesis,
            b12_sufficiency: b12_sufficiency(state.vitamins.b12_stores_ug).clamp(0.0, 1.0),
            folate_sufficiency: folate_sufficiency(state.vitamins.folate_stores_mg).clamp(0.0, 1.0),
            b12_absorbed_ug_per_day: b12_absorbed_ug_per_day(&self.settings),
            output_relative: state.output_cells_per_day / HEALTHY_RED_CELL_OUTPUT_PER_DAY,
            output_called_for: self.output_called_for(),
            kidney_capacity: renal_epo_capacity(self.settings.egfr_ml_per_min),
        }
    }
}

fn healthy() -> &'static PatientState {
    static HEALTHY: std::sync::OnceLock<PatientState> = std::sync::OnceLock::new();
    HEALTHY.get_or_init(PatientState::healthy)
}
