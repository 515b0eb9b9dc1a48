//! The patient: settings, state and scheduled events, advanced in fixed internal steps.
//!
//! Fast variables (EPO, hepcidin, ferroportin, plasma iron, enterocytes, drug levels) move every
//! [`STEP_DAYS`]; plasma iron, which turns over ≈ 10× a day, is integrated implicitly so any step is
//! stable. The marrow conveyor and the red-cell cohorts move once a day. The caller may step by any
//! amount: time is accumulated and the internal grid is the same, so results do not depend on it.

use std::collections::VecDeque;
use std::sync::OnceLock;

use super::erythron::{
    PrecursorCohort, RedCellCohort, SenescenceTable, BFU_E_DAYS, CFU_E_DAYS, ERYTHROBLAST_DAYS,
    IRON_MG_PER_MG_HEMOGLOBIN, MAX_RED_CELL_AGE_DAYS,
};
use super::events::{Course, Event, EventAction, Treatment};
use super::physiology::*;
use super::settings::Settings;

/// The internal step, days (6 hours). Fast variables move every step.
pub const STEP_DAYS: f64 = 0.25;
/// How strongly iron shortage kills erythroblasts (heme-regulated apoptosis: survival ∝
/// sufficiency^exponent), on top of the progenitors' iron-restriction response; tuned for teaching
/// so that iron deficiency is hypoproliferative (RPI < 2) with MCV 60–78 fL.
pub const IRON_RESTRICTION_EXPONENT: f64 = 2.0;
/// Hb below which the state is life-threatening, g/dL (severe anemia; transfusion is indicated well
/// above it).
pub const LIFE_THREATENING_HB_G_DL: f64 = 5.0;
/// Loss of blood volume, as a share of normal, that is life-threatening (ATLS class IV: > 40 %).
pub const LIFE_THREATENING_ACUTE_LOSS_SHARE: f64 = 0.4;
/// Internal steps per day (the marrow conveyor and the cohorts move once a day).
pub const STEPS_PER_DAY: u64 = 4;

/// Everything that changes over time. Units are in every name.
#[derive(Clone, Debug, PartialEq)]
pub struct PatientState {
    /// Internal steps taken since day 0.
    pub steps_taken: u64,

    // Marrow conveyor (10⁹ cells, counted as the red cells each stage will yield).
    pub bfu_e: [f64; BFU_E_DAYS],
    pub cfu_e: [f64; CFU_E_DAYS],
    pub erythroblasts: [PrecursorCohort; ERYTHROBLAST_DAYS],
    /// Reticulocytes still in the marrow: cells (10⁹), their hemoglobin (mg), volume (fL × 10⁹)
    /// and folate (relative × 10⁹ cells).
    pub marrow_reticulocytes: f64,
    pub marrow_reticulocyte_hemoglobin_mg: f64,
    pub marrow_reticulocyte_volume_fl_cells: f64,
    pub marrow_reticulocyte_folate_cells: f64,
    /// Circulating red cells, youngest first. After changing them, call
    /// [`PatientState::recount_red_cells`] so the totals below stay their sum.
    pub red_cells: VecDeque<RedCellCohort>,
    /// Hemoglobin in all circulating red cells, mg: the sum over `red_cells`, kept so that the
    /// 6-hour step need not add up ≈ 130 cohorts several times (cohorts change only once a day and
    /// on bleeding or transfusion).
    pub red_cell_hemoglobin_mg: f64,
    /// Packed volume of all circulating red cells, L: the sum over `red_cells`, kept as above.
    pub red_cell_volume_l: f64,

    // Iron pools, mg.
    pub plasma_iron_mg: f64,
    pub macrophage_iron_mg: f64,
    pub storage_iron_mg: f64,
    /// Iron inside enterocytes, not yet in the body: exported to plasma or shed with the cell.
    pub enterocyte_iron_mg: f64,
    /// IV iron-carbohydrate complex inside macrophages, not yet broken down, mg.
    pub iv_iron_complex_mg: f64,
    /// Iron beyond transferrin's capacity (non-transferrin-bound), mg: cleared by the liver.
    pub non_transferrin_iron_mg: f64,
    /// Iron of red cells taken up by macrophages today, still being digested (released into the
    /// macrophage pool over the day so that plasma iron does not jump once a day).
    pub digesting_iron_mg: f64,
    pub iron_absorbed_mg_total: f64,
    pub iron_given_mg_total: f64,
    pub iron_lost_mg_total: f64,

    /// Plasma volume, dL: refills after a bleed and contracts after a transfusion over ≈ a day.
    pub plasma_volume_dl: f64,

    // Regulators (relative to health unless a unit is named).
    pub hepcidin_relative: f64,
    pub ferroportin_macrophage_relative: f64,
    pub ferroportin_gut_relative: f64,
    /// The IL-6 response the acute-phase ferroportin repression has adapted to (0–1).
    pub inflammation_adapted_response: f64,
    pub tibc_ug_dl: f64,
    pub ferritin_acute_phase_factor: f64,
    pub epo_endogenous_mu_ml: f64,
    /// Share of the erythroblasts' iron demand met, smoothed over days (iron-restricted
    /// erythropoiesis blunts progenitor growth).
    pub erythroid_iron_sufficiency: f64,
    /// Share met in the last step (sets hemoglobin per cell).
    pub erythroid_iron_delivery: f64,

