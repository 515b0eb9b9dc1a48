//! Lab outputs: pure functions of the patient's state (contract section 3). One [`LabKey`] names a
//! lab everywhere (the report, the charts, the strings, `marrow-sim`), and its const [`LabSpec`]
//! holds its sample key, unit, reference range (reference section 1) and report group.

use std::fmt;

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

/// One sample key of contract section 3 (then the additions), in the contract's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LabKey {
    Day,
    Hemoglobin,
    Hematocrit,
    RedCells,
    Mcv,
    Mch,
    Mchc,
    Rdw,
    Reticulocytes,
    ReticulocytesAbsolute,
    ReticulocyteProductionIndex,
    SerumIron,
    Tibc,
    TransferrinSaturation,
    Ferritin,
    SolubleTransferrinReceptor,
    Erythropoietin,
    Hepcidin,
    Il6,
    VitaminB12,
    SerumFolate,
    Homocysteine,
    MethylmalonicAcid,
    Ldh,
    NerveDamageIndex,
    MarrowIronGrade,
    Sideroblasts,
    BodyIron,
    StorageIron,
    IronAbsorbedTotal,
    IronLostTotal,
    B12Stores,
    FolateStores,
    IronGivenTotal,
    HepcidinRelative,
    RedCellFolate,
    LifeThreatening,
}

/// The groups of the printed lab report, in the report's order; their headings are in the strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LabGroup {
    BloodCount,
    Reticulocytes,
    IronStudies,
    HormonesAndSignals,
    B12FolateAndMetabolites,
    MarrowAndIronStores,
}

impl LabGroup {
    /// Every group, in the order of a printed lab report.
    pub const ALL: [LabGroup; 6] = [
        LabGroup::BloodCount,
        LabGroup::Reticulocytes,
        LabGroup::IronStudies,
        LabGroup::HormonesAndSignals,
        LabGroup::B12FolateAndMetabolites,
        LabGroup::MarrowAndIronStores,
    ];
}

/// What the report, the charts, the flags and `marrow-sim` need to know about a lab.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabSpec {
    /// The contract's sample key (`hb_g_dl`): the `marrow-sim` column and the `lab-KEY` hook.
    pub key: &'static str,
    /// The unit as printed on a lab report ("" for a pure number).
    pub unit: &'static str,
    /// Lower and upper limits of normal for an adult man (reference section 1); `None` where the
    /// lab is flagged on one side only, or not at all.
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// The report group the lab is printed in; `None` for samples the report does not show.
    pub group: Option<LabGroup>,
}

impl LabSpec {
    /// The flag of `value` against the reference range (normal where the lab has none).
    pub fn flag(&self, value: f64) -> Flag {
        match (self.low, self.high) {
            (Some(low), _) if value < low => Flag::Low,
            (_, Some(high)) if value > high => Flag::High,
            _ => Flag::Normal,
        }
    }

    /// Whether the lab has a reference range on at least one side.
    pub const fn has_reference_range(&self) -> bool {
        self.low.is_some() || self.high.is_some()
    }
}

impl LabKey {
    /// Every sample key, in the contract's order (then the additions): the `marrow-sim` columns.
    pub const ALL: [LabKey; 37] = [
        LabKey::Day,
        LabKey::Hemoglobin,
        LabKey::Hematocrit,
        LabKey::RedCells,
        LabKey::Mcv,
        LabKey::Mch,
        LabKey::Mchc,
        LabKey::Rdw,
        LabKey::Reticulocytes,
        LabKey::ReticulocytesAbsolute,
        LabKey::ReticulocyteProductionIndex,
        LabKey::SerumIron,
        LabKey::Tibc,
        LabKey::TransferrinSaturation,
        LabKey::Ferritin,
        LabKey::SolubleTransferrinReceptor,
        LabKey::Erythropoietin,
        LabKey::Hepcidin,
        LabKey::Il6,
        LabKey::VitaminB12,
        LabKey::SerumFolate,
        LabKey::Homocysteine,
        LabKey::MethylmalonicAcid,
        LabKey::Ldh,
        LabKey::NerveDamageIndex,
        LabKey::MarrowIronGrade,
        LabKey::Sideroblasts,
        LabKey::BodyIron,
        LabKey::StorageIron,
        LabKey::IronAbsorbedTotal,
        LabKey::IronLostTotal,
        LabKey::B12Stores,
        LabKey::FolateStores,
        LabKey::IronGivenTotal,
        LabKey::HepcidinRelative,
        LabKey::RedCellFolate,
        LabKey::LifeThreatening,
    ];

