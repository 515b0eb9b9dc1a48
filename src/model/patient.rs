//! The patient: settings, state and scheduled events, advanced in fixed internal steps.
//!
//! Fast variables (EPO, hepcidin, ferroportin, plasma iron, enterocytes, drug levels) move every
//! [`STEP_DAYS`]; plasma iron, which turns over ≈ 10× a day, is integrated implicitly so any step is
//! stable. The marrow conveyor and the red-cell cohorts move once a day. The caller may step by any
//! amount: time is accumulated and the internal grid is the same, so results do not depend on it.

use std::sync::OnceLock;

use super::compartments::blood::{lose_blood, plasma_refill_step, red_cells_day, transfuse};
use super::compartments::hormones::{hormones_step, inflammation_step, Hormones, Signals};
use super::compartments::iron::{iron_step, Iron, IronInputs};
use super::compartments::marrow::{conveyor_day, hemoglobinize, MarrowReadings};
use super::compartments::vitamins::{vitamins_step, Vitamins};
use super::compartments::{SettingsEffects, StepMemory};
use super::erythron::{
    PrecursorCohort, RedCellCohort, RedCellCohorts, SenescenceTable, BFU_E_DAYS, CFU_E_DAYS,
    ERYTHROBLAST_DAYS, IRON_MG_PER_MG_HEMOGLOBIN,
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
pub(crate) struct PatientState {
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
    pub red_cells: RedCellCohorts,
    /// Hemoglobin in all circulating red cells, mg: the sum over `red_cells`, kept so that the
    /// 6-hour step need not add up ≈ 130 cohorts several times (cohorts change only once a day and
    /// on bleeding or transfusion).
    pub red_cell_hemoglobin_mg: f64,
    /// Packed volume of all circulating red cells, L: the sum over `red_cells`, kept as above.
    pub red_cell_volume_l: f64,

    /// Plasma volume, dL: refills after a bleed and contracts after a transfusion over ≈ a day.
    pub plasma_volume_dl: f64,

    // The compartments that own their state (each advanced by its own step function).
    /// Hormones and signals: EPO, hepcidin, ferroportin, transferrin, the IL-6 blockade.
    pub hormones: Hormones,
    /// Iron pools outside the red cells and erythroblasts, and the ledger's totals.
    pub iron: Iron,
    /// B12, folate, the DNA synthesis they allow, and the nerves.
    pub vitamins: Vitamins,

    // Rates kept for the lab panel and the factory scene.
    /// Red cells released into blood over the last day, 10⁹/day.
    pub output_cells_per_day: f64,
    /// Erythroblasts dying in the marrow over the last day, 10⁹/day.
    pub intramedullary_deaths_per_day: f64,
    /// Red cells removed by macrophages over the last day (senescence), 10⁹/day.
    pub red_cells_destroyed_per_day: f64,
}

/// The patient: settings, state and what is scheduled.
#[derive(Clone, Debug)]
pub struct Patient {
    pub settings: Settings,
    pub(crate) state: PatientState,
    /// Scheduled events not yet applied, sorted by day.
    pending_events: Vec<Event>,
    /// Courses under way or finished (kept so their doses and wash-out are known).
    courses: Vec<Course>,
    /// Time asked for by the caller but not yet a whole internal step, days.
    carry_days: f64,
    /// Where `reset` returns to.
    start: Box<(Settings, PatientState, Vec<Event>)>,
}

pub(crate) fn senescence() -> &'static SenescenceTable {
    static TABLE: OnceLock<SenescenceTable> = OnceLock::new();
    TABLE.get_or_init(SenescenceTable::new)
}

