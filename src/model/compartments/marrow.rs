//! The marrow, once a day: the conveyor from BFU-E through CFU-E and erythroblasts to marrow
//! reticulocytes and their release into blood, and the iron the erythroblasts need.

use crate::model::erythron::{
    PrecursorCohort, BFU_E_DAYS, CFU_E_DAYS, ERYTHROBLAST_DAYS, IRON_MG_PER_MG_HEMOGLOBIN,
};
use crate::model::patient::{PatientState, IRON_RESTRICTION_EXPONENT};
use crate::model::physiology::*;
use crate::model::settings::Settings;

/// Reticulocytes released into blood today: their count (10⁹), hemoglobin (mg), volume
/// (fL × 10⁹ cells) and folate (relative × 10⁹ cells), with the shift and DNA synthesis they were
/// made under.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Release {
    pub cells: f64,
    pub hemoglobin_mg: f64,
    pub volume_fl_cells: f64,
    pub folate_cells: f64,
    pub shift: f64,
    pub dna_synthesis: f64,
}

/// Moves the conveyor one day at an effective IL-6 and EPO; returns what leaves for the blood.
pub(crate) fn conveyor_day(
    state: &mut PatientState,
    settings: &Settings,
    il6: f64,
    epo: f64,
) -> Release {
    // Marrow space: infiltrating cells take their share of the niches (fewer BFU-E enter) and of
    // the room an expanding erythroid marrow can fill; precursors beyond that room die.
    let crowding = (erythroid_capacity_relative(settings)
        / state.erythroid_mass_relative().max(1e-9))
    .min(1.0);

    // BFU-E: progenitors enter in proportion to the marrow space left.
    let cfu_e_entering = state.bfu_e[BFU_E_DAYS - 1];
    state.bfu_e.rotate_right(1);
    state.bfu_e[0] = PROGENITOR_INPUT_PER_DAY * marrow_space_factor(settings);

    // CFU-E: EPO-dependent survival through the stage, suppressed by cytokines. The
    // iron-restriction response acts at the stage's end, as CFU-E become proerythroblasts: that
    // is where transferrin receptors rise and iron is first taken up, so iron cannot act earlier.
    // It removes the same share as it would spread over the stage (steady states do not change),
    // but iron that arrives reaches the blood a CFU-E stage sooner.
    let stage_survival =
        (cfu_e_epo_survival(epo) * progenitor_inflammation_factor(il6)).clamp(0.0, 1.0);
    let daily_survival = stage_survival.powf(1.0 / CFU_E_DAYS as f64) * crowding;
    let blasts_entering = state.cfu_e[CFU_E_DAYS - 1]
        * daily_survival
        * iron_restriction_factor(state.iron.erythroid_iron_sufficiency).clamp(0.0, 1.0);
    for day in (1..CFU_E_DAYS).rev() {
        state.cfu_e[day] = state.cfu_e[day - 1] * daily_survival;
    }
    state.cfu_e[0] = cfu_e_entering;

    // Erythroblasts: divisions need DNA synthesis; those that fail die in the marrow and their
    // iron goes to macrophages. Iron-starved erythroblasts die too (heme-regulated apoptosis),
    // and myeloma cells kill them directly.
    let dna = state.vitamins.dna_synthesis;
    let iron_survival = state
        .iron
        .erythroid_iron_sufficiency
        .clamp(0.0, 1.0)
        .powf(IRON_RESTRICTION_EXPONENT);
    let blast_daily_survival =
        (erythroblast_survival(dna) * iron_survival * tumour_survival_factor(settings))
            .powf(1.0 / ERYTHROBLAST_DAYS as f64)
            * crowding;
    let mut leaving = state.erythroblasts[ERYTHROBLAST_DAYS - 1];
    let mut deaths = 0.0;
    for day in (1..ERYTHROBLAST_DAYS).rev() {
        let mut cohort = state.erythroblasts[day - 1];
        let dying = cohort.cells * (1.0 - blast_daily_survival);
        deaths += dying;
        state.iron.digesting_iron_mg += dying * cohort.hemoglobin_pg * IRON_MG_PER_MG_HEMOGLOBIN;
        cohort.cells -= dying;
        cohort.dna_synthesis =
            (cohort.dna_synthesis * cohort.days_in_stage + dna) / (cohort.days_in_stage + 1.0);
        cohort.days_in_stage += 1.0;
        state.erythroblasts[day] = cohort;
    }
    state.erythroblasts[0] = PrecursorCohort {
        cells: blasts_entering,
        hemoglobin_pg: 0.0,
        dna_synthesis: dna,
        days_in_stage: 0.0,
    };

    // Leaving erythroblasts become marrow reticulocytes. Their size follows their hemoglobin
    // (iron-poor cells divide once more and come out small and pale) and their DNA synthesis
    // (megaloblasts skip divisions and come out large). Cells too poor in hemoglobin to
    // enucleate die instead (the floor of microcytosis).
    if leaving.cells > 0.0 {
        let size = megaloblastic_size_factor(leaving.dna_synthesis);
        let target_hemoglobin_pg = NORMAL_MCH_PG * size;
        let iron_share = (leaving.hemoglobin_pg / target_hemoglobin_pg).clamp(0.0, 1.5);
        if iron_share < MIN_HEMOGLOBINIZATION_SHARE {
            let surviving = (iron_share / MIN_HEMOGLOBINIZATION_SHARE).powi(4);
            let dying = leaving.cells * (1.0 - surviving);
            deaths += dying;
            state.iron.digesting_iron_mg +=
                dying * leaving.hemoglobin_pg * IRON_MG_PER_MG_HEMOGLOBIN;
            leaving.cells -= dying;
        }
        let volume_fl =
            NORMAL_MCV_FL * size * three_quarter_power(iron_share.max(MIN_HEMOGLOBINIZATION_SHARE));
        state.marrow_reticulocytes += leaving.cells;
        state.marrow_reticulocyte_hemoglobin_mg += leaving.cells * leaving.hemoglobin_pg;
        state.marrow_reticulocyte_volume_fl_cells += leaving.cells * volume_fl;
        // New cells take up folate in proportion to what the stores offer (not the saturated
        // tissue status that DNA synthesis sees), so RBC folate falls before macrocytosis
        // appears (Herbert 1962); the methyl trap keeps it low in B12 deficiency.
        let folate_offered =
            (state.vitamins.folate_stores_mg / HEALTHY_FOLATE_STORES_MG).clamp(0.0, 1.2);
        state.marrow_reticulocyte_folate_cells += leaving.cells
            * red_cell_folate_uptake(
                folate_offered,
                b12_sufficiency(state.vitamins.b12_stores_ug),
            );
    }
    state.intramedullary_deaths_per_day = deaths;

    // Marrow reticulocytes are released early when EPO is high (the shift).
    let shift = reticulocyte_shift(epo);
    let release_share = first_order_share(1.0 / marrow_reticulocyte_days(shift), 1.0);
    let released = state.marrow_reticulocytes * release_share;
    let (released_hemoglobin, released_volume, released_folate) = (
        state.marrow_reticulocyte_hemoglobin_mg * release_share,
        state.marrow_reticulocyte_volume_fl_cells * release_share,
        state.marrow_reticulocyte_folate_cells * release_share,
    );
    state.marrow_reticulocytes -= released;
    state.marrow_reticulocyte_hemoglobin_mg -= released_hemoglobin;
    state.marrow_reticulocyte_volume_fl_cells -= released_volume;
    state.marrow_reticulocyte_folate_cells -= released_folate;
    state.output_cells_per_day = released;
    Release {
        cells: released,
        hemoglobin_mg: released_hemoglobin,
        volume_fl_cells: released_volume,
        folate_cells: released_folate,
        shift,
        dna_synthesis: leaving.dna_synthesis,
    }
}

