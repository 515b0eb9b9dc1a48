//! Iron, every internal step: the gut (enterocytes), the macrophages and their stores (the
//! competing export and storage routes, ferritinophagy), basal losses, transferrin-bound plasma iron
//! and the non-transferrin-bound iron beyond its capacity, and what the erythroblasts take.

use super::{relax_by, SettingsEffects};
use crate::model::patient::STEPS_PER_DAY;
use crate::model::physiology::*;

/// The iron pools outside the red cells and erythroblasts, mg, with the ledger's totals and how
/// well the erythroblasts are supplied.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Iron {
    /// Transferrin-bound iron in plasma.
    pub plasma_iron_mg: f64,
    /// Iron beyond transferrin's capacity (non-transferrin-bound), cleared by the liver.
    pub non_transferrin_iron_mg: f64,
    /// IV iron-carbohydrate complex inside macrophages, not yet broken down.
    pub iv_iron_complex_mg: f64,
    /// The macrophages' labile (recycled) iron.
    pub macrophage_iron_mg: f64,
    /// Ferritin and hemosiderin in macrophages and liver.
    pub storage_iron_mg: f64,
    /// Iron inside enterocytes, not yet in the body: exported to plasma or shed with the cell.
    pub enterocyte_iron_mg: f64,
    /// Iron of cells taken up by macrophages today, still being digested (released over the day
    /// so that plasma iron does not jump once a day).
    pub digesting_iron_mg: f64,
    /// Oral iron taken but not yet through the enterocytes' uptake window.
    pub oral_iron_lumen_mg: f64,
    /// The ledger: iron absorbed, given (IV, transfusion) and lost since day 0.
    pub iron_absorbed_mg_total: f64,
    pub iron_given_mg_total: f64,
    pub iron_lost_mg_total: f64,
    /// Share of the erythroblasts' iron demand met in the last step, and smoothed over days
    /// (iron-restricted erythropoiesis acts on the smoothed share).
    pub erythroid_iron_delivery: f64,
    pub erythroid_iron_sufficiency: f64,
}

impl Iron {
    /// A first guess at the healthy adult's iron pools (settling refines them).
    pub fn healthy() -> Iron {
        Iron {
            plasma_iron_mg: HEALTHY_PLASMA_IRON_MG,
            non_transferrin_iron_mg: 0.0,
            iv_iron_complex_mg: 0.0,
            macrophage_iron_mg: 10.0,
            storage_iron_mg: HEALTHY_STORAGE_IRON_MG,
            enterocyte_iron_mg: 2.0,
            digesting_iron_mg: 0.0,
            oral_iron_lumen_mg: 0.0,
            iron_absorbed_mg_total: 0.0,
            iron_given_mg_total: 0.0,
            iron_lost_mg_total: 0.0,
            erythroid_iron_delivery: 1.0,
            erythroid_iron_sufficiency: 1.0,
        }
    }
}

/// What the iron pools read from the rest of the body at the start of a step.
#[derive(Clone, Copy, Debug)]
pub(crate) struct IronInputs {
    /// The EPO that the hemoglobin calls for, mU/mL (anemic hypoxia drives the gut's import:
    /// [`enterocyte_import_drive`]).
    pub epo_for_hemoglobin_mu_ml: f64,
    /// Transferrin saturation at the start of the step (basal losses follow it).
    pub transferrin_saturation: f64,
    /// Hepcidin and the ferroportin it leaves on enterocytes and macrophages (relative).
    pub hepcidin_relative: f64,
    pub ferroportin_gut_relative: f64,
    pub ferroportin_macrophage_relative: f64,
    /// How far cytokines have raised the macrophages' ferritin synthesis (1 in health):
    /// [`macrophage_ferritin_induction`].
    pub ferritin_induction: f64,
    /// Iron that transferrin in plasma can carry, mg.
    pub transferrin_capacity_mg: f64,
    /// Iron the erythroblasts need to fill their cells, mg/day.
    pub erythroid_demand_mg_per_day: f64,
}

