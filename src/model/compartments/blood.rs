//! Blood: the circulating red-cell cohorts (ageing, senescence, neocytolysis, the day's new cells),
//! plasma volume, chronic and acute blood loss, and transfusion.

use super::marrow::Release;
use super::{relax_by, SettingsEffects};
use crate::model::erythron::{
    RedCellCohort, SenescenceTable, IRON_MG_PER_MG_HEMOGLOBIN, MAX_RED_CELL_AGE_DAYS,
    SENESCENCE_ONSET,
};
use crate::model::patient::{senescence, PatientState};
use crate::model::physiology::*;
use crate::model::settings::Settings;

/// Plasma refills (or contracts) toward what the red-cell volume leaves room for, over one step
/// of `effects`.
pub(crate) fn plasma_refill_step(state: &mut PatientState, effects: &SettingsEffects) {
    relax_by(
        &mut state.plasma_volume_dl,
        plasma_volume_target_dl(state.red_cell_volume_l * 10.0),
        effects.fixed.plasma_refill,
    );
}

/// One day of the red cells: they age (faster with inflammation, uraemia and megaloblastic
/// fragility), the senescent and, when EPO is low, the neocytes go to the macrophages, the day's
/// released reticulocytes join, and a day of chronic blood loss leaves. `neocytolysis_epo` is the
/// EPO that triggers neocytolysis (see [`neocytolysis_per_day`]'s caller in patient.rs).
pub(crate) fn red_cells_day(
    state: &mut PatientState,
    settings: &Settings,
    il6: f64,
    neocytolysis_epo: f64,
    release: Release,
) {
    let (released, released_hemoglobin, released_volume, released_folate, shift) = (
        release.cells,
        release.hemoglobin_mg,
        release.volume_fl_cells,
        release.folate_cells,
        release.shift,
    );
    // Red cells age; senescent ones are taken up by macrophages, which keep their iron. When
    // EPO is low, neocytes are removed too (neocytolysis).
    let ageing = red_cell_ageing_factor(settings, il6) / HEALTHY_LIFESPAN_DAYS;
    let neocytolysis = neocytolysis_per_day(neocytolysis_epo);
    let table = senescence();
    let mut destroyed = 0.0;
    // The kept totals are rebuilt in the same pass (no second walk over the cohorts); the
    // hemoglobin of the cells destroyed is what the total loses.
    let hemoglobin_before_mg = state.red_cell_hemoglobin_mg;
    let mut hemoglobin_mg = 0.0;
    let mut volume_fl_cells = 0.0;
    let cohorts = state.red_cells.columns_mut();
    if neocytolysis > 0.0 {
        let today = cohorts.clocks.days;
        let neocytes = cohorts
            .cells
            .iter_mut()
            .zip(cohorts.cells_per_survivor.iter_mut())
            .zip(cohorts.release_day)
            .filter(|(_, &release_day)| {
                (NEOCYTE_AGE_DAYS.0..NEOCYTE_AGE_DAYS.1).contains(&(today - release_day))
            });
        for ((cells, cells_per_survivor), _) in neocytes {
            let removed = *cells * neocytolysis;
            destroyed += removed;
            *cells -= removed;
            *cells_per_survivor *= 1.0 - neocytolysis;
        }
    }
    // A day passes for every cohort: biological ages are read from the ageing clock, which
    // counts them in entries of the survival table, so each cohort's place in the table is one
    // subtraction and one multiplication away (this pass is most of the model's work).
    cohorts.clocks.days += 1.0;
    cohorts.clocks.ageing_table_entries += ageing * SenescenceTable::ENTRIES_PER_AGE;
    let ageing_clock = cohorts.clocks.ageing_table_entries;
    let table_position =
        |(&position_start, &fragility): (&f64, &f64)| fragility * (ageing_clock - position_start);
    // The youngest cohorts, all below the age at which the first cells reach their lifespan,
    // lose no cells: only their totals are counted.
    const ONSET_POSITION: f64 = SenescenceTable::position(SENESCENCE_ONSET);
    let young = cohorts
        .position_start
        .iter()
        .zip(cohorts.fragility)
        .position(|cohort| table_position(cohort) >= ONSET_POSITION)
        .unwrap_or(cohorts.cells.len());
    let (young_cells, cells) = cohorts.cells.split_at_mut(young);
    let (young_hemoglobin_pg, hemoglobin_pg) = cohorts.hemoglobin_pg.split_at(young);
    let (young_volume_fl, volume_fl) = cohorts.volume_fl.split_at(young);
    let young_cohorts = young_cells
        .iter()
        .zip(young_hemoglobin_pg)
        .zip(young_volume_fl);
    for ((&cells, &hemoglobin_pg), &volume_fl) in young_cohorts {
        hemoglobin_mg += cells * hemoglobin_pg;
        volume_fl_cells += cells * volume_fl;
    }
    // For the others, survivals are looked up for a run of cohorts first, then used: two simple
    // loops run faster than one that does both, as the lookups of many cohorts then overlap (this
    // pass is most of the model's work; see the bench, tests/bench/model.rs).
    const RUN: usize = 64;
    let mut survivals = [0.0; RUN];
    let runs = cohorts.position_start[young..]
        .chunks(RUN)
        .zip(cohorts.fragility[young..].chunks(RUN))
        .zip(cells.chunks_mut(RUN))
        .zip(cohorts.cells_per_survivor[young..].chunks(RUN))
        .zip(hemoglobin_pg.chunks(RUN))
        .zip(volume_fl.chunks(RUN));
    for (((((position_start, fragility), cells), cells_per_survivor), hemoglobin_pg), volume_fl) in
        runs
    {
        let positions = position_start.iter().zip(fragility).map(table_position);
        for (survival, position) in survivals.iter_mut().zip(positions) {
            *survival = table.survival_at(position);
        }
        let run = cells
            .iter_mut()
            .zip(cells_per_survivor)
            .zip(hemoglobin_pg)
            .zip(volume_fl)
            .zip(&survivals);
        for ((((cells, &cells_per_survivor), &hemoglobin_pg), &volume_fl), &survival) in run {
            let alive = cells_per_survivor * survival;
            // Survival only falls with age, so no cohort grows but for rounding.
            let survivors = if alive < *cells { alive } else { *cells };
            destroyed += *cells - survivors;
            *cells = survivors;
            hemoglobin_mg += survivors * hemoglobin_pg;
            volume_fl_cells += survivors * volume_fl;
        }
    }
    let destroyed_hemoglobin_mg = hemoglobin_before_mg - hemoglobin_mg;
    state.iron.digesting_iron_mg += destroyed_hemoglobin_mg * IRON_MG_PER_MG_HEMOGLOBIN;
    state.red_cells_destroyed_per_day = destroyed;
    let mut volume_l = volume_fl_cells * 1e-6;
    while let Some(oldest_cells) = state.red_cells.oldest_cells() {
        if oldest_cells > 1e-6 && state.red_cells.len() < MAX_RED_CELL_AGE_DAYS {
            break;
        }
        let Some(oldest) = state.red_cells.pop_oldest() else {
            break;
        };
        state.iron.digesting_iron_mg += oldest.iron_mg();
        hemoglobin_mg -= oldest.hemoglobin_mg();
        volume_l -= oldest.volume_l();
    }
    if released > 0.0 {
        hemoglobin_mg += released_hemoglobin;
        volume_l += released_volume * 1e-6;
        state.red_cells.push_youngest(RedCellCohort {
            cells: released,
            volume_fl: released_volume / released,
            hemoglobin_pg: released_hemoglobin / released,
            biological_age: 0.0,
            fragility: megaloblastic_fragility(release.dna_synthesis),
            blood_reticulocyte_days: blood_reticulocyte_days(shift),
            folate_relative: released_folate / released,
            age_days: 0.0,
            cells_per_survivor: released,
        });
    }

    state.red_cell_hemoglobin_mg = hemoglobin_mg;
    state.red_cell_volume_l = volume_l;

    // Chronic blood loss, one day's worth.
    let share = settings.blood_loss_ml_per_day / (state.blood_volume_dl() * 100.0);
    if share > 0.0 {
        lose_blood(state, share.min(0.9));
    }
}

