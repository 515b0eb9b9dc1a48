//! Vitamins, every internal step: B12 through the absorption relay and injections, folate from food
//! and folic acid, the DNA synthesis they allow (with the methyl trap), and the nerves.

use super::{relax_by, Remembered, SettingsEffects};
use crate::model::physiology::*;
use crate::model::settings::{SettingKey, Settings};

/// The vitamins' state: B12 and folate stores, what serum levels follow, the DNA synthesis they
/// allow and the nerve damage B12 deficiency leaves.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Vitamins {
    /// B12 in the body's stores, µg.
    pub b12_stores_ug: f64,
    /// B12 from an injection still in plasma, µg.
    pub b12_plasma_extra_ug: f64,
    /// Folate in the body's stores, mg.
    pub folate_stores_mg: f64,
    /// Recent folate intake relative to the healthy diet (what serum folate reflects).
    pub folate_recent_intake_relative: f64,
    /// Recent folic-acid dose, mg/day (what bypasses the methyl trap).
    pub folic_acid_recent_mg_per_day: f64,
    /// Nerve damage: the part B12 can undo and the part it cannot (0–1 each).
    pub neuro_reversible: f64,
    pub neuro_irreversible: f64,
    /// DNA-synthesis capacity of erythroblasts now (1 = normal).
    pub dna_synthesis: f64,
}

impl Vitamins {
    /// The healthy adult's vitamins.
    pub fn healthy() -> Vitamins {
        Vitamins {
            b12_stores_ug: HEALTHY_B12_STORES_UG,
            b12_plasma_extra_ug: 0.0,
            folate_stores_mg: HEALTHY_FOLATE_STORES_MG,
            folate_recent_intake_relative: 1.0,
            folic_acid_recent_mg_per_day: 0.0,
            neuro_reversible: 0.0,
            neuro_irreversible: 0.0,
            dna_synthesis: 1.0,
        }
    }

    /// Works the DNA synthesis out again from the stores as they are: after they were set
    /// directly (a scenario's `initial`), the first day's erythroblasts see them, not the
    /// capacity the stores had before.
    pub fn refresh_dna_synthesis(&mut self) {
        self.dna_synthesis = dna_synthesis(
            self.folate_stores_mg,
            b12_sufficiency(self.b12_stores_ug),
            self.folic_acid_recent_mg_per_day,
        );
    }
}

/// The erythroblasts' DNA-synthesis capacity (1 = normal) that a folate store (mg), a B12
/// sufficiency and a recent folic-acid dose (mg/day) allow.
fn dna_synthesis(folate_stores_mg: f64, b12_status: f64, folic_acid_recent_mg_per_day: f64) -> f64 {
    usable_folate(
        folate_sufficiency(folate_stores_mg),
        b12_status,
        folic_acid_recent_mg_per_day,
    )
    .clamp(0.05, 1.0)
}

/// What [`vitamins_step`] remembers from one step to the next (see [`super::StepMemory`]).
#[derive(Clone, Copy, Debug)]
pub(crate) struct VitaminMemory {
    /// [`b12_sufficiency`], by B12 store (µg).
    b12_sufficiency: Remembered<f64>,
    /// DNA synthesis, by folate store (mg), B12 sufficiency and recent folic acid (mg/day).
    dna_synthesis: Remembered<[f64; 3]>,
    /// Folate intake relative to the healthy diet, by dietary folate (µg/day) and folic acid
    /// (mg/day).
    folate_intake_relative: Remembered<[f64; 2]>,
}

impl VitaminMemory {
    /// Nothing remembered yet.
    pub fn new() -> VitaminMemory {
        VitaminMemory {
            b12_sufficiency: Remembered::new(),
            dna_synthesis: Remembered::new(),
            folate_intake_relative: Remembered::new(),
        }
    }
}

/// B12 and folate stores, DNA synthesis and nerve damage over one step, from the diet in
/// `settings`, the B12 absorption and loss that the settings' `effects` give, and a folic-acid
/// course of `folic_acid_mg_per_day`: a pure function of its inputs (`memory` only spares work).
pub(crate) fn vitamins_step(
    state: &mut Vitamins,
    settings: &Settings,
    effects: &SettingsEffects,
    folic_acid_mg_per_day: f64,
    memory: &mut VitaminMemory,
) {
    let dt = effects.step_days;
    let shares = &effects.fixed;
    // Vitamin B12: diet through the relay; an injection mostly leaves in urine, part is kept.
    let b12_absorbed = effects.b12_absorbed_ug_per_day * dt;
    let from_injection = state.b12_plasma_extra_ug * shares.b12_injection_clearance;
    state.b12_plasma_extra_ug -= from_injection;
    state.b12_stores_ug += b12_absorbed + from_injection * B12_INJECTION_RETAINED;
    state.b12_stores_ug -= state.b12_stores_ug * effects.b12_loss_share;

    // Folate: food folate and folic acid fill the store, which turns over in months.
    let folate_absorbed_mg =
        settings.folate_intake_ug_per_day * 1e-3 * FOOD_FOLATE_BIOAVAILABILITY * dt
            + folic_acid_mg_per_day * FOLIC_ACID_ABSORBED * dt;
    state.folate_stores_mg += folate_absorbed_mg;
    state.folate_stores_mg -= state.folate_stores_mg * shares.folate_loss;
    let intake_relative = memory.folate_intake_relative.get(
        [settings.folate_intake_ug_per_day, folic_acid_mg_per_day],
        |[folate_intake_ug_per_day, folic_acid_mg_per_day]| {
            let healthy_folate_intake = SettingKey::FolateIntake.spec().healthy;
            (folate_intake_ug_per_day * 1e-3 * FOOD_FOLATE_BIOAVAILABILITY
                + folic_acid_mg_per_day * FOLIC_ACID_ABSORBED)
                / (healthy_folate_intake * 1e-3 * FOOD_FOLATE_BIOAVAILABILITY)
        },
    );
    relax_by(
        &mut state.folate_recent_intake_relative,
        intake_relative,
        shares.serum_folate,
    );
    relax_by(
        &mut state.folic_acid_recent_mg_per_day,
        folic_acid_mg_per_day,
        shares.folic_acid,
    );

    // DNA synthesis and the nerves.
    let b12_status = memory
        .b12_sufficiency
        .get(state.b12_stores_ug, b12_sufficiency);
    let dna_inputs = [
        state.folate_stores_mg,
        b12_status,
        state.folic_acid_recent_mg_per_day,
    ];
    state.dna_synthesis = memory.dna_synthesis.get(
        dna_inputs,
        |[folate_stores_mg, b12_status, folic_acid_recent_mg_per_day]| {
            dna_synthesis(folate_stores_mg, b12_status, folic_acid_recent_mg_per_day)
        },
    );
    (state.neuro_reversible, state.neuro_irreversible) = neuro_step(
        state.neuro_reversible,
        state.neuro_irreversible,
        b12_status,
        dt,
        shares.neuro,
    );
}