    /// The lab's sample key, unit, reference range (adult man, reference section 1) and group.
    pub const fn spec(self) -> LabSpec {
        use LabGroup::*;
        /// A lab on the report with a two-sided reference range.
        const fn ranged(
            key: &'static str,
            unit: &'static str,
            low: f64,
            high: f64,
            group: LabGroup,
        ) -> LabSpec {
            LabSpec {
                key,
                unit,
                low: Some(low),
                high: Some(high),
                group: Some(group),
            }
        }
        /// A lab on the report flagged only above `high`.
        const fn upper(
            key: &'static str,
            unit: &'static str,
            high: f64,
            group: LabGroup,
        ) -> LabSpec {
            LabSpec {
                key,
                unit,
                low: None,
                high: Some(high),
                group: Some(group),
            }
        }
        /// A sample with no reference range, on the report in `group` or not shown there (`None`).
        const fn unranged(
            key: &'static str,
            unit: &'static str,
            group: Option<LabGroup>,
        ) -> LabSpec {
            LabSpec {
                key,
                unit,
                low: None,
                high: None,
                group,
            }
        }
        match self {
            LabKey::Day => unranged("day", "day", None),
            LabKey::Hemoglobin => ranged("hb_g_dl", "g/dL", 13.5, 17.5, BloodCount),
            LabKey::Hematocrit => ranged("hct_percent", "%", 40.0, 52.0, BloodCount),
            LabKey::RedCells => ranged("rbc_10e12_per_l", "×10¹²/L", 4.5, 6.0, BloodCount),
            LabKey::Mcv => ranged("mcv_fl", "fL", 80.0, 96.0, BloodCount),
            LabKey::Mch => ranged("mch_pg", "pg", 27.0, 33.0, BloodCount),
            LabKey::Mchc => ranged("mchc_g_dl", "g/dL", 32.0, 36.0, BloodCount),
            LabKey::Rdw => ranged("rdw_percent", "%", 11.5, 14.5, BloodCount),
            LabKey::Reticulocytes => ranged("retic_percent", "%", 0.5, 1.5, Reticulocytes),
            LabKey::ReticulocytesAbsolute => {
                ranged("retic_abs_10e9_per_l", "×10⁹/L", 35.0, 75.0, Reticulocytes)
            }
            // RPI ≈ 1 in health; < 2 in anemia means the marrow is not answering (flagged low below
            // 0.5 only in health-like states; the panel explains it in words).
            LabKey::ReticulocyteProductionIndex => ranged("rpi", "", 0.5, 3.0, Reticulocytes),
            LabKey::SerumIron => ranged("serum_iron_ug_dl", "µg/dL", 50.0, 180.0, IronStudies),
            LabKey::Tibc => ranged("tibc_ug_dl", "µg/dL", 250.0, 410.0, IronStudies),
            LabKey::TransferrinSaturation => ranged("tsat_percent", "%", 20.0, 50.0, IronStudies),
            LabKey::Ferritin => ranged("ferritin_ng_ml", "ng/mL", 30.0, 300.0, IronStudies),
            LabKey::SolubleTransferrinReceptor => {
                ranged("stfr_mg_l", "mg/L", 0.8, 1.8, IronStudies)
            }
            LabKey::Erythropoietin => ranged("epo_mu_ml", "mU/mL", 4.0, 26.0, HormonesAndSignals),
            // Hepcidin assays differ ≈ 10×: the range brackets the model's healthy value (80 ng/mL).
            LabKey::Hepcidin => ranged("hepcidin_ng_ml", "ng/mL", 20.0, 200.0, HormonesAndSignals),
            LabKey::Il6 => ranged("il6_pg_per_ml", "pg/mL", 0.0, 5.0, HormonesAndSignals),
            LabKey::VitaminB12 => {
                ranged("b12_pg_ml", "pg/mL", 200.0, 900.0, B12FolateAndMetabolites)
            }
            LabKey::SerumFolate => {
                ranged("folate_ng_ml", "ng/mL", 3.0, 17.0, B12FolateAndMetabolites)
            }
            LabKey::Homocysteine => ranged(
                "homocysteine_umol_l",
                "µmol/L",
                5.0,
                15.0,
                B12FolateAndMetabolites,
            ),
            LabKey::MethylmalonicAcid => {
                upper("mma_umol_l", "µmol/L", 0.4, B12FolateAndMetabolites)
            }
            LabKey::Ldh => ranged("ldh_u_l", "U/L", 140.0, 280.0, B12FolateAndMetabolites),
            LabKey::NerveDamageIndex => {
                upper("neuro_damage_index", "", 0.1, B12FolateAndMetabolites)
            }
            LabKey::MarrowIronGrade => ranged(
                "marrow_iron_grade",
                "grade 0–6",
                1.0,
                3.0,
                MarrowAndIronStores,
            ),
            LabKey::Sideroblasts => {
                ranged("sideroblasts_percent", "%", 20.0, 50.0, MarrowAndIronStores)
            }
            LabKey::BodyIron => unranged("body_iron_mg", "mg", Some(MarrowAndIronStores)),
            LabKey::StorageIron => unranged("storage_iron_mg", "mg", Some(MarrowAndIronStores)),
            LabKey::IronAbsorbedTotal => unranged("iron_absorbed_mg_total", "mg", None),
            LabKey::IronLostTotal => unranged("iron_lost_mg_total", "mg", None),
            LabKey::B12Stores => unranged("b12_stores_ug", "µg", None),
            LabKey::FolateStores => unranged("folate_stores_mg", "mg", None),
            LabKey::IronGivenTotal => unranged("iron_given_mg_total", "mg", None),
            // Relative to the model's healthy adult (1 = healthy): a pure number.
            LabKey::HepcidinRelative => unranged("hepcidin_relative", "", None),
            LabKey::RedCellFolate => ranged(
                "rbc_folate_ng_ml",
                "ng/mL",
                140.0,
                628.0,
                B12FolateAndMetabolites,
            ),
            // 1 while life-threatening, else 0.
            LabKey::LifeThreatening => unranged("life_threatening", "", None),
        }
    }

