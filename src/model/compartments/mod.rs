//! The model's compartments, each advanced by its own function from explicit inputs; `Patient`
//! only orchestrates them (see `patient.rs`): once a day the marrow conveyor and the red cells, every
//! internal step the hormones, blood volume, iron and vitamins.

pub(crate) mod blood;
pub(crate) mod hormones;
pub(crate) mod iron;
pub(crate) mod marrow;
pub(crate) mod vitamins;

use super::physiology::{
    b12_absorbed_ug_per_day, b12_loss_per_day, first_order_share, renal_epo_capacity,
    renal_hepcidin_retention,
};
use super::settings::Settings;

/// What the settings alone decide in the fast step, worked out once when the settings change
/// rather than four times a simulated day (each is a power, an exponential or a chain of
/// divisions). Every value is the very expression the step used before, so results are the same
/// to the last bit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct SettingsEffects {
    /// The step these are for, days.
    pub step_days: f64,
    /// The kidneys' capacity to make EPO, relative to health.
    pub renal_epo_capacity: f64,
    /// How much higher hepcidin runs because the kidneys clear less of it.
    pub renal_hepcidin_retention: f64,
    /// B12 absorbed from the diet through the relay, µg/day.
    pub b12_absorbed_ug_per_day: f64,
    /// Share of the B12 store lost in one step.
    pub b12_loss_share: f64,
}

impl SettingsEffects {
    /// The effects of `settings` on steps of `step_days`.
    pub fn new(settings: &Settings, step_days: f64) -> SettingsEffects {
        SettingsEffects {
            step_days,
            renal_epo_capacity: renal_epo_capacity(settings.egfr_ml_per_min),
            renal_hepcidin_retention: renal_hepcidin_retention(settings.egfr_ml_per_min),
            b12_absorbed_ug_per_day: b12_absorbed_ug_per_day(settings),
            b12_loss_share: first_order_share(b12_loss_per_day(settings), step_days),
        }
    }
}

/// Moves `value` toward `target` with first-order kinetics at `rate_per_day`, exactly for a step.
pub(crate) fn relax(value: &mut f64, target: f64, rate_per_day: f64, dt_days: f64) {
    *value += (target - *value) * first_order_share(rate_per_day, dt_days);
}
