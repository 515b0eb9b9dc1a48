//! The settled state: the long-run state that a patient's settings lead to (`"start": "settled"`
//! and the page's jump), found as a fixed point and checked by running on (no lab moves more than
//! 1 % over ten more years: tests/mechanisms.rs).
//!
//! The slow first-order stores (B12, folate) are set straight to their analytic steady values. The
//! body's iron then settles on the slowest time scale of the model (years: absorption against loss
//! and the stores' trap), so the storage pool is found by accelerated iteration: the blood, marrow
//! and hormones are simulated in rounds, and each round extrapolates the storage iron's geometric
//! approach to its limit (Aitken's Δ²), until a round moves it by less than
//! [`SETTLED_STORE_TOLERANCE`]. The nerves carry what a year of the settled deficiency leaves.

use super::patient::{Patient, PatientState};
use super::physiology::{
    b12_absorbed_ug_per_day, b12_loss_per_day, b12_sufficiency, neuro_step, NeuroShares,
    FOLATE_LOSS_PER_DAY, FOOD_FOLATE_BIOAVAILABILITY,
};
use super::settings::Settings;

/// Days simulated before the first extrapolation: several red-cell lifespans.
pub const SETTLING_DAYS: f64 = 600.0;
/// Days per half-round of the accelerated iteration.
const ROUND_DAYS: f64 = 150.0;
/// Most rounds tried (each 2 × [`ROUND_DAYS`]).
const MAX_ROUNDS: usize = 16;
/// A round that moves storage iron by less than this share (or 0.05 mg) ends the search.
pub const SETTLED_STORE_TOLERANCE: f64 = 5e-5;
/// How long a settled patient is taken to have lived with the settled deficiency when they present,
/// days: what sets the irreversible part of B12 nerve damage. Tuned for teaching (presentation about
/// a year after tissue B12 runs short).
pub const PRESENTATION_AFTER_DAYS: usize = 365;

/// Runs `patient` (no events) into its long-run state by the accelerated iteration.
pub(crate) fn settle(patient: &mut Patient) {
    patient.advance_to(patient.day() + SETTLING_DAYS);
    for _ in 0..MAX_ROUNDS {
        let before = patient.state.iron.storage_iron_mg;
        let day = patient.day();
        patient.advance_to(day + ROUND_DAYS);
        let middle = patient.state.iron.storage_iron_mg;
        patient.advance_to(day + 2.0 * ROUND_DAYS);
        let after = patient.state.iron.storage_iron_mg;
        let (first, second) = (middle - before, after - middle);
        if second.abs() < SETTLED_STORE_TOLERANCE * after.max(0.0) + 0.05 {
            break;
        }
        // A geometric approach (same sign, shrinking) has its limit at after + second·q/(1 − q).
        let ratio = second / first;
        if first != 0.0 && ratio > 0.0 && ratio < 0.99 {
            let limit = after + second * ratio / (1.0 - ratio);
            patient.state.iron.storage_iron_mg = limit.clamp(0.25 * after, 4.0 * after.max(1.0));
        }
    }
}

/// The long-run state of `settings`, at day 0 with the iron ledger's totals at zero.
pub(crate) fn settled_state(settings: &Settings) -> PatientState {
    let mut start = PatientState::healthy();
    start.vitamins.b12_stores_ug = b12_absorbed_ug_per_day(settings) / b12_loss_per_day(settings);
    start.vitamins.folate_stores_mg =
        settings.folate_intake_ug_per_day * 1e-3 * FOOD_FOLATE_BIOAVAILABILITY
            / FOLATE_LOSS_PER_DAY;
    let b12_status = b12_sufficiency(start.vitamins.b12_stores_ug);
    let mut patient = Patient::from_state(*settings, start);
    settle(&mut patient);
    let mut state = patient.state;
    state.steps_taken = 0;
    state.iron.iron_absorbed_mg_total = 0.0;
    state.iron.iron_given_mg_total = 0.0;
    state.iron.iron_lost_mg_total = 0.0;
    (
        state.vitamins.neuro_reversible,
        state.vitamins.neuro_irreversible,
    ) = (0.0, 0.0);
    for _ in 0..PRESENTATION_AFTER_DAYS {
        (
            state.vitamins.neuro_reversible,
            state.vitamins.neuro_irreversible,
        ) = neuro_step(
            state.vitamins.neuro_reversible,
            state.vitamins.neuro_irreversible,
            b12_status,
            1.0,
            NeuroShares::over(1.0),
        );
    }
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
        settled.iron.iron_absorbed_mg_total = self.state.iron.iron_absorbed_mg_total;
        settled.iron.iron_given_mg_total = self.state.iron.iron_given_mg_total;
        settled.iron.iron_lost_mg_total = self.state.iron.iron_lost_mg_total;
        let change = settled.body_iron_mg() - before;
        if change >= 0.0 {
            settled.iron.iron_absorbed_mg_total += change;
        } else {
            settled.iron.iron_lost_mg_total -= change;
        }
        settled.vitamins.neuro_irreversible = self
            .state
            .vitamins
            .neuro_irreversible
            .max(settled.vitamins.neuro_irreversible);
        self.state = settled;
    }
}