    /// The contract's sample key (`hb_g_dl`).
    pub const fn key(self) -> &'static str {
        self.spec().key
    }

    /// The lab named by a sample key (from a link or a query parameter), if there is one.
    pub fn from_key(key: &str) -> Option<LabKey> {
        LabKey::ALL.into_iter().find(|lab| lab.key() == key)
    }
}

impl fmt::Display for LabKey {
    /// Writes the sample key, as `marrow-sim` and the `lab-KEY` hooks spell it.
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.key())
    }
}

/// How many labs have a reference range.
const REFERENCE_RANGE_COUNT: usize = {
    let mut count = 0;
    let mut index = 0;
    while index < LabKey::ALL.len() {
        if LabKey::ALL[index].spec().has_reference_range() {
            count += 1;
        }
        index += 1;
    }
    count
};

/// The specs of the labs that have a reference range, in [`LabKey::ALL`] order: a view of
/// [`LabKey::spec`] built at compile time, not a second table.
pub const REFERENCE_RANGES: [LabSpec; REFERENCE_RANGE_COUNT] = {
    let mut ranges = [LabKey::Hemoglobin.spec(); REFERENCE_RANGE_COUNT];
    let mut filled = 0;
    let mut index = 0;
    while index < LabKey::ALL.len() {
        let spec = LabKey::ALL[index].spec();
        if spec.has_reference_range() {
            ranges[filled] = spec;
            filled += 1;
        }
        index += 1;
    }
    ranges
};

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
    /// (key, value) for every sample key, in [`LabKey::ALL`] order (the contract's, then the
    /// additions).
    pub fn entries(&self) -> [(LabKey, f64); 37] {
        LabKey::ALL.map(|key| (key, self.value(key)))
    }

    /// The value of a lab.
    pub fn value(&self, key: LabKey) -> f64 {
        match key {
            LabKey::Day => self.day,
            LabKey::Hemoglobin => self.hb_g_dl,
            LabKey::Hematocrit => self.hct_percent,
            LabKey::RedCells => self.rbc_10e12_per_l,
            LabKey::Mcv => self.mcv_fl,
            LabKey::Mch => self.mch_pg,
            LabKey::Mchc => self.mchc_g_dl,
            LabKey::Rdw => self.rdw_percent,
            LabKey::Reticulocytes => self.retic_percent,
            LabKey::ReticulocytesAbsolute => self.retic_abs_10e9_per_l,
            LabKey::ReticulocyteProductionIndex => self.rpi,
            LabKey::SerumIron => self.serum_iron_ug_dl,
            LabKey::Tibc => self.tibc_ug_dl,
            LabKey::TransferrinSaturation => self.tsat_percent,
            LabKey::Ferritin => self.ferritin_ng_ml,
            LabKey::SolubleTransferrinReceptor => self.stfr_mg_l,
            LabKey::Erythropoietin => self.epo_mu_ml,
            LabKey::Hepcidin => self.hepcidin_ng_ml,
            LabKey::Il6 => self.il6_pg_per_ml,
            LabKey::VitaminB12 => self.b12_pg_ml,
            LabKey::SerumFolate => self.folate_ng_ml,
            LabKey::Homocysteine => self.homocysteine_umol_l,
            LabKey::MethylmalonicAcid => self.mma_umol_l,
            LabKey::Ldh => self.ldh_u_l,
            LabKey::NerveDamageIndex => self.neuro_damage_index,
            LabKey::MarrowIronGrade => self.marrow_iron_grade,
            LabKey::Sideroblasts => self.sideroblasts_percent,
            LabKey::BodyIron => self.body_iron_mg,
            LabKey::StorageIron => self.storage_iron_mg,
            LabKey::IronAbsorbedTotal => self.iron_absorbed_mg_total,
            LabKey::IronLostTotal => self.iron_lost_mg_total,
            LabKey::B12Stores => self.b12_stores_ug,
            LabKey::FolateStores => self.folate_stores_mg,
            LabKey::IronGivenTotal => self.iron_given_mg_total,
            LabKey::HepcidinRelative => self.hepcidin_relative,
            LabKey::RedCellFolate => self.rbc_folate_ng_ml,
            LabKey::LifeThreatening => self.life_threatening,
        }
    }

    /// The value of a sample key spelled as a string, if it names a lab.
    pub fn get(&self, key: &str) -> Option<f64> {
        LabKey::from_key(key).map(|key| self.value(key))
    }

    /// The flag of a lab against its reference range (normal where it has none). The RPI is
    /// judged against the anemia: in anemia an RPI under 2 is low, however normal it would be in
    /// health (reference section 1).
    pub fn flag(&self, key: LabKey) -> Flag {
        if key == LabKey::ReticulocyteProductionIndex
            && self.interpretation().marrow_response == super::Reading::Inadequate
        {
            return Flag::Low;
        }
        key.spec().flag(self.value(key))
    }
}

