//! The settled state: the long-run state that a patient's settings lead to (`"start": "settled"`
//! and the page's jump).
//!
//! The slow first-order stores (B12, folate) are set straight to their analytic steady values;
//! everything else (blood, iron, hormones) is then simulated for [`SETTLING_DAYS`], which covers
//! several red-cell lifespans and the iron stores' slowest adjustment. The irreversible part of the
//! nerve damage is not accrued while settling: it measures time untreated, not a steady state, so a
//! settled patient is one whose long-run blood picture has just been found.

use super::patient::{Patient, PatientState};
use super::physiology::{
    b12_absorbed_ug_per_day, b12_loss_per_day, FOLATE_LOSS_PER_DAY, FOOD_FOLATE_BIOAVAILABILITY,
};
use super::settings::Settings;

/// Days simulated to settle blood and iron.
pub const SETTLING_DAYS: f64 = 2000.0;

/// The long-run state of `settings`, at day 0 with the iron ledger's totals at zero.
pub fn settled_state(settings: &Settings) -> PatientState {
    let mut start = PatientState::healthy();
    start.b12_stores_ug = b12_absorbed_ug_per_day(settings) / b12_loss_per_day(settings);
    start.folate_stores_mg = settings.folate_intake_ug_per_day * 1e-3 * FOOD_FOLATE_BIOAVAILABILITY
        / FOLATE_LOSS_PER_DAY;
    let mut patient = Patient::from_state(*settings, start);
    patient.advance_to(SETTLING_DAYS);
    let mut state = patient.state;
    state.steps_taken = 0;
    state.iron_absorbed_mg_total = 0.0;
    state.iron_given_mg_total = 0.0;
    state.iron_lost_mg_total = 0.0;
    state.neuro_irreversible = 0.0;
    state
}

impl Patient {
    /// A patient in the long-run state of `settings`.
    pub fn settled(settings: Settings) -> Patient {
        Patient::from_state(settings, settled_state(&settings))
    }

    /// Jumps to the long-run state of the current settings, keeping the day count and the iron
    /// ledger's totals consistent (the jump's iron difference is booked as absorbed or lost).
    pub fn jump_to_settled(&mut self) {
        let before = self.state.body_iron_mg();
        let mut settled = settled_state(&self.settings);
        settled.steps_taken = self.state.steps_taken;
        settled.iron_absorbed_mg_total = self.state.iron_absorbed_mg_total;
        settled.iron_given_mg_total = self.state.iron_given_mg_total;
        settled.iron_lost_mg_total = self.state.iron_lost_mg_total;
        let change = settled.body_iron_mg() - before;
        if change >= 0.0 {
            settled.iron_absorbed_mg_total += change;
        } else {
            settled.iron_lost_mg_total -= change;
        }
        settled.neuro_irreversible = self.state.neuro_irreversible;
        self.state = settled;
    }
}
