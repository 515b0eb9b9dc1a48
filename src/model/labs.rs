//! Lab outputs: pure functions of the patient's state (contract section 3), with reference ranges
//! and flags from one table (reference section 1).

use super::erythron::RedCellCohort;
use super::patient::Patient;
use super::physiology::*;

/// Low, normal or high against the reference range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flag {
    Low,
    Normal,
    High,
}

impl Flag {
    /// The contract's `data-flag` value.
    pub const fn as_str(self) -> &'static str {
        match self {
            Flag::Low => "low",
            Flag::Normal => "normal",
            Flag::High => "high",
        }
    }
}

/// One row of the reference table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReferenceRange {
    /// The sample key (`hb_g_dl`).
    pub key: &'static str,
    /// The unit as printed on a lab report.
    pub unit: &'static str,
    /// Lower and upper limits of normal (adult man); `None` where only one side is flagged.
    pub low: Option<f64>,
    pub high: Option<f64>,
}

impl ReferenceRange {
    pub fn flag(&self, value: f64) -> Flag {
        match (self.low, self.high) {
            (Some(low), _) if value < low => Flag::Low,
            (_, Some(high)) if value > high => Flag::High,
            _ => Flag::Normal,
        }
    }
}

/// Reference ranges for an adult man (reference section 1). One table for the panel, the flags,
/// the charts' bands and the tests.
pub const REFERENCE_RANGES: [ReferenceRange; 27] = [
    range("hb_g_dl", "g/dL", 13.5, 17.5),
    range("hct_percent", "%", 40.0, 52.0),
    range("rbc_10e12_per_l", "×10¹²/L", 4.5, 6.0),
    range("mcv_fl", "fL", 80.0, 96.0),
    range("mch_pg", "pg", 27.0, 33.0),
    range("mchc_g_dl", "g/dL", 32.0, 36.0),
    range("rdw_percent", "%", 11.5, 14.5),
    range("retic_percent", "%", 0.5, 1.5),
    range("retic_abs_10e9_per_l", "×10⁹/L", 35.0, 75.0),
    // RPI ≈ 1 in health; < 2 in anemia means the marrow is not answering (flagged low below 0.5
    // only in health-like states; the panel explains it in words).
    range("rpi", "", 0.5, 3.0),
    range("serum_iron_ug_dl", "µg/dL", 50.0, 180.0),
    range("tibc_ug_dl", "µg/dL", 250.0, 410.0),
    range("tsat_percent", "%", 20.0, 50.0),
    range("ferritin_ng_ml", "ng/mL", 30.0, 300.0),
    range("stfr_mg_l", "mg/L", 0.8, 1.8),
    range("epo_mu_ml", "mU/mL", 4.0, 26.0),
    // Hepcidin assays differ ≈ 10×: the range brackets the model's healthy value (80 ng/mL).
    range("hepcidin_ng_ml", "ng/mL", 20.0, 200.0),
    range("il6_pg_per_ml", "pg/mL", 0.0, 5.0),
    range("b12_pg_ml", "pg/mL", 200.0, 900.0),
    range("folate_ng_ml", "ng/mL", 3.0, 17.0),
    range("homocysteine_umol_l", "µmol/L", 5.0, 15.0),
    ReferenceRange {
        key: "mma_umol_l",
        unit: "µmol/L",
        low: None,
        high: Some(0.4),
    },
    range("ldh_u_l", "U/L", 140.0, 280.0),
    ReferenceRange {
        key: "neuro_damage_index",
        unit: "",
        low: None,
        high: Some(0.1),
    },
    range("marrow_iron_grade", "grade 0–6", 1.0, 3.0),
    range("sideroblasts_percent", "%", 20.0, 50.0),
    range("rbc_folate_ng_ml", "ng/mL", 140.0, 628.0),
];

const fn range(key: &'static str, unit: &'static str, low: f64, high: f64) -> ReferenceRange {
    ReferenceRange {
        key,
        unit,
        low: Some(low),
        high: Some(high),
    }
}