/// Healthy values the labs are scaled from: each sits inside the reference range of section 1
/// (B12 200–900 pg/mL, serum folate 3–17 ng/mL, RBC folate 140–628 ng/mL, homocysteine 5–15 µmol/L,
/// MMA < 0.4 µmol/L, sTfR 0.8–1.8 mg/L, sideroblasts 20–50 %), near its middle.
const HEALTHY_SERUM_B12_PG_ML: f64 = 450.0;
const HEALTHY_SERUM_FOLATE_NG_ML: f64 = 9.0;
const HEALTHY_RBC_FOLATE_NG_ML: f64 = 400.0;
const HEALTHY_HOMOCYSTEINE_UMOL_L: f64 = 9.0;
const HEALTHY_MMA_UMOL_L: f64 = 0.2;
const HEALTHY_STFR_MG_L: f64 = 1.2;
const HEALTHY_SIDEROBLASTS_PERCENT: f64 = 35.0;
/// Serum B12 follows the store through transcobalamin/haptocorrin binding that is half-saturated
/// at this store, µg: tuned for teaching so that the 300 µg "lowest healthy store" (reference §5)
/// reads ≈ 160 pg/mL, just under the 200 pg/mL deficiency cut-off.
const B12_SERUM_HALF_STORE_UG: f64 = 800.0;
/// Homocysteine added when methionine synthase stops altogether, µmol/L, and the curvature of the
/// rise: tuned for teaching so that B12 deficiency reads 30–100 and folate deficiency 20–60
/// (reference §5). Renal failure raises it as (100/eGFR)^0.35 (≈ 2× at eGFR 15: Hcy 20–30 in
/// stage 4–5 CKD).
const HOMOCYSTEINE_BLOCKED_RISE_UMOL_L: f64 = 55.0;
/// MMA added when mutase has no B12, µmol/L: tuned for teaching so that B12 deficiency reads
/// 1–10 µmol/L (reference §5); renal failure raises it as (100/eGFR)^0.5 (mild ↑ in CKD).
const MMA_BLOCKED_RISE_UMOL_L: f64 = 6.0;
/// LDH: a baseline, and the share from red cells destroyed in blood and from erythroblasts dying
/// in the marrow (each per healthy day's output), U/L. Intramedullary death releases more LDH per
/// cell than senescence (large megaloblasts with their nuclei): tuned for teaching so that health
/// reads ≈ 200 (140–280) and megaloblastic anemia several times that (reference §6: LDH ↑↑).
const LDH_BASELINE_U_L: f64 = 120.0;
const LDH_PER_HEALTHY_DAY_OF_DESTRUCTION_U_L: f64 = 60.0;
const LDH_PER_HEALTHY_DAY_OF_MARROW_DEATHS_U_L: f64 = 150.0;
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
        for cohort in state.red_cells.iter() {
            cells += cohort.cells;
            hemoglobin_mg += cohort.hemoglobin_mg();
            volume_sum += cohort.cells * cohort.volume_fl;
            let spread = cohort_volume_cv(&cohort) * cohort.volume_fl;
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
            (state.iron.plasma_iron_mg + state.iron.non_transferrin_iron_mg) * 1000.0 / plasma_dl;
        let saturation = state.transferrin_saturation();
        let ferritin = serum_ferritin_ng_ml(
            state.iron.storage_iron_mg,
            state.iron.iv_iron_complex_mg,
            state.hormones.ferritin_acute_phase_factor,
        );
        // Soluble transferrin receptor: shed from erythroblasts, so it follows their mass, and
        // from the receptors each one carries, which IRP raises as transferrin brings less iron per
        // receptor (binding falls with saturation) and inflammatory cytokines lower (IFN-γ, TNF-α):
        // up in iron deficiency, normal in the iron-restricted marrow of inflammation. Exponents and
        // the cytokine factor tuned for teaching (IDA ≈ 2–4× healthy; sTfR/log ferritin < 1 in
        // inflammation, > 2 in iron deficiency).
        let receptors_per_cell = (erythroid_transferrin_binding(HEALTHY_TRANSFERRIN_SATURATION)
            / erythroid_transferrin_binding(saturation).max(1e-3))
        .powf(0.85)
            * (1.0 - 0.4 * il6_response(self.il6_effective_pg_ml()));
        let stfr = HEALTHY_STFR_MG_L
            * (state.erythroid_mass_relative() / healthy_erythroid_mass_relative())
                .max(0.0)
                .powf(0.7)
            * receptors_per_cell;

        let b12_status = b12_sufficiency(state.vitamins.b12_stores_ug);
        let folate_status = folate_sufficiency(state.vitamins.folate_stores_mg);
        let b12_binding = |stores_ug: f64| stores_ug / (stores_ug + B12_SERUM_HALF_STORE_UG);
        let b12_serum = HEALTHY_SERUM_B12_PG_ML * b12_binding(state.vitamins.b12_stores_ug)
            / b12_binding(HEALTHY_B12_STORES_UG)
            + state.vitamins.b12_plasma_extra_ug * 1e6 / (plasma_dl * 100.0);
        // Trapped 5-methyl-THF leaks out of cells: serum folate is normal or high in B12 deficiency.
        let folate_serum = HEALTHY_SERUM_FOLATE_NG_ML
            * (0.5 * state.vitamins.folate_recent_intake_relative
                + 0.5 * (state.vitamins.folate_stores_mg / HEALTHY_FOLATE_STORES_MG).min(1.5))
            * (1.0 + 0.6 * (1.0 - b12_status));
        let renal = 100.0 / self.settings.egfr_ml_per_min.max(1.0);
        let synthase = methionine_synthase_activity(
            folate_status,
            b12_status,
            state.vitamins.folic_acid_recent_mg_per_day,
        );
        let homocysteine = (HEALTHY_HOMOCYSTEINE_UMOL_L
            + HOMOCYSTEINE_BLOCKED_RISE_UMOL_L * (1.0 - synthase).max(0.0).powf(1.5))
            * renal.powf(0.35);
        let mma = (HEALTHY_MMA_UMOL_L
            + MMA_BLOCKED_RISE_UMOL_L * (1.0 - b12_status).max(0.0).powi(2))
            * renal.powf(0.5);

        // LDH: red cells destroyed in blood and, far more, megaloblasts dying in the marrow.
        let healthy_output = HEALTHY_RED_CELL_OUTPUT_PER_DAY;
        let ldh = LDH_BASELINE_U_L
            + LDH_PER_HEALTHY_DAY_OF_DESTRUCTION_U_L * state.red_cells_destroyed_per_day
                / healthy_output
            + LDH_PER_HEALTHY_DAY_OF_MARROW_DEATHS_U_L * state.intramedullary_deaths_per_day
                / healthy_output;

        // Prussian blue sees the marrow macrophages' iron: their share of the stores (weight 0.6,
        // rising faster than the stores: hemosiderin stains, ferritin hardly) plus the recycled iron
        // they cannot export (weight 0.4, high when hepcidin has shut ferroportin), graded 0–6 on a
        // saturating scale with health at ≈ 2 (grades 1–3 normal, reference §1). Weights and
        // exponents tuned for teaching: absent in iron deficiency, 4–5 in inflammation.
        let marrow_iron_relative = 0.6
            * (state.iron.storage_iron_mg / HEALTHY_STORAGE_IRON_MG)
                .max(0.0)
                .powf(1.5)
            + 0.4
                * (state.iron.macrophage_iron_mg / healthy_macrophage_iron_mg())
                    .max(0.0)
                    .powi(2);
        let marrow_iron_grade = 6.0 * marrow_iron_relative / (marrow_iron_relative + 2.0);
        // Sideroblasts (erythroblasts with stainable iron granules): more with transferrin
        // saturation, and more when DNA synthesis fails (iron piles up in arrested megaloblasts);
        // exponent and factor tuned for teaching (iron deficiency ↓↓, megaloblastic N–↑).
        let sideroblasts = (HEALTHY_SIDEROBLASTS_PERCENT
            * (saturation / HEALTHY_TRANSFERRIN_SATURATION).powf(1.2)
            * (1.0 + 0.5 * (1.0 - state.vitamins.dna_synthesis)))
            .clamp(0.0, 90.0);

        let neuro = neuro_damage_index(
            state.vitamins.neuro_reversible,
            state.vitamins.neuro_irreversible,
        );

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
            tibc_ug_dl: state.hormones.tibc_ug_dl,
            tsat_percent: saturation * 100.0,
            ferritin_ng_ml: ferritin,
            stfr_mg_l: stfr,
            epo_mu_ml: self.epo_mu_ml(),
            hepcidin_ng_ml: state.hormones.hepcidin_relative * HEALTHY_HEPCIDIN_NG_ML,
            hepcidin_relative: state.hormones.hepcidin_relative / healthy_hepcidin_relative(),
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
            storage_iron_mg: state.iron.storage_iron_mg,
            iron_absorbed_mg_total: state.iron.iron_absorbed_mg_total,
            iron_given_mg_total: state.iron.iron_given_mg_total,
            iron_lost_mg_total: state.iron.iron_lost_mg_total,
            b12_stores_ug: state.vitamins.b12_stores_ug,
            folate_stores_mg: state.vitamins.folate_stores_mg,
            life_threatening: if self.life_threatening() { 1.0 } else { 0.0 },
        }
    }
}