    // Drugs.
    pub esa_depot_iu: f64,
    pub esa_plasma_mu_ml: f64,
    pub anti_il6_blockade: f64,
    /// Oral iron taken but not yet through the enterocytes' uptake window, mg.
    pub oral_iron_lumen_mg: f64,

    // B12 and folate.
    pub b12_stores_ug: f64,
    /// B12 from an injection still in plasma, µg.
    pub b12_plasma_extra_ug: f64,
    pub folate_stores_mg: f64,
    /// Recent folate intake relative to the healthy diet (what serum folate reflects).
    pub folate_recent_intake_relative: f64,
    pub folic_acid_recent_mg_per_day: f64,
    pub neuro_reversible: f64,
    pub neuro_irreversible: f64,

    // Rates kept for the lab panel and the factory scene.
    /// Red cells released into blood over the last day, 10⁹/day.
    pub output_cells_per_day: f64,
    /// Erythroblasts dying in the marrow over the last day, 10⁹/day.
    pub intramedullary_deaths_per_day: f64,
    /// Red cells removed by macrophages over the last day (senescence), 10⁹/day.
    pub red_cells_destroyed_per_day: f64,
    /// DNA-synthesis capacity of erythroblasts now (1 = normal).
    pub dna_synthesis: f64,
}

/// The patient: settings, state and what is scheduled.
#[derive(Clone, Debug)]
pub struct Patient {
    pub settings: Settings,
    pub state: PatientState,
    /// Scheduled events not yet applied, sorted by day.
    pending_events: Vec<Event>,
    /// Courses under way or finished (kept so their doses and wash-out are known).
    courses: Vec<Course>,
    /// Time asked for by the caller but not yet a whole internal step, days.
    carry_days: f64,
    /// Where `reset` returns to.
    start: Box<(Settings, PatientState, Vec<Event>)>,
}

fn senescence() -> &'static SenescenceTable {
    static TABLE: OnceLock<SenescenceTable> = OnceLock::new();
    TABLE.get_or_init(SenescenceTable::new)
}

impl PatientState {
    /// A first guess at the healthy steady state; [`PatientState::healthy`] settles it.
    fn healthy_guess() -> PatientState {
        let production = HEALTHY_RED_CELL_OUTPUT_PER_DAY;
        let mut red_cells = VecDeque::with_capacity(MAX_RED_CELL_AGE_DAYS);
        for age in 0..150 {
            let biological_age = age as f64 / HEALTHY_LIFESPAN_DAYS;
            let alive = 1.0 - senescence().share_dead_by(biological_age);
            red_cells.push_back(RedCellCohort {
                cells: production * alive,
                volume_fl: NORMAL_MCV_FL,
                hemoglobin_pg: NORMAL_MCH_PG,
                biological_age,
                fragility: 1.0,
                blood_reticulocyte_days: 1.0,
                folate_relative: 1.0,
                age_days: age as f64,
                cells_per_survivor: production,
            });
        }
        let cfu_e_input = PROGENITOR_INPUT_PER_DAY;
        let cfu_e_daily = HEALTHY_CFU_E_SURVIVAL.powf(1.0 / CFU_E_DAYS as f64);
        let mut cfu_e = [0.0; CFU_E_DAYS];
        for (day, cells) in cfu_e.iter_mut().enumerate() {
            *cells = cfu_e_input * cfu_e_daily.powi(day as i32);
        }
        let blast_input = cfu_e_input * HEALTHY_CFU_E_SURVIVAL;
        let blast_daily = HEALTHY_ERYTHROBLAST_SURVIVAL.powf(1.0 / ERYTHROBLAST_DAYS as f64);
        let mut erythroblasts = [PrecursorCohort::default(); ERYTHROBLAST_DAYS];
        for (day, cohort) in erythroblasts.iter_mut().enumerate() {
            *cohort = PrecursorCohort {
                cells: blast_input * blast_daily.powi(day as i32),
                hemoglobin_pg: NORMAL_MCH_PG * day as f64 / ERYTHROBLAST_DAYS as f64,
                dna_synthesis: 1.0,
                days_in_stage: day as f64,
            };
        }
        let marrow_reticulocytes = production * marrow_reticulocyte_days(0.0);
        let mut state = PatientState {
            steps_taken: 0,
            bfu_e: [PROGENITOR_INPUT_PER_DAY; BFU_E_DAYS],
            cfu_e,
            erythroblasts,
            marrow_reticulocytes,
            marrow_reticulocyte_hemoglobin_mg: marrow_reticulocytes * NORMAL_MCH_PG,
            marrow_reticulocyte_volume_fl_cells: marrow_reticulocytes * NORMAL_MCV_FL,
            marrow_reticulocyte_folate_cells: marrow_reticulocytes,
            red_cells,
            red_cell_hemoglobin_mg: 0.0,
            red_cell_volume_l: 0.0,
            plasma_iron_mg: HEALTHY_PLASMA_IRON_MG,
            macrophage_iron_mg: 10.0,
            storage_iron_mg: HEALTHY_STORAGE_IRON_MG,
            enterocyte_iron_mg: 2.0,
            non_transferrin_iron_mg: 0.0,
            iv_iron_complex_mg: 0.0,
            digesting_iron_mg: 0.0,
            plasma_volume_dl: NORMAL_BLOOD_VOLUME_DL * (1.0 - NORMAL_HEMATOCRIT),
            iron_absorbed_mg_total: 0.0,
            iron_given_mg_total: 0.0,
            iron_lost_mg_total: 0.0,
            hepcidin_relative: 1.0,
            ferroportin_macrophage_relative: 1.0,
            ferroportin_gut_relative: 1.0,
            inflammation_adapted_response: 0.0,
            tibc_ug_dl: HEALTHY_TIBC_UG_DL,
            ferritin_acute_phase_factor: 1.0,
            epo_endogenous_mu_ml: HEALTHY_EPO_MU_ML,
            erythroid_iron_sufficiency: 1.0,
            erythroid_iron_delivery: 1.0,
            esa_depot_iu: 0.0,
            esa_plasma_mu_ml: 0.0,
            anti_il6_blockade: 0.0,
            oral_iron_lumen_mg: 0.0,
            b12_stores_ug: HEALTHY_B12_STORES_UG,
            b12_plasma_extra_ug: 0.0,
            folate_stores_mg: HEALTHY_FOLATE_STORES_MG,
            folate_recent_intake_relative: 1.0,
            folic_acid_recent_mg_per_day: 0.0,
            neuro_reversible: 0.0,
            neuro_irreversible: 0.0,
            output_cells_per_day: production,
            intramedullary_deaths_per_day: blast_input * (1.0 - HEALTHY_ERYTHROBLAST_SURVIVAL),
            red_cells_destroyed_per_day: production,
            dna_synthesis: 1.0,
        };
        state.recount_red_cells();
        state
    }