/// The reference range of a sample key, if it has one.
pub fn reference_range(key: &str) -> Option<&'static ReferenceRange> {
    REFERENCE_RANGES.iter().find(|range| range.key == key)
}

/// Reticulocyte maturation time in blood for a hematocrit, days (Hillman 1969, as tabulated in the
/// reference: 1.0 d at Hct ≥ 40 %, 1.5 at 30–39, 2.0 at 20–29, 2.5 below 20).
pub fn hillman_maturation_days(hct_percent: f64) -> f64 {
    if hct_percent >= 40.0 {
        1.0
    } else if hct_percent >= 30.0 {
        1.5
    } else if hct_percent >= 20.0 {
        2.0
    } else {
        2.5
    }
}

/// One sample of every lab (contract section 3). Units are in the names.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Labs {
    pub day: f64,
    pub hb_g_dl: f64,
    pub hct_percent: f64,
    pub rbc_10e12_per_l: f64,
    pub mcv_fl: f64,
    pub mch_pg: f64,
    pub mchc_g_dl: f64,
    pub rdw_percent: f64,
    pub retic_percent: f64,
    pub retic_abs_10e9_per_l: f64,
    pub rpi: f64,
    pub serum_iron_ug_dl: f64,
    pub tibc_ug_dl: f64,
    pub tsat_percent: f64,
    pub ferritin_ng_ml: f64,
    pub stfr_mg_l: f64,
    pub epo_mu_ml: f64,
    pub hepcidin_ng_ml: f64,
    /// Hepcidin relative to the model's healthy adult (1 = healthy), since assays differ ≈ 10×.
    pub hepcidin_relative: f64,
    pub il6_pg_per_ml: f64,
    pub b12_pg_ml: f64,
    pub folate_ng_ml: f64,
    pub rbc_folate_ng_ml: f64,
    pub homocysteine_umol_l: f64,
    pub mma_umol_l: f64,
    pub ldh_u_l: f64,
    pub neuro_damage_index: f64,
    pub marrow_iron_grade: f64,
    pub sideroblasts_percent: f64,
    pub body_iron_mg: f64,
    pub storage_iron_mg: f64,
    pub iron_absorbed_mg_total: f64,
    pub iron_given_mg_total: f64,
    pub iron_lost_mg_total: f64,
    pub b12_stores_ug: f64,
    pub folate_stores_mg: f64,
    /// 1 while the state is life-threatening (Hb below 5 g/dL or a recent acute loss above 40 % of
    /// the blood volume), else 0 (contract section 5).
    pub life_threatening: f64,
}

