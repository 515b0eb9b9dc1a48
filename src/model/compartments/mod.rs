//! The model's compartments, each advanced by its own function from explicit inputs; `Patient`
//! only orchestrates them (see `patient.rs`): once a day the marrow conveyor and the red cells, every
//! internal step the hormones, blood volume, iron and vitamins.

pub(crate) mod blood;
pub(crate) mod hormones;
pub(crate) mod iron;
pub(crate) mod marrow;
pub(crate) mod vitamins;

use std::f64::consts::LN_2;

use super::physiology::*;
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
    /// Iron enterocytes take up from a meal of the diet per unit of import drive, mg
    /// ([`enterocyte_uptake_mg`] of a meal's iron at drive 1: the uptake is proportional to the
    /// drive, so this times the drive is the very value it gives).
    pub diet_iron_uptake_per_import_drive_mg: f64,
    /// The shares of the processes with fixed rates over one step.
    pub fixed: FixedShares,
}

/// The shares that first-order processes with fixed rates move in one step
/// ([`first_order_share`] of the rate and the step), worked out once rather than every step: each
/// is an exponential, and the page's size-first build does not fold them away itself.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct FixedShares {
    /// Plasma volume toward what the red cells leave room for.
    pub plasma_refill: f64,
    /// An IL-6 blocker's effect washing out after the course.
    pub anti_il6_washout: f64,
    /// The acute-phase response adapting to the IL-6 level.
    pub inflammation_adaptation: f64,
    /// EPO toward the kidneys' output (its half-life).
    pub epo: f64,
    /// Injected epoetin absorbed from the depot and eliminated from plasma.
    pub esa_absorption: f64,
    pub esa_elimination: f64,
    /// Hepcidin toward the liver's target (its half-life).
    pub hepcidin: f64,
    /// Transferrin (TIBC) toward its target (its half-life).
    pub transferrin: f64,
    /// Ferritin's acute-phase factor toward its target.
    pub ferritin_acute_phase: f64,
    /// Injected B12 leaving plasma.
    pub b12_injection_clearance: f64,
    /// The folate store turning over.
    pub folate_loss: f64,
    /// Serum folate following recent intake, and folic acid's bypass following recent doses.
    pub serum_folate: f64,
    pub folic_acid: f64,
    /// Macrophages freeing the iron of an IV iron complex.
    pub iv_iron_processing: f64,
    /// Ferritin broken down into the macrophages' labile iron (ferritinophagy).
    pub storage_turnover: f64,
    /// The liver clearing non-transferrin-bound iron.
    pub ntbi_clearance: f64,
    /// The erythroblasts' iron sufficiency following the day's delivery.
    pub iron_sufficiency: f64,
    /// Reversible nerve damage building and recovering.
    pub neuro: NeuroShares,
}

impl FixedShares {
    /// The shares over steps of `step_days`.
    pub fn new(step_days: f64) -> FixedShares {
        let share = |rate_per_day: f64| first_order_share(rate_per_day, step_days);
        FixedShares {
            plasma_refill: share(PLASMA_REFILL_PER_DAY),
            anti_il6_washout: share(LN_2 / ANTI_IL6_WASHOUT_HALF_LIFE_DAYS),
            inflammation_adaptation: share(1.0 / INFLAMMATION_ADAPTATION_DAYS),
            epo: share(LN_2 / EPO_HALF_LIFE_DAYS),
            esa_absorption: share(LN_2 / ESA_ABSORPTION_HALF_LIFE_DAYS),
            esa_elimination: share(LN_2 / ESA_ELIMINATION_HALF_LIFE_DAYS),
            hepcidin: share(LN_2 / HEPCIDIN_HALF_LIFE_DAYS),
            transferrin: share(LN_2 / TRANSFERRIN_HALF_LIFE_DAYS),
            ferritin_acute_phase: share(1.0 / FERRITIN_ACUTE_PHASE_TIME_CONSTANT_DAYS),
            b12_injection_clearance: share(B12_INJECTION_CLEARANCE_PER_DAY),
            folate_loss: share(FOLATE_LOSS_PER_DAY),
            serum_folate: share(1.0 / SERUM_FOLATE_TIME_CONSTANT_DAYS),
            folic_acid: share(1.0 / FOLIC_ACID_TIME_CONSTANT_DAYS),
            iv_iron_processing: share(LN_2 / IV_IRON_PROCESSING_HALF_LIFE_DAYS),
            storage_turnover: share(STORAGE_TURNOVER_PER_DAY),
            ntbi_clearance: share(NTBI_CLEARANCE_PER_DAY),
            iron_sufficiency: share(1.0 / IRON_SUFFICIENCY_TIME_CONSTANT_DAYS),
            neuro: NeuroShares::over(step_days),
        }
    }
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
            diet_iron_uptake_per_import_drive_mg: enterocyte_uptake_mg(
                settings.iron_intake_mg_per_day / IRON_MEALS_PER_DAY,
                1.0,
            ),
            fixed: FixedShares::new(step_days),
        }
    }
}

/// A pure function's value, remembered for the inputs it was last worked out for: asked again
/// for the same inputs, it gives the remembered value instead of working it out. The value is
/// always the very one the function gives, so results are the same whether or not it was
/// remembered.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Remembered<Inputs> {
    inputs: Option<Inputs>,
    value: f64,
}

impl<Inputs: PartialEq + Copy> Remembered<Inputs> {
    /// Nothing remembered yet.
    pub fn new() -> Remembered<Inputs> {
        Remembered {
            inputs: None,
            value: f64::NAN,
        }
    }

    /// `function` of `inputs`, worked out only if the inputs differ from the last ones (inputs
    /// that hold NaN differ from everything, so they are always worked out).
    #[inline(always)]
    pub fn get(&mut self, inputs: Inputs, function: impl FnOnce(Inputs) -> f64) -> f64 {
        if self.inputs != Some(inputs) {
            self.value = function(inputs);
            self.inputs = Some(inputs);
        }
        self.value
    }
}

/// What the fast step remembers from one step to the next: values of pure functions of slow
/// variables, which at most steps of a steady state are asked for again with the very same
/// inputs (hemoglobin changes only when the red cells or the plasma volume do; the vitamin
/// stores settle). Each spares exponentials or divisions there. Not part of the state: a new
/// memory at any step gives the same results.
#[derive(Clone, Copy, Debug)]
pub(crate) struct StepMemory {
    /// The kidney's oxygen sensor: the EPO a hemoglobin calls for, by hemoglobin (g/dL).
    pub epo_for_hemoglobin: Remembered<f64>,
    /// The vitamins' own.
    pub vitamins: vitamins::VitaminMemory,
}

impl StepMemory {
    /// Nothing remembered yet.
    pub fn new() -> StepMemory {
        StepMemory {
            epo_for_hemoglobin: Remembered::new(),
            vitamins: vitamins::VitaminMemory::new(),
        }
    }
}

/// Moves `value` toward `target` by `share` of the gap (a [`FixedShares`] share, say).
pub(crate) fn relax_by(value: &mut f64, target: f64, share: f64) {
    *value += (target - *value) * share;
}