    /// Recomputes the red-cell totals from the cohorts (after the cohorts change).
    pub fn recount_red_cells(&mut self) {
        let (hemoglobin_mg, volume_l) =
            self.red_cells
                .iter()
                .fold((0.0, 0.0), |(hemoglobin, volume), cohort| {
                    (
                        hemoglobin + cohort.hemoglobin_mg(),
                        volume + cohort.volume_l(),
                    )
                });
        self.red_cell_hemoglobin_mg = hemoglobin_mg;
        self.red_cell_volume_l = volume_l;
    }

    /// The healthy adult at steady state (contract section 1 defaults), computed once.
    pub fn healthy() -> PatientState {
        static HEALTHY: OnceLock<PatientState> = OnceLock::new();
        HEALTHY
            .get_or_init(|| {
                let mut patient =
                    Patient::from_state(Settings::default(), PatientState::healthy_guess());
                super::settle::settle(&mut patient);
                let mut state = patient.state;
                state.steps_taken = 0;
                state.iron_absorbed_mg_total = 0.0;
                state.iron_given_mg_total = 0.0;
                state.iron_lost_mg_total = 0.0;
                state
            })
            .clone()
    }

    /// Simulated days since day 0.
    pub fn day(&self) -> f64 {
        self.steps_taken as f64 * STEP_DAYS
    }

    /// Iron in the erythroblasts and marrow reticulocytes, mg.
    pub fn erythroid_iron_mg(&self) -> f64 {
        let blasts: f64 = self
            .erythroblasts
            .iter()
            .map(|cohort| cohort.cells * cohort.hemoglobin_pg)
            .sum();
        (blasts + self.marrow_reticulocyte_hemoglobin_mg) * IRON_MG_PER_MG_HEMOGLOBIN
    }

    /// Iron in circulating red cells, mg.
    pub fn red_cell_iron_mg(&self) -> f64 {
        self.red_cell_hemoglobin_mg * IRON_MG_PER_MG_HEMOGLOBIN
    }

    /// All iron in the body, mg: plasma, macrophages, stores, marrow and red cells.
    pub fn body_iron_mg(&self) -> f64 {
        self.plasma_iron_mg
            + self.non_transferrin_iron_mg
            + self.iv_iron_complex_mg
            + self.macrophage_iron_mg
            + self.digesting_iron_mg
            + self.storage_iron_mg
            + self.erythroid_iron_mg()
            + self.red_cell_iron_mg()
    }

    /// Blood volume, dL: red cells and plasma.
    pub fn blood_volume_dl(&self) -> f64 {
        self.red_cell_volume_l * 10.0 + self.plasma_volume_dl
    }

    /// Hemoglobin, g/dL.
    pub fn hemoglobin_g_dl(&self) -> f64 {
        self.red_cell_hemoglobin_mg * 1e-3 / self.blood_volume_dl()
    }