/// Iron the erythroblasts need per day to fill their cells with hemoglobin, mg/day.
pub(crate) fn erythroid_iron_demand_mg_per_day(state: &PatientState) -> f64 {
    MarrowReadings::of(state).iron_demand_mg_per_day
}

/// What the fast step reads from the marrow: it changes only when the conveyor moves, once a
/// day, so it is worked out then rather than at each of the day's steps (the sums over the
/// cohorts gave the same values four times).
#[derive(Clone, Copy, Debug)]
pub(crate) struct MarrowReadings {
    /// Erythroid mass relative to health ([`PatientState::erythroid_mass_relative`]).
    pub erythroid_mass_relative: f64,
    /// How the marrow's EPO receptors lower EPO ([`epo_receptor_clearance_factor`] of the mass).
    pub epo_receptor_clearance_factor: f64,
    /// Iron the erythroblasts need per day to fill their cells with hemoglobin, mg/day.
    pub iron_demand_mg_per_day: f64,
    /// The hemoglobin per cell each erythroblast cohort aims for, pg (more in megaloblasts).
    target_hemoglobin_pg: [f64; ERYTHROBLAST_DAYS],
}

impl MarrowReadings {
    /// The readings of the marrow as it stands in `state`.
    pub fn of(state: &PatientState) -> MarrowReadings {
        let target_hemoglobin_pg = state
            .erythroblasts
            .map(|cohort| NORMAL_MCH_PG * megaloblastic_size_factor(cohort.dna_synthesis));
        let iron_demand_mg_per_day = state
            .erythroblasts
            .iter()
            .zip(target_hemoglobin_pg)
            .map(|(cohort, target_pg)| cohort.cells * target_pg / ERYTHROBLAST_DAYS as f64)
            .sum::<f64>()
            * IRON_MG_PER_MG_HEMOGLOBIN;
        let erythroid_mass_relative = state.erythroid_mass_relative();
        MarrowReadings {
            erythroid_mass_relative,
            epo_receptor_clearance_factor: epo_receptor_clearance_factor(erythroid_mass_relative),
            iron_demand_mg_per_day,
            target_hemoglobin_pg,
        }
    }
}

/// Shares `iron_mg` among the erythroblast cohorts as hemoglobin, in proportion to their demand.
/// `marrow` are the [`MarrowReadings`] of the same state.
pub(crate) fn hemoglobinize(state: &mut PatientState, iron_mg: f64, marrow: &MarrowReadings) {
    if iron_mg <= 0.0 {
        return;
    }
    let total_demand = marrow.iron_demand_mg_per_day;
    if total_demand <= 0.0 {
        // Nobody to take it: it stays in the body as storage iron.
        state.iron.storage_iron_mg += iron_mg;
        return;
    }
    // Each cohort gets iron in proportion to its demand, so its hemoglobin per cell grows by the
    // same share of its daily target.
    let share_of_daily_target = iron_mg / total_demand / ERYTHROBLAST_DAYS as f64;
    for (cohort, target_pg) in state
        .erythroblasts
        .iter_mut()
        .zip(marrow.target_hemoglobin_pg)
    {
        if cohort.cells <= 0.0 {
            continue;
        }
        cohort.hemoglobin_pg += share_of_daily_target * target_pg;
    }
}