/// The model's healthy macrophage (recycled) iron pool, mg.
fn healthy_macrophage_iron_mg() -> f64 {
    static HEALTHY: std::sync::OnceLock<f64> = std::sync::OnceLock::new();
    *HEALTHY.get_or_init(|| {
        super::patient::PatientState::healthy()
            .iron
            .macrophage_iron_mg
    })
}

/// The model's healthy erythroid mass (erythroblasts and marrow reticulocytes) on its own scale.
fn healthy_erythroid_mass_relative() -> f64 {
    static HEALTHY: std::sync::OnceLock<f64> = std::sync::OnceLock::new();
    *HEALTHY.get_or_init(|| super::patient::PatientState::healthy().erythroid_mass_relative())
}

/// The model's healthy hepcidin level, for reporting hepcidin relative to health.
fn healthy_hepcidin_relative() -> f64 {
    static HEALTHY: std::sync::OnceLock<f64> = std::sync::OnceLock::new();
    *HEALTHY.get_or_init(|| {
        super::patient::PatientState::healthy()
            .hormones
            .hepcidin_relative
    })
}

/// Volume spread within a cohort: wider for cells made small (iron-poor) or large (megaloblastic).
fn cohort_volume_cv(cohort: &RedCellCohort) -> f64 {
    WITHIN_COHORT_VOLUME_CV + 0.25 * (cohort.volume_fl / NORMAL_MCV_FL).ln().abs()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lab_key_round_trips_through_its_sample_key() {
        for key in LabKey::ALL {
            assert_eq!(LabKey::from_key(key.spec().key), Some(key), "{key}");
        }
        assert_eq!(LabKey::from_key("no_such_lab"), None);
    }

    #[test]
    fn entries_list_the_keys_in_the_contract_order() {
        let keys: Vec<LabKey> = Labs::default()
            .entries()
            .into_iter()
            .map(|(key, _)| key)
            .collect();
        assert_eq!(keys, LabKey::ALL);
        assert_eq!(LabKey::ALL[0], LabKey::Day);
    }

    #[test]
    fn every_lab_reads_its_own_field() {
        // Distinct values in every field: a key mapped to the wrong field shows up as a mismatch.
        let mut labs = Labs::default();
        let fields: [&mut f64; 37] = [
            &mut labs.day,
            &mut labs.hb_g_dl,
            &mut labs.hct_percent,
            &mut labs.rbc_10e12_per_l,
            &mut labs.mcv_fl,
            &mut labs.mch_pg,
            &mut labs.mchc_g_dl,
            &mut labs.rdw_percent,
            &mut labs.retic_percent,
            &mut labs.retic_abs_10e9_per_l,
            &mut labs.rpi,
            &mut labs.serum_iron_ug_dl,
            &mut labs.tibc_ug_dl,
            &mut labs.tsat_percent,
            &mut labs.ferritin_ng_ml,
            &mut labs.stfr_mg_l,
            &mut labs.epo_mu_ml,
            &mut labs.hepcidin_ng_ml,
            &mut labs.il6_pg_per_ml,
            &mut labs.b12_pg_ml,
            &mut labs.folate_ng_ml,
            &mut labs.homocysteine_umol_l,
            &mut labs.mma_umol_l,
            &mut labs.ldh_u_l,
            &mut labs.neuro_damage_index,
            &mut labs.marrow_iron_grade,
            &mut labs.sideroblasts_percent,
            &mut labs.body_iron_mg,
            &mut labs.storage_iron_mg,
            &mut labs.iron_absorbed_mg_total,
            &mut labs.iron_lost_mg_total,
            &mut labs.b12_stores_ug,
            &mut labs.folate_stores_mg,
            &mut labs.iron_given_mg_total,
            &mut labs.hepcidin_relative,
            &mut labs.rbc_folate_ng_ml,
            &mut labs.life_threatening,
        ];
        for (index, field) in fields.into_iter().enumerate() {
            *field = index as f64;
        }
        for (index, (key, value)) in labs.entries().into_iter().enumerate() {
            assert_eq!(value, index as f64, "{key}");
            assert_eq!(labs.get(key.key()), Some(value), "{key}");
        }
        assert_eq!(labs.get("no_such_lab"), None);
    }

    #[test]
    fn reference_ranges_are_the_ranged_specs_in_contract_order() {
        let ranged: Vec<LabSpec> = LabKey::ALL
            .into_iter()
            .map(LabKey::spec)
            .filter(LabSpec::has_reference_range)
            .collect();
        assert_eq!(REFERENCE_RANGES.to_vec(), ranged);
        assert_eq!(REFERENCE_RANGES.len(), 27);
    }

    #[test]
    fn flags_follow_the_reference_range() {
        let labs = Labs {
            hb_g_dl: 9.0,
            mma_umol_l: 2.0,
            ferritin_ng_ml: 100.0,
            storage_iron_mg: 0.0,
            ..Labs::default()
        };
        assert_eq!(labs.flag(LabKey::Hemoglobin), Flag::Low);
        assert_eq!(labs.flag(LabKey::MethylmalonicAcid), Flag::High);
        assert_eq!(labs.flag(LabKey::Ferritin), Flag::Normal);
        // No reference range: never flagged.
        assert_eq!(labs.flag(LabKey::StorageIron), Flag::Normal);
        // One-sided: never low.
        assert_eq!(LabKey::MethylmalonicAcid.spec().flag(0.0), Flag::Normal);
    }
}