impl Labs {
    /// (key, value) for every sample key, in the contract's order (then the additions).
    pub fn entries(&self) -> [(&'static str, f64); 37] {
        [
            ("day", self.day),
            ("hb_g_dl", self.hb_g_dl),
            ("hct_percent", self.hct_percent),
            ("rbc_10e12_per_l", self.rbc_10e12_per_l),
            ("mcv_fl", self.mcv_fl),
            ("mch_pg", self.mch_pg),
            ("mchc_g_dl", self.mchc_g_dl),
            ("rdw_percent", self.rdw_percent),
            ("retic_percent", self.retic_percent),
            ("retic_abs_10e9_per_l", self.retic_abs_10e9_per_l),
            ("rpi", self.rpi),
            ("serum_iron_ug_dl", self.serum_iron_ug_dl),
            ("tibc_ug_dl", self.tibc_ug_dl),
            ("tsat_percent", self.tsat_percent),
            ("ferritin_ng_ml", self.ferritin_ng_ml),
            ("stfr_mg_l", self.stfr_mg_l),
            ("epo_mu_ml", self.epo_mu_ml),
            ("hepcidin_ng_ml", self.hepcidin_ng_ml),
            ("il6_pg_per_ml", self.il6_pg_per_ml),
            ("b12_pg_ml", self.b12_pg_ml),
            ("folate_ng_ml", self.folate_ng_ml),
            ("homocysteine_umol_l", self.homocysteine_umol_l),
            ("mma_umol_l", self.mma_umol_l),
            ("ldh_u_l", self.ldh_u_l),
            ("neuro_damage_index", self.neuro_damage_index),
            ("marrow_iron_grade", self.marrow_iron_grade),
            ("sideroblasts_percent", self.sideroblasts_percent),
            ("body_iron_mg", self.body_iron_mg),
            ("storage_iron_mg", self.storage_iron_mg),
            ("iron_absorbed_mg_total", self.iron_absorbed_mg_total),
            ("iron_lost_mg_total", self.iron_lost_mg_total),
            ("b12_stores_ug", self.b12_stores_ug),
            ("folate_stores_mg", self.folate_stores_mg),
            ("iron_given_mg_total", self.iron_given_mg_total),
            ("hepcidin_relative", self.hepcidin_relative),
            ("rbc_folate_ng_ml", self.rbc_folate_ng_ml),
            ("life_threatening", self.life_threatening),
        ]
    }

    /// The value of a sample key.
    pub fn get(&self, key: &str) -> Option<f64> {
        self.entries()
            .into_iter()
            .find(|(name, _)| *name == key)
            .map(|(_, value)| value)
    }

    /// The flag of a sample key against its reference range (normal where it has none).
    pub fn flag(&self, key: &str) -> Flag {
        match (reference_range(key), self.get(key)) {
            (Some(range), Some(value)) => range.flag(value),
            _ => Flag::Normal,
        }
    }
}

/// Healthy values the labs are scaled from (what the model's healthy adult shows).
const HEALTHY_SERUM_B12_PG_ML: f64 = 450.0;
const HEALTHY_SERUM_FOLATE_NG_ML: f64 = 9.0;
const HEALTHY_RBC_FOLATE_NG_ML: f64 = 400.0;
const HEALTHY_HOMOCYSTEINE_UMOL_L: f64 = 9.0;
const HEALTHY_MMA_UMOL_L: f64 = 0.2;
const HEALTHY_STFR_MG_L: f64 = 1.2;
const HEALTHY_SIDEROBLASTS_PERCENT: f64 = 35.0;
/// Within-cohort spread of red-cell volume, as a coefficient of variation: gives an RDW of ≈ 12.5 %
/// in health (tuned for teaching); anisocytosis grows when cells are made under strain.
const WITHIN_COHORT_VOLUME_CV: f64 = 0.12;

impl Patient {
    /// Every lab of contract section 3, computed from the state.
    pub fn labs(&self) -> Labs {
        let state = &self.state;
        let blood_l = state.blood_volume_dl() / 10.0;

        let mut cells = 0.0;
        let mut hemoglobin_mg = 0.0;
        let mut volume_sum = 0.0;
        let mut volume_square_sum = 0.0;
        let mut reticulocytes = 0.0;
        let mut folate_sum = 0.0;
        for cohort in &state.red_cells {
            cells += cohort.cells;
            hemoglobin_mg += cohort.hemoglobin_mg();
            volume_sum += cohort.cells * cohort.volume_fl;
            let spread = cohort_volume_cv(cohort) * cohort.volume_fl;
            volume_square_sum +=
                cohort.cells * (cohort.volume_fl * cohort.volume_fl + spread * spread);
            reticulocytes += cohort.cells * cohort.reticulocyte_share();
            folate_sum += cohort.cells * cohort.folate_relative;
        }
        let cells_safe = cells.max(1e-9);
        let mcv = volume_sum / cells_safe;
        let variance = (volume_square_sum / cells_safe - mcv * mcv).max(0.0);

        let hb = hemoglobin_mg * 1e-3 / state.blood_volume_dl();
        let hct_percent = volume_sum * 1e-6 / blood_l * 100.0;
        let rbc = cells / blood_l / 1000.0;
        let retic_percent = reticulocytes / cells_safe * 100.0;
        let rpi = retic_percent * (hct_percent / 45.0) / hillman_maturation_days(hct_percent);

        let plasma_dl = state.plasma_volume_dl;
        // Serum iron measures all plasma iron, bound to transferrin or not.
        let serum_iron =
            (state.plasma_iron_mg + state.non_transferrin_iron_mg) * 1000.0 / plasma_dl;
        let saturation = state.transferrin_saturation();
        let ferritin = serum_ferritin_ng_ml(
            state.storage_iron_mg,
            state.iv_iron_complex_mg,
            state.ferritin_acute_phase_factor,
        );
        // Soluble transferrin receptor: shed from erythroblasts, so it follows their mass, and
        // from the receptors each one carries, which IRP raises as transferrin brings less iron per
        // receptor (its binding falls with saturation): up in iron deficiency, not in a small
        // marrow. Exponent on mass tuned for teaching.
        let receptors_per_cell = erythroid_transferrin_binding(HEALTHY_TRANSFERRIN_SATURATION)
            / erythroid_transferrin_binding(saturation).max(1e-3);
        let stfr = HEALTHY_STFR_MG_L
            * (state.erythroid_mass_relative() / healthy_erythroid_mass_relative())
                .max(0.0)
                .powf(0.7)
            * receptors_per_cell.min(5.0);

        let b12_status = b12_sufficiency(state.b12_stores_ug);
        let folate_status = folate_sufficiency(state.folate_stores_mg);
        let b12_binding = |stores_ug: f64| stores_ug / (stores_ug + 800.0);
        let b12_serum = HEALTHY_SERUM_B12_PG_ML * b12_binding(state.b12_stores_ug)
            / b12_binding(HEALTHY_B12_STORES_UG)
            + state.b12_plasma_extra_ug * 1e6 / (plasma_dl * 100.0);
        // Trapped 5-methyl-THF leaks out of cells: serum folate is normal or high in B12 deficiency.
        let folate_serum = HEALTHY_SERUM_FOLATE_NG_ML
            * (0.5 * state.folate_recent_intake_relative
                + 0.5 * (state.folate_stores_mg / HEALTHY_FOLATE_STORES_MG).min(1.5))
            * (1.0 + 0.6 * (1.0 - b12_status));
        let renal = 100.0 / self.settings.egfr_ml_per_min.max(1.0);
        let synthase = methionine_synthase_activity(
            folate_status,
            b12_status,
            state.folic_acid_recent_mg_per_day,
        );
        let homocysteine = (HEALTHY_HOMOCYSTEINE_UMOL_L
            + 55.0 * (1.0 - synthase).max(0.0).powf(1.5))
            * renal.powf(0.35);
        let mma =
            (HEALTHY_MMA_UMOL_L + 6.0 * (1.0 - b12_status).max(0.0).powi(2)) * renal.powf(0.5);

        // LDH: red cells destroyed in blood and, far more, megaloblasts dying in the marrow.
        let healthy_output = HEALTHY_RED_CELL_OUTPUT_PER_DAY;
        let ldh = 120.0
            + 60.0 * state.red_cells_destroyed_per_day / healthy_output
            + 150.0 * state.intramedullary_deaths_per_day / healthy_output;

        // Prussian blue sees the marrow macrophages' iron: their share of the stores plus the
        // recycled iron they cannot export (high when hepcidin has shut ferroportin).
        let marrow_iron_relative = 0.6
            * (state.storage_iron_mg / HEALTHY_STORAGE_IRON_MG)
                .max(0.0)
                .powf(1.5)
            + 0.4
                * (state.macrophage_iron_mg / healthy_macrophage_iron_mg())
                    .max(0.0)
                    .powi(2);
        let marrow_iron_grade = 6.0 * marrow_iron_relative / (marrow_iron_relative + 2.0);
        let sideroblasts = (HEALTHY_SIDEROBLASTS_PERCENT
            * (saturation / HEALTHY_TRANSFERRIN_SATURATION).powf(1.2)
            * (1.0 + 0.5 * (1.0 - state.dna_synthesis)))
            .clamp(0.0, 90.0);

        let neuro = neuro_damage_index(state.neuro_reversible, state.neuro_irreversible);

        Labs {
            day: state.day(),
            hb_g_dl: hb,
            hct_percent,
            rbc_10e12_per_l: rbc,
            mcv_fl: mcv,
            mch_pg: hemoglobin_mg / cells_safe,
            mchc_g_dl: if volume_sum > 0.0 {
                hemoglobin_mg / volume_sum * 100.0
            } else {
                0.0
            },
            rdw_percent: variance.sqrt() / mcv.max(1e-9) * 100.0,
            retic_percent,
            retic_abs_10e9_per_l: reticulocytes / blood_l,
            rpi,
            serum_iron_ug_dl: serum_iron,
            tibc_ug_dl: state.tibc_ug_dl,
            tsat_percent: saturation * 100.0,
            ferritin_ng_ml: ferritin,
            stfr_mg_l: stfr,
            epo_mu_ml: self.epo_mu_ml(),
            hepcidin_ng_ml: state.hepcidin_relative * HEALTHY_HEPCIDIN_NG_ML,
            hepcidin_relative: state.hepcidin_relative / healthy_hepcidin_relative(),
            il6_pg_per_ml: self.settings.il6_pg_per_ml,
            b12_pg_ml: b12_serum,
            folate_ng_ml: folate_serum,
            rbc_folate_ng_ml: HEALTHY_RBC_FOLATE_NG_ML * folate_sum / cells_safe,
            homocysteine_umol_l: homocysteine,
            mma_umol_l: mma,
            ldh_u_l: ldh,
            neuro_damage_index: neuro.clamp(0.0, 1.0),
            marrow_iron_grade,
            sideroblasts_percent: sideroblasts,
            body_iron_mg: state.body_iron_mg(),
            storage_iron_mg: state.storage_iron_mg,
            iron_absorbed_mg_total: state.iron_absorbed_mg_total,
            iron_given_mg_total: state.iron_given_mg_total,
            iron_lost_mg_total: state.iron_lost_mg_total,
            b12_stores_ug: state.b12_stores_ug,
            folate_stores_mg: state.folate_stores_mg,
            life_threatening: if self.life_threatening() { 1.0 } else { 0.0 },
        }
    }
}

/// The model's healthy macrophage (recycled) iron pool, mg.
fn healthy_macrophage_iron_mg() -> f64 {
    static HEALTHY: std::sync::OnceLock<f64> = std::sync::OnceLock::new();
    *HEALTHY.get_or_init(|| super::patient::PatientState::healthy().macrophage_iron_mg)
}

/// The model's healthy erythroid mass (erythroblasts and marrow reticulocytes) on its own scale.
fn healthy_erythroid_mass_relative() -> f64 {
    static HEALTHY: std::sync::OnceLock<f64> = std::sync::OnceLock::new();
    *HEALTHY.get_or_init(|| super::patient::PatientState::healthy().erythroid_mass_relative())
}

/// The model's healthy hepcidin level, for reporting hepcidin relative to health.
fn healthy_hepcidin_relative() -> f64 {
    static HEALTHY: std::sync::OnceLock<f64> = std::sync::OnceLock::new();
    *HEALTHY.get_or_init(|| super::patient::PatientState::healthy().hepcidin_relative)
}

/// Volume spread within a cohort: wider for cells made small (iron-poor) or large (megaloblastic).
fn cohort_volume_cv(cohort: &RedCellCohort) -> f64 {
    WITHIN_COHORT_VOLUME_CV + 0.25 * (cohort.volume_fl / NORMAL_MCV_FL).ln().abs()
}
