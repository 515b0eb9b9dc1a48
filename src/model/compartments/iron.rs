//! Iron, every internal step: the gut (enterocytes), the macrophages and their stores (the
//! competing export and storage routes, ferritinophagy), basal losses, transferrin-bound plasma iron
//! and the non-transferrin-bound iron beyond its capacity, and what the erythroblasts take.

use super::marrow::{erythroid_iron_demand_mg_per_day, hemoglobinize};
use super::relax;
use crate::model::patient::{PatientState, STEPS_PER_DAY};
use crate::model::physiology::*;
use crate::model::settings::Settings;

use super::hormones::Signals;

/// Moves iron between the pools over `dt` days. `oral_iron_today` is the oral dose swallowed at
/// this step (mg); `step_index_in_day` spreads the day's digested red cells over its steps.
pub(crate) fn iron_step(
    state: &mut PatientState,
    settings: &Settings,
    signals: Signals,
    oral_iron_today: f64,
    step_index_in_day: u64,
    dt: f64,
) {
    let hemoglobin = signals.hemoglobin_g_dl;
    let saturation = signals.transferrin_saturation;
    // Gut: diet (per meal) and oral iron (per dose) enter enterocytes through a saturable
    // import, then leave through ferroportin into plasma (absorbed) or are shed with the cell.
    state.oral_iron_lumen_mg += oral_iron_today;
    let import_drive = enterocyte_import_drive(state.storage_iron_mg, hemoglobin)
        * hepcidin_import_factor(state.hormones.hepcidin_relative);
    let diet_uptake = enterocyte_uptake_mg(
        settings.iron_intake_mg_per_day / IRON_MEALS_PER_DAY,
        import_drive,
    ) * IRON_MEALS_PER_DAY
        * dt;
    let dose_uptake = enterocyte_uptake_mg(state.oral_iron_lumen_mg, import_drive);
    state.oral_iron_lumen_mg = 0.0;
    state.enterocyte_iron_mg += diet_uptake + dose_uptake;
    let export_rate = ENTEROCYTE_EXPORT_PER_DAY * state.hormones.ferroportin_gut_relative;
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
    let from_iv_iron = state.iv_iron_complex_mg
        * first_order_share(
            std::f64::consts::LN_2 / IV_IRON_PROCESSING_HALF_LIFE_DAYS,
            dt,
        );
    state.iv_iron_complex_mg -= from_iv_iron;
    state.macrophage_iron_mg += from_iv_iron;

    // Macrophages: ferritin is broken down into the labile pool, and labile iron either leaves
    // through ferroportin or is laid down again as ferritin (competing routes).
    let from_ferritin = state.storage_iron_mg * first_order_share(STORAGE_TURNOVER_PER_DAY, dt);
    state.storage_iron_mg -= from_ferritin;
    state.macrophage_iron_mg += from_ferritin;
    let macrophage_export_rate =
        MACROPHAGE_EXPORT_PER_DAY * state.hormones.ferroportin_macrophage_relative;
    let storage_rate = MACROPHAGE_TO_STORAGE_PER_DAY * ferritin_synthesis;
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
    let demand_mg_per_day = erythroid_iron_demand_mg_per_day(state);
    let capacity_mg = state.transferrin_capacity_mg().max(1e-9);
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
    let cleared = state.non_transferrin_iron_mg * first_order_share(NTBI_CLEARANCE_PER_DAY, dt);
    state.non_transferrin_iron_mg -= cleared;
    state.storage_iron_mg += cleared;

    // Erythroblasts make hemoglobin with the iron delivered.
    let delivered_share = if demand_mg_per_day > 1e-12 {
        to_erythroid / (demand_mg_per_day * dt)
    } else {
        1.0
    };
    hemoglobinize(state, to_erythroid, demand_mg_per_day);
    state.erythroid_iron_delivery = delivered_share.min(1.0);
    relax(
        &mut state.erythroid_iron_sufficiency,
        state.erythroid_iron_delivery,
        1.0 / 3.0,
        dt,
    );
}