    /// Hematocrit as a fraction.
    pub fn hematocrit(&self) -> f64 {
        self.red_cell_volume_l * 10.0 / self.blood_volume_dl()
    }

    /// Iron that transferrin in plasma can carry, mg.
    pub fn transferrin_capacity_mg(&self) -> f64 {
        self.tibc_ug_dl * self.plasma_volume_dl * 1e-3
    }

    /// Transferrin saturation as a fraction (iron beyond capacity is non-transferrin-bound).
    pub fn transferrin_saturation(&self) -> f64 {
        (self.plasma_iron_mg / self.transferrin_capacity_mg().max(1e-9)).min(1.0)
    }

    /// Erythroferrone signal relative to health: the erythroid mass times the EPO stimulating it.
    pub fn erythroferrone_relative(&self) -> f64 {
        let epo_mu_ml = self.epo_endogenous_mu_ml + self.esa_plasma_mu_ml;
        self.erythroid_mass_relative() * (epo_mu_ml / HEALTHY_EPO_MU_ML).max(0.0).sqrt()
    }

    /// Erythroid mass (erythroblasts and marrow reticulocytes) relative to health.
    pub fn erythroid_mass_relative(&self) -> f64 {
        let healthy = healthy_erythroid_cells();
        (self
            .erythroblasts
            .iter()
            .map(|cohort| cohort.cells)
            .sum::<f64>()
            + self.marrow_reticulocytes)
            / healthy
    }
}

fn healthy_erythroid_cells() -> f64 {
    static CELLS: OnceLock<f64> = OnceLock::new();
    *CELLS.get_or_init(|| {
        let guess = PatientState::healthy_guess();
        guess
            .erythroblasts
            .iter()
            .map(|cohort| cohort.cells)
            .sum::<f64>()
            + guess.marrow_reticulocytes
    })
}

impl Patient {
    /// A healthy adult at steady state who from day 0 has `settings`.
    pub fn new(settings: Settings) -> Patient {
        Patient::from_state(settings, PatientState::healthy())
    }

    /// A patient with a given state (for settled starts and tests).
    pub fn from_state(settings: Settings, state: PatientState) -> Patient {
        Patient {
            settings,
            start: Box::new((settings, state.clone(), Vec::new())),
            state,
            pending_events: Vec::new(),
            courses: Vec::new(),
            carry_days: 0.0,
        }
    }

    /// Schedules events (any order); they are part of what `reset` returns to.
    pub fn schedule(&mut self, events: impl IntoIterator<Item = Event>) {
        self.pending_events.extend(events);
        self.pending_events.sort_by(|a, b| a.day.total_cmp(&b.day));
        if self.state.steps_taken == 0 {
            self.start.2 = self.pending_events.clone();
        }
    }

    /// Applies an event now (the page's buttons); scheduled events go through `schedule`.
    pub fn apply(&mut self, event: &Event) {
        match &event.action {
            EventAction::Set(changes) => {
                for &(key, value) in changes {
                    // Values were checked when the event was made; a bad one leaves the setting alone.
                    let _ = self.settings.set(key, value);
                }
            }
            EventAction::Give {
                treatment,
                dose,
                days,
            } => self.give(*treatment, *dose, *days),
        }
    }

    /// Back to the state this patient started from, with its scheduled events.
    pub fn reset(&mut self) {
        let (settings, state, events) = (*self.start).clone();
        self.settings = settings;
        self.state = state;
        self.pending_events = events;
        self.courses.clear();
        self.carry_days = 0.0;
    }

    /// Simulated days since day 0 (on the internal grid).
    pub fn day(&self) -> f64 {
        self.state.day()
    }

    /// Advances by `dt_days` (any non-negative amount). Whole internal steps are taken; the rest is
    /// carried to the next call, so the state at a day does not depend on how the caller stepped.
    pub fn step(&mut self, dt_days: f64) {
        if dt_days.is_nan() || dt_days <= 0.0 || dt_days.is_infinite() {
            return;
        }
        self.carry_days += dt_days;
        // A small tolerance keeps sums like 0.1 × 10 from missing a step by rounding.
        let steps = ((self.carry_days + 1e-9) / STEP_DAYS).floor();
        self.carry_days = (self.carry_days - steps * STEP_DAYS).max(0.0);
        self.run_steps(steps as u64);
    }

    /// Advances to an absolute day (no-op if already there).
    pub fn advance_to(&mut self, day: f64) {
        let target_steps = ((day + 1e-9) / STEP_DAYS).floor() as u64;
        if target_steps > self.state.steps_taken {
            self.carry_days = 0.0;
            self.run_steps(target_steps - self.state.steps_taken);
        }
    }

    fn run_steps(&mut self, steps: u64) {
        for _ in 0..steps {
            self.apply_due_events();
            if self.state.steps_taken.is_multiple_of(STEPS_PER_DAY) {
                self.daily_step();
            }
            self.fast_step(STEP_DAYS);
            self.state.steps_taken += 1;
        }
    }