/// Removes a share of the blood: red cells of every age and the plasma's iron with it. Every
/// cohort loses the same share, so the kept totals scale with them.
pub(crate) fn lose_blood(state: &mut PatientState, share: f64) {
    let kept = 1.0 - share;
    let cohorts = state.red_cells.columns_mut();
    for (cells, cells_per_survivor) in cohorts.cells.iter_mut().zip(cohorts.cells_per_survivor) {
        *cells *= kept;
        *cells_per_survivor *= kept;
    }
    let iron = state.red_cell_iron_mg() * share;
    state.red_cell_hemoglobin_mg *= kept;
    state.red_cell_volume_l *= kept;
    let plasma_lost = (state.iron.plasma_iron_mg + state.iron.non_transferrin_iron_mg) * share;
    state.iron.plasma_iron_mg *= 1.0 - share;
    state.iron.non_transferrin_iron_mg *= 1.0 - share;
    state.plasma_volume_dl *= 1.0 - share;
    state.iron.iron_lost_mg_total += iron + plasma_lost;
}

/// Adds packed red cells: donor cells of mixed age (stored blood holds cells of every age).
pub(crate) fn transfuse(state: &mut PatientState, units: f64) {
    const DONOR_AGE_BANDS: usize = 10;
    let hemoglobin_mg = units * IRON_PER_TRANSFUSION_UNIT_MG / IRON_MG_PER_MG_HEMOGLOBIN;
    let cells = hemoglobin_mg / NORMAL_MCH_PG;
    let per_band = cells / DONOR_AGE_BANDS as f64;
    let available = state.red_cells.len();
    for band in 0..DONOR_AGE_BANDS {
        // Donor cells spread over biological ages 0–0.9 of a lifespan, added to cohorts of the
        // matching age so their later removal follows their age.
        let biological_age = 0.9 * (band as f64 + 0.5) / DONOR_AGE_BANDS as f64;
        let age_days = (biological_age * HEALTHY_LIFESPAN_DAYS).round();
        let donor = RedCellCohort {
            cells: per_band,
            volume_fl: NORMAL_MCV_FL,
            hemoglobin_pg: NORMAL_MCH_PG,
            biological_age,
            fragility: 1.0,
            blood_reticulocyte_days: 0.0,
            folate_relative: 1.0,
            age_days,
            cells_per_survivor: per_band / senescence().survival(biological_age),
        };
        let index = (age_days as usize).min(available.saturating_sub(1));
        match state.red_cells.get(index) {
            Some(mut cohort) => {
                merge_cohorts(&mut cohort, &donor);
                state.red_cells.set(index, cohort);
            }
            None => state.red_cells.push_oldest(donor),
        }
    }
    state.iron.iron_given_mg_total += units * IRON_PER_TRANSFUSION_UNIT_MG;
    state.plasma_volume_dl += units * PLASMA_PER_TRANSFUSION_UNIT_DL;
    state.recount_red_cells();
}

/// Merges `other` into `cohort`, keeping totals of cells, hemoglobin and volume exact.
fn merge_cohorts(cohort: &mut RedCellCohort, other: &RedCellCohort) {
    let cells = cohort.cells + other.cells;
    if cells <= 0.0 {
        return;
    }
    let weighted = |a: f64, b: f64| (a * cohort.cells + b * other.cells) / cells;
    let biological_age = weighted(cohort.biological_age, other.biological_age);
    let merged = RedCellCohort {
        cells,
        volume_fl: weighted(cohort.volume_fl, other.volume_fl),
        hemoglobin_pg: weighted(cohort.hemoglobin_pg, other.hemoglobin_pg),
        biological_age,
        fragility: weighted(cohort.fragility, other.fragility),
        // Reticulocyte window: cells that are not reticulocytes dilute it.
        blood_reticulocyte_days: weighted(
            cohort.blood_reticulocyte_days,
            other.blood_reticulocyte_days,
        ),
        folate_relative: weighted(cohort.folate_relative, other.folate_relative),
        age_days: cohort.age_days,
        cells_per_survivor: cells / senescence().survival(biological_age).max(1e-12),
    };
    *cohort = merged;
}