impl PatientState {
    /// A first guess at the healthy steady state; [`PatientState::healthy`] settles it.
    fn healthy_guess() -> PatientState {
        let production = HEALTHY_RED_CELL_OUTPUT_PER_DAY;
        let mut red_cells = RedCellCohorts::new();
        for age in 0..150 {
            let biological_age = age as f64 / HEALTHY_LIFESPAN_DAYS;
            let alive = 1.0 - senescence().share_dead_by(biological_age);
            red_cells.push_oldest(RedCellCohort {
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
            plasma_volume_dl: NORMAL_BLOOD_VOLUME_DL * (1.0 - NORMAL_HEMATOCRIT),
            hormones: Hormones::healthy(),
            iron: Iron::healthy(),
            vitamins: Vitamins::healthy(),
            output_cells_per_day: production,
            intramedullary_deaths_per_day: blast_input * (1.0 - HEALTHY_ERYTHROBLAST_SURVIVAL),
            red_cells_destroyed_per_day: production,
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
                state.iron.iron_absorbed_mg_total = 0.0;
                state.iron.iron_given_mg_total = 0.0;
                state.iron.iron_lost_mg_total = 0.0;
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
        self.iron.plasma_iron_mg
            + self.iron.non_transferrin_iron_mg
            + self.iron.iv_iron_complex_mg
            + self.iron.macrophage_iron_mg
            + self.iron.digesting_iron_mg
            + self.iron.storage_iron_mg
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

    /// Iron that transferrin in plasma can carry, mg.
    pub fn transferrin_capacity_mg(&self) -> f64 {
        self.hormones.tibc_ug_dl * self.plasma_volume_dl * 1e-3
    }

    /// Transferrin saturation as a fraction (iron beyond capacity is non-transferrin-bound).
    pub fn transferrin_saturation(&self) -> f64 {
        (self.iron.plasma_iron_mg / self.transferrin_capacity_mg().max(1e-9)).min(1.0)
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
    pub(crate) fn from_state(settings: Settings, state: PatientState) -> Patient {
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
        // Settings change only between calls or through events.
        let mut effects = SettingsEffects::new(&self.settings, STEP_DAYS);
        // The marrow moves once a day (in `daily_step`).
        let mut marrow = MarrowReadings::of(&self.state);
        let mut memory = StepMemory::new();
        for _ in 0..steps {
            if self.apply_due_events() {
                effects = SettingsEffects::new(&self.settings, STEP_DAYS);
            }
            if self.state.steps_taken.is_multiple_of(STEPS_PER_DAY) {
                self.daily_step();
                marrow = MarrowReadings::of(&self.state);
            }
            self.fast_step(&effects, &marrow, &mut memory);
            self.state.steps_taken += 1;
        }
    }

    /// Applies the events due now; returns whether there were any.
    fn apply_due_events(&mut self) -> bool {
        let now = self.state.day();
        let mut applied = false;
        while let Some(event) = self.pending_events.first() {
            // An event at a fractional day applies at the first step at or after it.
            if event.day > now + 1e-9 {
                break;
            }
            let event = self.pending_events.remove(0);
            self.apply(&event);
            applied = true;
        }
        applied
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
                state.iron.iv_iron_complex_mg += dose;
                state.iron.iron_given_mg_total += dose;
            }
            Treatment::B12Injection => state.vitamins.b12_plasma_extra_ug += dose,
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

    /// Checks the state's own consistency: every pool finite and not negative, and the red-cell
    /// totals kept for speed equal to the sum over the cohorts. For tests and diagnostics; `Err`
    /// names the first broken rule.
    pub fn check_invariants(&self) -> Result<(), String> {
        let state = &self.state;
        let pools = [
            ("plasma iron", state.iron.plasma_iron_mg),
            (
                "non-transferrin-bound iron",
                state.iron.non_transferrin_iron_mg,
            ),
            ("IV iron complex", state.iron.iv_iron_complex_mg),
            ("macrophage iron", state.iron.macrophage_iron_mg),
            ("storage iron", state.iron.storage_iron_mg),
            ("enterocyte iron", state.iron.enterocyte_iron_mg),
            ("plasma volume", state.plasma_volume_dl),
            ("B12 stores", state.vitamins.b12_stores_ug),
            ("folate stores", state.vitamins.folate_stores_mg),
        ];
        for (name, value) in pools {
            if !value.is_finite() || value < -1e-9 {
                return Err(format!("{name} is {value}"));
            }
        }
        let mut recounted = state.clone();
        recounted.recount_red_cells();
        for (name, kept, summed) in [
            (
                "red-cell hemoglobin",
                state.red_cell_hemoglobin_mg,
                recounted.red_cell_hemoglobin_mg,
            ),
            (
                "red-cell volume",
                state.red_cell_volume_l,
                recounted.red_cell_volume_l,
            ),
        ] {
            if (kept - summed).abs() > 1e-9 * kept.abs().max(1.0) {
                return Err(format!(
                    "kept {name} {kept} differs from the cohorts' sum {summed}"
                ));
            }
        }
        Ok(())
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
        self.settings.il6_pg_per_ml * (1.0 - self.state.hormones.anti_il6_blockade)
    }

    /// Total EPO (endogenous and injected), mU/mL.
    pub fn epo_mu_ml(&self) -> f64 {
        self.state.hormones.epo_mu_ml()
    }

    /// Once a day: the marrow conveyor moves one day and the red cells age one day.
    fn daily_step(&mut self) {
        let il6 = self.il6_effective_pg_ml();
        let epo = self.epo_mu_ml();
        let settings = self.settings;
        let state = &mut self.state;
        let release = conveyor_day(state, &settings, il6, epo);
        // Neocytolysis answers a fall in the EPO that the kidney's oxygen sensing orders (plethora:
        // a transfusion, a descent from altitude, an ESA stopped; Rice 2001), not the fall that
        // cytokines cause at the onset of inflammation: there is no report of neocytolysis in
        // inflammation, whose anemia develops over weeks (reference section 6), and the burst of
        // destroyed neocytes would flood plasma with iron just as hepcidin shuts the gates. So the
        // trigger reads what the kidney orders for this hemoglobin, as the marrow's receptors
        // leave it, without the cytokines' blunting, plus any ESA. (It read the EPO in plasma
        // with today's blunting divided out; when inflammation ended, plasma EPO was still
        // blunted for hours while the blunting was gone, and a day of neocytolysis followed:
        // one day of IL-6 80 then none sent TSAT to 100 % for days.)
        let kidney_order = symeonidis_epo_mu_ml(state.hemoglobin_g_dl())
            * renal_epo_capacity(settings.egfr_ml_per_min)
            * epo_receptor_clearance_factor(state.erythroid_mass_relative());
        let neocytolysis_epo = kidney_order + state.hormones.esa_plasma_mu_ml;
        red_cells_day(state, &settings, il6, neocytolysis_epo, release);
    }

    /// Every internal step: courses, then each compartment in turn (hormones, blood volume, iron,
    /// vitamins). `effects` are those of the current settings, `marrow` the readings of the marrow;
    /// `memory` what the last steps worked out (it spares work only).
    fn fast_step(
        &mut self,
        effects: &SettingsEffects,
        marrow: &MarrowReadings,
        memory: &mut StepMemory,
    ) {
        let dt = effects.step_days;
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

        let il6 = inflammation_step(&mut state.hormones, &settings, anti_il6_on, effects);
        plasma_refill_step(state, effects);
        let signals = Signals {
            epo_for_hemoglobin_mu_ml: memory
                .epo_for_hemoglobin
                .get(state.hemoglobin_g_dl(), symeonidis_epo_mu_ml),
            transferrin_saturation: state.transferrin_saturation(),
            storage_iron_mg: state.iron.storage_iron_mg,
            erythroid_mass_relative: marrow.erythroid_mass_relative,
            epo_receptor_clearance_factor: marrow.epo_receptor_clearance_factor,
        };
        hormones_step(&mut state.hormones, effects, il6, signals, esa_dose_iu, dt);
        let demand_mg_per_day = marrow.iron_demand_mg_per_day;
        let iron_inputs = IronInputs {
            epo_for_hemoglobin_mu_ml: signals.epo_for_hemoglobin_mu_ml,
            transferrin_saturation: signals.transferrin_saturation,
            hepcidin_relative: state.hormones.hepcidin_relative,
            ferroportin_gut_relative: state.hormones.ferroportin_gut_relative,
            ferroportin_macrophage_relative: state.hormones.ferroportin_macrophage_relative,
            ferritin_induction: macrophage_ferritin_induction(
                il6,
                state.hormones.inflammation_adapted_response,
            ),
            transferrin_capacity_mg: state.transferrin_capacity_mg(),
            erythroid_demand_mg_per_day: demand_mg_per_day,
        };
        let to_erythroblasts = iron_step(
            &mut state.iron,
            iron_inputs,
            oral_iron_today,
            step_index_in_day,
            effects,
            dt,
        );
        hemoglobinize(state, to_erythroblasts, marrow);
        vitamins_step(
            &mut state.vitamins,
            &settings,
            effects,
            folic_acid_mg_per_day,
            &mut memory.vitamins,
        );
    }
}
