//! Hormones and signals, every internal step: IL-6 (after any receptor blockade) and the acute-phase
//! adaptation, EPO from the kidney and injected epoetin, hepcidin from the liver and the ferroportin
//! it degrades, transferrin (TIBC) and ferritin's acute-phase factor.

use super::{relax_by, SettingsEffects};
use crate::model::physiology::*;
use crate::model::settings::Settings;

/// The hormones' state (relative to health unless a unit is named).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Hormones {
    /// Share of IL-6 signalling an IL-6 receptor blocker stops now (0–1).
    pub anti_il6_blockade: f64,
    /// The IL-6 response the acute-phase ferroportin repression has adapted to (0–1).
    pub inflammation_adapted_response: f64,
    /// EPO from the kidneys, mU/mL.
    pub epo_endogenous_mu_ml: f64,
    /// Injected epoetin in the subcutaneous depot, IU, and in plasma, mU/mL.
    pub esa_depot_iu: f64,
    pub esa_plasma_mu_ml: f64,
    pub hepcidin_relative: f64,
    /// Ferroportin on macrophages (and hepatocytes) and on enterocytes.
    pub ferroportin_macrophage_relative: f64,
    pub ferroportin_gut_relative: f64,
    /// Total iron-binding capacity (transferrin), µg/dL.
    pub tibc_ug_dl: f64,
    /// Factor by which the acute phase raises serum ferritin over what the stores say.
    pub ferritin_acute_phase_factor: f64,
}

impl Hormones {
    /// A first guess at the healthy adult's hormones (settling refines them).
    pub fn healthy() -> Hormones {
        Hormones {
            anti_il6_blockade: 0.0,
            inflammation_adapted_response: 0.0,
            epo_endogenous_mu_ml: HEALTHY_EPO_MU_ML,
            esa_depot_iu: 0.0,
            esa_plasma_mu_ml: 0.0,
            hepcidin_relative: 1.0,
            ferroportin_macrophage_relative: 1.0,
            ferroportin_gut_relative: 1.0,
            tibc_ug_dl: HEALTHY_TIBC_UG_DL,
            ferritin_acute_phase_factor: 1.0,
        }
    }

    /// EPO in plasma, endogenous and injected, mU/mL.
    pub fn epo_mu_ml(&self) -> f64 {
        self.epo_endogenous_mu_ml + self.esa_plasma_mu_ml
    }
}

/// What the hormones read from the rest of the body at the start of a step.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Signals {
    /// The EPO that the hemoglobin calls for by the Symeonidis curve, mU/mL (the kidney's oxygen
    /// sensor; [`symeonidis_epo_mu_ml`] of the hemoglobin).
    pub epo_for_hemoglobin_mu_ml: f64,
    /// Transferrin saturation, fraction (the liver's iron sensor).
    pub transferrin_saturation: f64,
    /// Storage iron, mg (the liver's store sensor, BMP6).
    pub storage_iron_mg: f64,
    /// Erythroid mass relative to health (erythroferrone).
    pub erythroid_mass_relative: f64,
    /// How the marrow's EPO receptors lower EPO ([`epo_receptor_clearance_factor`] of the
    /// erythroid mass).
    pub epo_receptor_clearance_factor: f64,
}

/// Anti-IL-6 blockade and the acute-phase adaptation; returns the effective IL-6, pg/mL.
pub(crate) fn inflammation_step(
    state: &mut Hormones,
    settings: &Settings,
    anti_il6_on: bool,
    effects: &SettingsEffects,
) -> f64 {
    let shares = &effects.fixed;
    // Anti-IL-6: blockade on while the course runs, washing out after it.
    state.anti_il6_blockade = if anti_il6_on {
        ANTI_IL6_BLOCKADE
    } else {
        state.anti_il6_blockade * (1.0 - shares.anti_il6_washout)
    };
    let il6 = settings.il6_pg_per_ml * (1.0 - state.anti_il6_blockade);
    relax_by(
        &mut state.inflammation_adapted_response,
        il6_response(il6),
        shares.inflammation_adaptation,
    );
    il6
}

/// EPO (endogenous and injected), hepcidin, ferroportin, transferrin and ferritin's acute phase
/// over `dt` days, for an effective IL-6 and the signals read at the start of the step; the
/// kidneys' part comes from the settings' `effects`.
pub(crate) fn hormones_step(
    state: &mut Hormones,
    effects: &SettingsEffects,
    il6: f64,
    signals: Signals,
    esa_dose_iu: f64,
    dt: f64,
) {
    let saturation = signals.transferrin_saturation;
    let shares = &effects.fixed;
    // EPO: the kidney's order follows hemoglobin (Symeonidis), limited by eGFR, blunted by
    // inflammation and cleared partly by the erythroid mass.
    let epo_target = signals.epo_for_hemoglobin_mu_ml
        * effects.renal_epo_capacity
        * epo_inflammation_factor(il6)
        * signals.epo_receptor_clearance_factor;
    relax_by(&mut state.epo_endogenous_mu_ml, epo_target, shares.epo);

    // Epoetin: subcutaneous depot → plasma → elimination.
    state.esa_depot_iu += esa_dose_iu * ESA_BIOAVAILABILITY;
    let absorbed_iu = state.esa_depot_iu * shares.esa_absorption;
    state.esa_depot_iu -= absorbed_iu;
    state.esa_plasma_mu_ml += absorbed_iu * 1000.0 / ESA_DISTRIBUTION_VOLUME_ML;
    state.esa_plasma_mu_ml *= 1.0 - shares.esa_elimination;

    // Hepcidin and ferroportin.
    let erythroferrone =
        erythroferrone_relative(signals.erythroid_mass_relative, state.epo_mu_ml());
    let hepcidin_goal = hepcidin_target(
        signals.storage_iron_mg,
        saturation,
        il6,
        erythroferrone,
        effects.renal_hepcidin_retention,
    );
    relax_by(&mut state.hepcidin_relative, hepcidin_goal, shares.hepcidin);
    // Both ferroportins turn over at the rate hepcidin sets: one share for both.
    let ferroportin_share =
        first_order_share(ferroportin_degradation_per_day(state.hepcidin_relative), dt);
    relax_by(
        &mut state.ferroportin_macrophage_relative,
        ferroportin_steady(
            state.hepcidin_relative,
            ferroportin_transcription(il6, state.inflammation_adapted_response),
        ),
        ferroportin_share,
    );
    relax_by(
        &mut state.ferroportin_gut_relative,
        ferroportin_steady(state.hepcidin_relative, 1.0),
        ferroportin_share,
    );
    relax_by(
        &mut state.tibc_ug_dl,
        tibc_target_ug_dl(signals.storage_iron_mg, il6),
        shares.transferrin,
    );
    relax_by(
        &mut state.ferritin_acute_phase_factor,
        ferritin_acute_phase_target(il6),
        shares.ferritin_acute_phase,
    );
}
