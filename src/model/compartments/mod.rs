//! The model's compartments, each advanced by its own function from explicit inputs; `Patient`
//! only orchestrates them (see `patient.rs`): once a day the marrow conveyor and the red cells, every
//! internal step the hormones, blood volume, iron and vitamins.

pub(crate) mod blood;
pub(crate) mod hormones;
pub(crate) mod iron;
pub(crate) mod marrow;
pub(crate) mod vitamins;

use super::physiology::first_order_share;

/// Moves `value` toward `target` with first-order kinetics at `rate_per_day`, exactly for a step.
pub(crate) fn relax(value: &mut f64, target: f64, rate_per_day: f64, dt_days: f64) {
    *value += (target - *value) * first_order_share(rate_per_day, dt_days);
}
