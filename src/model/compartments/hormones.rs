//! Hormones and signals, every internal step: IL-6 (after any receptor blockade) and the acute-phase
//! adaptation, EPO from the kidney and injected epoetin, hepcidin from the liver and the ferroportin
//! it degrades, transferrin (TIBC) and ferritin's acute-phase factor.

use super::relax;
use crate::model::patient::PatientState;
use crate::model::physiology::*;
use crate::model::settings::Settings;

/// What the hormones read from the rest of the body at the start of a step.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Signals {
    /// Hemoglobin, g/dL (the kidney's oxygen sensor).
    pub hemoglobin_g_dl: f64,
    /// Transferrin saturation, fraction (the liver's iron sensor).
    pub transferrin_saturation: f64,
}

/// Anti-IL-6 blockade and the acute-phase adaptation; returns the effective IL-6, pg/mL.
pub(crate) fn inflammation_step(
    state: &mut PatientState,
    settings: &Settings,
    anti_il6_on: bool,
    dt: f64,
) -> f64 {
    // Anti-IL-6: blockade on while the course runs, washing out after it.
    state.anti_il6_blockade = if anti_il6_on {
        ANTI_IL6_BLOCKADE
    } else {
        state.anti_il6_blockade
            * (1.0
                - first_order_share(std::f64::consts::LN_2 / ANTI_IL6_WASHOUT_HALF_LIFE_DAYS, dt))
    };
    let il6 = settings.il6_pg_per_ml * (1.0 - state.anti_il6_blockade);
    relax(
        &mut state.inflammation_adapted_response,
        il6_response(il6),
        1.0 / INFLAMMATION_ADAPTATION_DAYS,
        dt,
    );
    il6
}

/// EPO (endogenous and injected), hepcidin, ferroportin, transferrin and ferritin's acute phase
/// over `dt` days, for an effective IL-6 and the signals read at the start of the step.
pub(crate) fn hormones_step(
    state: &mut PatientState,
    settings: &Settings,
    il6: f64,
    signals: Signals,
    esa_dose_iu: f64,
    dt: f64,
) {
    let hemoglobin = signals.hemoglobin_g_dl;
    let saturation = signals.transferrin_saturation;
    // EPO: the kidney's order follows hemoglobin (Symeonidis), limited by eGFR, blunted by
    // inflammation and cleared partly by the erythroid mass.
    let epo_target = symeonidis_epo_mu_ml(hemoglobin)
        * renal_epo_capacity(settings.egfr_ml_per_min)
        * epo_inflammation_factor(il6)
        * epo_receptor_clearance_factor(state.erythroid_mass_relative());
    relax(
        &mut state.epo_endogenous_mu_ml,
        epo_target,
        std::f64::consts::LN_2 / EPO_HALF_LIFE_DAYS,
        dt,
    );

    // Epoetin: subcutaneous depot → plasma → elimination.
    state.esa_depot_iu += esa_dose_iu * ESA_BIOAVAILABILITY;
    let absorbed_iu = state.esa_depot_iu
        * first_order_share(std::f64::consts::LN_2 / ESA_ABSORPTION_HALF_LIFE_DAYS, dt);
    state.esa_depot_iu -= absorbed_iu;
    state.esa_plasma_mu_ml += absorbed_iu * 1000.0 / ESA_DISTRIBUTION_VOLUME_ML;
    state.esa_plasma_mu_ml *=
        1.0 - first_order_share(std::f64::consts::LN_2 / ESA_ELIMINATION_HALF_LIFE_DAYS, dt);

    // Hepcidin and ferroportin.
    let erythroferrone = state.erythroferrone_relative();
    let hepcidin_goal = hepcidin_target(
        state.storage_iron_mg,
        saturation,
        il6,
        erythroferrone,
        settings.egfr_ml_per_min,
    );
    relax(
        &mut state.hepcidin_relative,
        hepcidin_goal,
        std::f64::consts::LN_2 / HEPCIDIN_HALF_LIFE_DAYS,
        dt,
    );
    let degradation = ferroportin_degradation_per_day(state.hepcidin_relative);
    relax(
        &mut state.ferroportin_macrophage_relative,
        ferroportin_steady(
            state.hepcidin_relative,
            ferroportin_transcription(il6, state.inflammation_adapted_response),
        ),
        degradation,
        dt,
    );
    relax(
        &mut state.ferroportin_gut_relative,
        ferroportin_steady(state.hepcidin_relative, 1.0),
        degradation,
        dt,
    );
    relax(
        &mut state.tibc_ug_dl,
        tibc_target_ug_dl(state.storage_iron_mg, il6),
        std::f64::consts::LN_2 / TRANSFERRIN_HALF_LIFE_DAYS,
        dt,
    );
    relax(
        &mut state.ferritin_acute_phase_factor,
        ferritin_acute_phase_target(il6),
        1.0 / FERRITIN_ACUTE_PHASE_TIME_CONSTANT_DAYS,
        dt,
    );
}