    fn apply_due_events(&mut self) {
        let now = self.state.day();
        while let Some(event) = self.pending_events.first() {
            // An event at a fractional day applies at the first step at or after it.
            if event.day > now + 1e-9 {
                break;
            }
            let event = self.pending_events.remove(0);
            self.apply(&event);
        }
    }

    fn give(&mut self, treatment: Treatment, dose: f64, days: f64) {
        let state = &mut self.state;
        match treatment {
            Treatment::Bleed => {
                let share = (dose / (state.blood_volume_dl() * 100.0)).clamp(0.0, 0.9);
                lose_blood(state, share);
            }
            Treatment::Transfusion => transfuse(state, dose),
            Treatment::IvIron => {
                // Macrophages take up the iron-carbohydrate complex within hours and break it
                // down over days into their labile pool.
                state.iv_iron_complex_mg += dose;
                state.iron_given_mg_total += dose;
            }
            Treatment::B12Injection => state.b12_plasma_extra_ug += dose,
            Treatment::OralIron | Treatment::FolicAcid | Treatment::Esa | Treatment::AntiIl6 => {
                self.courses.push(Course {
                    treatment,
                    dose,
                    start_day: state.day(),
                    days,
                })
            }
        }
    }

    /// Whether the patient's state is life-threatening: Hb below [`LIFE_THREATENING_HB_G_DL`], or a
    /// blood volume more than [`LIFE_THREATENING_ACUTE_LOSS_SHARE`] below normal, as right after a
    /// class IV hemorrhage (ATLS) until plasma has refilled.
    pub fn life_threatening(&self) -> bool {
        self.state.hemoglobin_g_dl() < LIFE_THREATENING_HB_G_DL
            || self.state.blood_volume_dl()
                < (1.0 - LIFE_THREATENING_ACUTE_LOSS_SHARE) * NORMAL_BLOOD_VOLUME_DL
    }

    /// Effective IL-6 after any receptor blockade, pg/mL.
    pub fn il6_effective_pg_ml(&self) -> f64 {
        self.settings.il6_pg_per_ml * (1.0 - self.state.anti_il6_blockade)
    }

    /// Total EPO (endogenous and injected), mU/mL.
    pub fn epo_mu_ml(&self) -> f64 {
        self.state.epo_endogenous_mu_ml + self.state.esa_plasma_mu_ml
    }

    /// Erythroferrone signal relative to health: EPO-stimulated erythroblasts.
    pub fn erythroferrone_relative(&self) -> f64 {
        self.state.erythroferrone_relative()
    }