/// Moves iron between the pools over `dt` days and returns the iron delivered to the
/// erythroblasts, mg. `oral_iron_today` is the oral dose swallowed at this step (mg);
/// `step_index_in_day` spreads the day's digested cells over its steps; `effects` are those of
/// the current settings (the diet's uptake and the fixed shares).
pub(crate) fn iron_step(
    state: &mut Iron,
    inputs: IronInputs,
    oral_iron_today: f64,
    step_index_in_day: u64,
    effects: &SettingsEffects,
    dt: f64,
) -> f64 {
    let shares = &effects.fixed;
    let saturation = inputs.transferrin_saturation;
    // Gut: diet (per meal) and oral iron (per dose) enter enterocytes through a saturable
    // import, then leave through ferroportin into plasma (absorbed) or are shed with the cell.
    state.oral_iron_lumen_mg += oral_iron_today;
    let import_drive =
        enterocyte_import_drive(state.storage_iron_mg, inputs.epo_for_hemoglobin_mu_ml)
            * hepcidin_import_factor(inputs.hepcidin_relative);
    let diet_uptake =
        effects.diet_iron_uptake_per_import_drive_mg * import_drive * IRON_MEALS_PER_DAY * dt;
    // With no dose in the lumen (most steps) there is no dose uptake: known without dividing.
    let dose_uptake = if state.oral_iron_lumen_mg == 0.0 {
        0.0
    } else {
        enterocyte_uptake_mg(state.oral_iron_lumen_mg, import_drive)
    };
    state.oral_iron_lumen_mg = 0.0;
    state.enterocyte_iron_mg += diet_uptake + dose_uptake;
    let export_rate = ENTEROCYTE_EXPORT_PER_DAY * inputs.ferroportin_gut_relative;
    let leaving =
        state.enterocyte_iron_mg * first_order_share(export_rate + ENTEROCYTE_SHEDDING_PER_DAY, dt);
    let absorbed = leaving * export_rate / (export_rate + ENTEROCYTE_SHEDDING_PER_DAY);
    state.enterocyte_iron_mg -= leaving;
    state.iron_absorbed_mg_total += absorbed;

    // Ferritin synthesis follows the labile pool as it stood before this step's inflows.
    let ferritin_synthesis =
        ferritin_synthesis_factor(state.macrophage_iron_mg, HEALTHY_MACROPHAGE_IRON_MG);

    // Digestion of the day's phagocytosed cells frees their iron evenly over the day.
    let steps_left_today = (STEPS_PER_DAY - step_index_in_day) as f64;
    let digested = state.digesting_iron_mg / steps_left_today;
    state.digesting_iron_mg -= digested;
    state.macrophage_iron_mg += digested;
    let from_iv_iron = state.iv_iron_complex_mg * shares.iv_iron_processing;
    state.iv_iron_complex_mg -= from_iv_iron;
    state.macrophage_iron_mg += from_iv_iron;

    // Macrophages: ferritin is broken down into the labile pool, and labile iron either leaves
    // through ferroportin or is laid down again as ferritin (competing routes).
    let from_ferritin = state.storage_iron_mg * shares.storage_turnover;
    state.storage_iron_mg -= from_ferritin;
    state.macrophage_iron_mg += from_ferritin;
    let macrophage_export_rate = MACROPHAGE_EXPORT_PER_DAY * inputs.ferroportin_macrophage_relative;
    // Cytokines induce ferritin synthesis too (more of the labile iron stays in the cell).
    let storage_rate =
        MACROPHAGE_TO_STORAGE_PER_DAY * ferritin_synthesis * inputs.ferritin_induction;
    let macrophage_leaving =
        state.macrophage_iron_mg * first_order_share(macrophage_export_rate + storage_rate, dt);
    let macrophage_export =
        macrophage_leaving * macrophage_export_rate / (macrophage_export_rate + storage_rate);
    state.macrophage_iron_mg -= macrophage_leaving;
    state.storage_iron_mg += macrophage_leaving - macrophage_export;

    // Basal losses (shed cells, sweat, urine) come from the stores.
    let basal_loss = (basal_iron_loss_mg_per_day(saturation) * dt).min(0.5 * state.storage_iron_mg);
    state.storage_iron_mg -= basal_loss;
    state.iron_lost_mg_total += basal_loss;

    // Plasma (transferrin) iron: implicit step, since it turns over ≈ 10× a day. Erythroblasts
    // take iron as their receptors meet saturated transferrin, never more than they need; the
    // liver takes a little, more when transferrin is nearly full.
    let demand_mg_per_day = inputs.erythroid_demand_mg_per_day;
    let capacity_mg = inputs.transferrin_capacity_mg.max(1e-9);
    let plasma_now = state.plasma_iron_mg.max(1e-6);
    let erythroid_rate =
        demand_mg_per_day * erythroid_iron_delivery(plasma_now / capacity_mg) / plasma_now;
    let hepatic_rate =
        HEPATIC_UPTAKE_PER_DAY * (plasma_now / capacity_mg) / HEALTHY_TRANSFERRIN_SATURATION;
    let influx = absorbed + macrophage_export;
    let plasma = (state.plasma_iron_mg + influx) / (1.0 + (erythroid_rate + hepatic_rate) * dt);
    let to_erythroid = (erythroid_rate * plasma * dt).min(demand_mg_per_day * dt);
    let to_liver = hepatic_rate * plasma * dt;
    state.plasma_iron_mg = state.plasma_iron_mg + influx - to_erythroid - to_liver;
    state.storage_iron_mg += to_liver;
    // Iron beyond transferrin's capacity circulates unbound until the liver clears it.
    let beyond_capacity = (state.plasma_iron_mg - capacity_mg).max(0.0);
    state.plasma_iron_mg -= beyond_capacity;
    state.non_transferrin_iron_mg += beyond_capacity;
    let cleared = state.non_transferrin_iron_mg * shares.ntbi_clearance;
    state.non_transferrin_iron_mg -= cleared;
    state.storage_iron_mg += cleared;

    // How much of the erythroblasts' demand was met (they make hemoglobin with it: marrow.rs).
    let delivered_share = if demand_mg_per_day > 1e-12 {
        to_erythroid / (demand_mg_per_day * dt)
    } else {
        1.0
    };
    state.erythroid_iron_delivery = delivered_share.min(1.0);
    relax_by(
        &mut state.erythroid_iron_sufficiency,
        state.erythroid_iron_delivery,
        shares.iron_sufficiency,
    );
    to_erythroid
}