    /// Once a day: the marrow conveyor moves one day and the red cells age one day.
    fn daily_step(&mut self) {
        let il6 = self.il6_effective_pg_ml();
        let epo = self.epo_mu_ml();
        let settings = self.settings;
        let state = &mut self.state;

        // Marrow space: infiltrating cells take their share of the niches (fewer BFU-E enter) and of
        // the room an expanding erythroid marrow can fill; precursors beyond that room die.
        let crowding = (erythroid_capacity_relative(&settings)
            / state.erythroid_mass_relative().max(1e-9))
        .min(1.0);

        // BFU-E: progenitors enter in proportion to the marrow space left.
        let cfu_e_entering = state.bfu_e[BFU_E_DAYS - 1];
        state.bfu_e.rotate_right(1);
        state.bfu_e[0] = PROGENITOR_INPUT_PER_DAY * marrow_space_factor(&settings);

        // CFU-E: EPO-dependent survival, suppressed by cytokines and, when erythroblasts are short
        // of iron, by the iron-restriction response.
        let stage_survival = (cfu_e_epo_survival(epo)
            * progenitor_inflammation_factor(il6)
            * iron_restriction_factor(state.erythroid_iron_sufficiency))
        .clamp(0.0, 1.0);
        let daily_survival = stage_survival.powf(1.0 / CFU_E_DAYS as f64) * crowding;
        let blasts_entering = state.cfu_e[CFU_E_DAYS - 1] * daily_survival;
        for day in (1..CFU_E_DAYS).rev() {
            state.cfu_e[day] = state.cfu_e[day - 1] * daily_survival;
        }
        state.cfu_e[0] = cfu_e_entering;

        // Erythroblasts: divisions need DNA synthesis; those that fail die in the marrow and their
        // iron goes to macrophages. Iron-starved erythroblasts die too (heme-regulated apoptosis),
        // and myeloma cells kill them directly.
        let dna = state.dna_synthesis;
        let iron_survival = state
            .erythroid_iron_sufficiency
            .clamp(0.0, 1.0)
            .powf(IRON_RESTRICTION_EXPONENT);
        let blast_daily_survival =
            (erythroblast_survival(dna) * iron_survival * tumour_survival_factor(&settings))
                .powf(1.0 / ERYTHROBLAST_DAYS as f64)
                * crowding;
        let mut leaving = state.erythroblasts[ERYTHROBLAST_DAYS - 1];
        let mut deaths = 0.0;
        for day in (1..ERYTHROBLAST_DAYS).rev() {
            let mut cohort = state.erythroblasts[day - 1];
            let dying = cohort.cells * (1.0 - blast_daily_survival);
            deaths += dying;
            state.digesting_iron_mg += dying * cohort.hemoglobin_pg * IRON_MG_PER_MG_HEMOGLOBIN;
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
                state.digesting_iron_mg +=
                    dying * leaving.hemoglobin_pg * IRON_MG_PER_MG_HEMOGLOBIN;
                leaving.cells -= dying;
            }
            let volume_fl =
                NORMAL_MCV_FL * size * iron_share.max(MIN_HEMOGLOBINIZATION_SHARE).powf(0.75);
            state.marrow_reticulocytes += leaving.cells;
            state.marrow_reticulocyte_hemoglobin_mg += leaving.cells * leaving.hemoglobin_pg;
            state.marrow_reticulocyte_volume_fl_cells += leaving.cells * volume_fl;
            state.marrow_reticulocyte_folate_cells += leaving.cells
                * red_cell_folate_uptake(
                    folate_sufficiency(state.folate_stores_mg),
                    b12_sufficiency(state.b12_stores_ug),
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

        // Red cells age; senescent ones are taken up by macrophages, which keep their iron. When
        // EPO is low, neocytes are removed too (neocytolysis).
        let ageing = red_cell_ageing_factor(&settings, il6) / HEALTHY_LIFESPAN_DAYS;
        let neocytolysis = neocytolysis_per_day(epo);
        let table = senescence();
        let mut destroyed = 0.0;
        let mut destroyed_hemoglobin_mg = 0.0;
        for cohort in state.red_cells.iter_mut() {
            if neocytolysis > 0.0
                && (NEOCYTE_AGE_DAYS.0..NEOCYTE_AGE_DAYS.1).contains(&cohort.age_days)
            {
                let removed = cohort.cells * neocytolysis;
                destroyed += removed;
                destroyed_hemoglobin_mg += removed * cohort.hemoglobin_pg;
                cohort.cells -= removed;
                cohort.cells_per_survivor *= 1.0 - neocytolysis;
            }
            let new_age = cohort.biological_age + ageing * cohort.fragility;
            // Survival only falls with age, so this is never negative but for rounding.
            let dying =
                (cohort.cells - cohort.cells_per_survivor * table.survival(new_age)).max(0.0);
            destroyed += dying;
            destroyed_hemoglobin_mg += dying * cohort.hemoglobin_pg;
            cohort.cells -= dying;
            cohort.biological_age = new_age;
            cohort.age_days += 1.0;
        }
        state.digesting_iron_mg += destroyed_hemoglobin_mg * IRON_MG_PER_MG_HEMOGLOBIN;
        state.red_cells_destroyed_per_day = destroyed;
        while let Some(oldest) = state.red_cells.back() {
            if oldest.cells > 1e-6 && state.red_cells.len() < MAX_RED_CELL_AGE_DAYS {
                break;
            }
            let oldest = state.red_cells.pop_back().expect("back() was Some");
            state.digesting_iron_mg += oldest.iron_mg();
        }
        if released > 0.0 {
            state.red_cells.push_front(RedCellCohort {
                cells: released,
                volume_fl: released_volume / released,
                hemoglobin_pg: released_hemoglobin / released,
                biological_age: 0.0,
                fragility: megaloblastic_fragility(leaving.dna_synthesis),
                blood_reticulocyte_days: blood_reticulocyte_days(shift),
                folate_relative: released_folate / released,
                age_days: 0.0,
                cells_per_survivor: released,
            });
        }

        // Chronic blood loss, one day's worth.
        let share = settings.blood_loss_ml_per_day / (state.blood_volume_dl() * 100.0);
        if share > 0.0 {
            lose_blood(state, share.min(0.9));
        }
        state.recount_red_cells();
    }

    /// Every internal step: hormones, drugs, iron traffic, vitamins.
    fn fast_step(&mut self, dt: f64) {
        let day = self.state.day();
        // Courses: what is being taken now.
        let mut oral_iron_today = 0.0;
        let mut folic_acid_mg_per_day = 0.0;
        let mut esa_dose_iu = 0.0;
        let mut anti_il6_on = false;
        let step_index_in_day = self.state.steps_taken % STEPS_PER_DAY;
        for course in &self.courses {
            if !course.is_running(day) {
                continue;
            }
            let course_day = ((day - course.start_day) / 1.0 + 1e-9).floor();
            let first_step_of_course_day = (day - course.start_day - course_day).abs() < 1e-9;
            match course.treatment {
                Treatment::OralIron if first_step_of_course_day => oral_iron_today += course.dose,
                Treatment::FolicAcid => folic_acid_mg_per_day += course.dose,
                // Three times a week: days 0, 2 and 4 of each week of the course.
                Treatment::Esa
                    if first_step_of_course_day
                        && [0.0, 2.0, 4.0].contains(&(course_day % 7.0)) =>
                {
                    esa_dose_iu += course.dose * BODY_MASS_KG
                }
                Treatment::AntiIl6 => anti_il6_on = true,
                _ => {}
            }
        }
        let settings = self.settings;
        let state = &mut self.state;

        // Anti-IL-6: blockade on while the course runs, washing out after it.
        state.anti_il6_blockade = if anti_il6_on {
            ANTI_IL6_BLOCKADE
        } else {
            state.anti_il6_blockade
                * (1.0
                    - first_order_share(
                        std::f64::consts::LN_2 / ANTI_IL6_WASHOUT_HALF_LIFE_DAYS,
                        dt,
                    ))
        };
        let il6 = settings.il6_pg_per_ml * (1.0 - state.anti_il6_blockade);
        relax(
            &mut state.inflammation_adapted_response,
            il6_response(il6),
            1.0 / INFLAMMATION_ADAPTATION_DAYS,
            dt,
        );

        // Blood volume: plasma refills toward what the red-cell volume leaves room for.
        relax(
            &mut state.plasma_volume_dl,
            plasma_volume_target_dl(state.red_cell_volume_l * 10.0),
            PLASMA_REFILL_PER_DAY,
            dt,
        );

        // EPO: the kidney's order follows hemoglobin (Symeonidis), limited by eGFR, blunted by
        // inflammation and cleared partly by the erythroid mass.
        let hemoglobin = state.hemoglobin_g_dl();
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
        let saturation = state.transferrin_saturation();
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

        // Gut: diet (per meal) and oral iron (per dose) enter enterocytes through a saturable
        // import, then leave through ferroportin into plasma (absorbed) or are shed with the cell.
        state.oral_iron_lumen_mg += oral_iron_today;
        let import_drive = enterocyte_import_drive(state.storage_iron_mg, hemoglobin);
        let diet_uptake = enterocyte_uptake_mg(
            settings.iron_intake_mg_per_day / IRON_MEALS_PER_DAY,
            import_drive,
        ) * IRON_MEALS_PER_DAY
            * dt;
        let dose_uptake = enterocyte_uptake_mg(state.oral_iron_lumen_mg, import_drive);
        state.oral_iron_lumen_mg = 0.0;
        state.enterocyte_iron_mg += diet_uptake + dose_uptake;
        let export_rate = ENTEROCYTE_EXPORT_PER_DAY * state.ferroportin_gut_relative;
        let leaving = state.enterocyte_iron_mg
            * first_order_share(export_rate + ENTEROCYTE_SHEDDING_PER_DAY, dt);
        let absorbed = leaving * export_rate / (export_rate + ENTEROCYTE_SHEDDING_PER_DAY);
        state.enterocyte_iron_mg -= leaving;
        state.iron_absorbed_mg_total += absorbed;

        // Ferritin synthesis follows the labile pool as it stood before this step's inflows.
        let ferritin_synthesis =
            ferritin_synthesis_factor(state.macrophage_iron_mg, HEALTHY_MACROPHAGE_IRON_MG);
        let ferritinophagy =
            ferritinophagy_factor(state.macrophage_iron_mg, HEALTHY_MACROPHAGE_IRON_MG);

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
        let from_ferritin = state.storage_iron_mg
            * first_order_share(STORAGE_TURNOVER_PER_DAY * ferritinophagy, dt);
        state.storage_iron_mg -= from_ferritin;
        state.macrophage_iron_mg += from_ferritin;
        let macrophage_export_rate =
            MACROPHAGE_EXPORT_PER_DAY * state.ferroportin_macrophage_relative;
        let storage_rate = MACROPHAGE_TO_STORAGE_PER_DAY * ferritin_synthesis;
        let macrophage_leaving =
            state.macrophage_iron_mg * first_order_share(macrophage_export_rate + storage_rate, dt);
        let macrophage_export =
            macrophage_leaving * macrophage_export_rate / (macrophage_export_rate + storage_rate);
        state.macrophage_iron_mg -= macrophage_leaving;
        state.storage_iron_mg += macrophage_leaving - macrophage_export;

        // Basal losses (shed cells, sweat, urine) come from the stores.
        let basal_loss =
            (basal_iron_loss_mg_per_day(saturation) * dt).min(0.5 * state.storage_iron_mg);
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
        hemoglobinize(state, to_erythroid);
        state.erythroid_iron_delivery = delivered_share.min(1.0);
        relax(
            &mut state.erythroid_iron_sufficiency,
            state.erythroid_iron_delivery,
            1.0 / 3.0,
            dt,
        );

        // Vitamin B12: diet through the relay; an injection mostly leaves in urine, part is kept.
        let b12_absorbed = b12_absorbed_ug_per_day(&settings) * dt;
        let from_injection =
            state.b12_plasma_extra_ug * first_order_share(B12_INJECTION_CLEARANCE_PER_DAY, dt);
        state.b12_plasma_extra_ug -= from_injection;
        state.b12_stores_ug += b12_absorbed + from_injection * B12_INJECTION_RETAINED;
        state.b12_stores_ug -=
            state.b12_stores_ug * first_order_share(b12_loss_per_day(&settings), dt);

        // Folate: food folate and folic acid fill the store, which turns over in months.
        let folate_absorbed_mg =
            settings.folate_intake_ug_per_day * 1e-3 * FOOD_FOLATE_BIOAVAILABILITY * dt
                + folic_acid_mg_per_day * FOLIC_ACID_ABSORBED * dt;
        state.folate_stores_mg += folate_absorbed_mg;
        state.folate_stores_mg -=
            state.folate_stores_mg * first_order_share(FOLATE_LOSS_PER_DAY, dt);
        let healthy_folate_intake = super::settings::SettingKey::FolateIntake.spec().healthy;
        let intake_relative =
            (settings.folate_intake_ug_per_day * 1e-3 * FOOD_FOLATE_BIOAVAILABILITY
                + folic_acid_mg_per_day * FOLIC_ACID_ABSORBED)
                / (healthy_folate_intake * 1e-3 * FOOD_FOLATE_BIOAVAILABILITY);
        relax(
            &mut state.folate_recent_intake_relative,
            intake_relative,
            1.0 / SERUM_FOLATE_TIME_CONSTANT_DAYS,
            dt,
        );
        relax(
            &mut state.folic_acid_recent_mg_per_day,
            folic_acid_mg_per_day,
            1.0 / FOLIC_ACID_TIME_CONSTANT_DAYS,
            dt,
        );

        // DNA synthesis and the nerves.
        let b12_status = b12_sufficiency(state.b12_stores_ug);
        let folate_status = folate_sufficiency(state.folate_stores_mg);
        state.dna_synthesis = usable_folate(
            folate_status,
            b12_status,
            state.folic_acid_recent_mg_per_day,
        )
        .clamp(0.05, 1.0);
        (state.neuro_reversible, state.neuro_irreversible) = neuro_step(
            state.neuro_reversible,
            state.neuro_irreversible,
            b12_status,
            dt,
        );
    }
}

/// Moves `value` toward `target` with first-order kinetics at `rate_per_day`, exactly for a step.
fn relax(value: &mut f64, target: f64, rate_per_day: f64, dt_days: f64) {
    *value += (target - *value) * first_order_share(rate_per_day, dt_days);
}

/// Iron the erythroblasts need per day to fill their cells with hemoglobin, mg/day.
fn erythroid_iron_demand_mg_per_day(state: &PatientState) -> f64 {
    state
        .erythroblasts
        .iter()
        .map(|cohort| {
            let target_pg = NORMAL_MCH_PG * megaloblastic_size_factor(cohort.dna_synthesis);
            cohort.cells * target_pg / ERYTHROBLAST_DAYS as f64
        })
        .sum::<f64>()
        * IRON_MG_PER_MG_HEMOGLOBIN
}

/// Shares `iron_mg` among the erythroblast cohorts as hemoglobin, in proportion to their demand.
fn hemoglobinize(state: &mut PatientState, iron_mg: f64) {
    if iron_mg <= 0.0 {
        return;
    }
    let total_demand: f64 = erythroid_iron_demand_mg_per_day(state);
    if total_demand <= 0.0 {
        // Nobody to take it: it stays in the body as storage iron.
        state.storage_iron_mg += iron_mg;
        return;
    }
    for cohort in state.erythroblasts.iter_mut() {
        if cohort.cells <= 0.0 {
            continue;
        }
        let target_pg = NORMAL_MCH_PG * megaloblastic_size_factor(cohort.dna_synthesis);
        let cohort_demand =
            cohort.cells * target_pg / ERYTHROBLAST_DAYS as f64 * IRON_MG_PER_MG_HEMOGLOBIN;
        let cohort_iron = iron_mg * cohort_demand / total_demand;
        cohort.hemoglobin_pg += cohort_iron / IRON_MG_PER_MG_HEMOGLOBIN / cohort.cells;
    }
}

/// Removes a share of the blood: red cells of every age and the plasma's iron with it.
fn lose_blood(state: &mut PatientState, share: f64) {
    let mut iron = 0.0;
    for cohort in state.red_cells.iter_mut() {
        let lost = cohort.cells * share;
        iron += lost * cohort.hemoglobin_pg * IRON_MG_PER_MG_HEMOGLOBIN;
        cohort.cells -= lost;
        cohort.cells_per_survivor *= 1.0 - share;
    }
    let plasma_lost = (state.plasma_iron_mg + state.non_transferrin_iron_mg) * share;
    state.plasma_iron_mg *= 1.0 - share;
    state.non_transferrin_iron_mg *= 1.0 - share;
    state.plasma_volume_dl *= 1.0 - share;
    state.iron_lost_mg_total += iron + plasma_lost;
    state.recount_red_cells();
}

/// Adds packed red cells: donor cells of mixed age (stored blood holds cells of every age).
fn transfuse(state: &mut PatientState, units: f64) {
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
        match state.red_cells.get_mut(index) {
            Some(cohort) => merge_cohorts(cohort, &donor),
            None => state.red_cells.push_back(donor),
        }
    }
    state.iron_given_mg_total += units * IRON_PER_TRANSFUSION_UNIT_MG;
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
