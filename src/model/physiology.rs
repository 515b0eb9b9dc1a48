//! The physiological relations between the compartments: pure functions of settings and state,
//! each with its source or marked as tuned for teaching. `patient.rs` integrates them over time.

use super::settings::Settings;

// ---- Body ----------------------------------------------------------------------------------------

/// Blood volume of the 70 kg adult, dL (reference section 2: 65–85 mL/kg → ≈ 5 L). Held constant:
/// plasma refills within a day or two after a bleed, which the model takes as instant.
pub const BLOOD_VOLUME_DL: f64 = 50.0;
/// Body mass, kg (the reference adult), for doses given per kg.
pub const BODY_MASS_KG: f64 = 70.0;

// ---- Erythropoiesis ------------------------------------------------------------------------------

/// Mean red-cell lifespan in health, days (reference section 2: ≈ 120 d).
pub const HEALTHY_LIFESPAN_DAYS: f64 = 120.0;
/// Red cells per day entering the conveyor as BFU-E, counted in the red cells they can yield
/// (10⁹/day). Set so that healthy survival gives ≈ 208 × 10⁹ cells/day (reference section 2:
/// 2–2.5 × 10¹¹/day).
pub const PROGENITOR_INPUT_PER_DAY: f64 = 1250.0;
/// Red cells a healthy adult releases per day, 10⁹/day (what that survival gives; the lab panel's
/// LDH and the factory's conveyor are scaled to it).
pub const HEALTHY_RED_CELL_OUTPUT_PER_DAY: f64 = 208.0;
/// CFU-E survival through the stage at the healthy EPO level. Tuned for teaching so that full
/// EPO drive gives ≈ 5× basal output (reference section 2: max 5–10× with ample iron).
pub const HEALTHY_CFU_E_SURVIVAL: f64 = 0.2;
/// EPO at which CFU-E survival is half its maximum, mU/mL, and the Hill exponent (Fuertinger 2013
/// uses an EPO-dependent apoptosis of this shape; values tuned for teaching so that 12 mU/mL gives 0.2).
pub const CFU_E_EPO_HALF_MU_ML: f64 = 30.2;
pub const CFU_E_EPO_HILL: f64 = 1.5;
/// Erythroblasts that die in a healthy marrow (≈ 10 % ineffective erythropoiesis; textbook).
pub const HEALTHY_ERYTHROBLAST_SURVIVAL: f64 = 0.9;
/// Hemoglobin per cell and cell volume of a normal new red cell (reference section 1: MCH 27–33 pg,
/// MCV 80–96 fL).
pub const NORMAL_MCH_PG: f64 = 30.0;
pub const NORMAL_MCV_FL: f64 = 90.0;

/// CFU-E survival through the whole stage for an EPO level (before inflammation and iron limits).
pub fn cfu_e_epo_survival(epo_mu_ml: f64) -> f64 {
    let stimulus = (epo_mu_ml.max(0.0) / CFU_E_EPO_HALF_MU_ML).powf(CFU_E_EPO_HILL);
    stimulus / (1.0 + stimulus)
}

/// Inflammatory suppression of erythroid progenitors (TNF-α, IFN-γ travel with IL-6): a survival
/// factor on CFU-E, 1 in health (reference section 4: a multiplicative survival factor is the usual
/// simplification). Tuned for teaching: a saturated signal of 50 pg/mL roughly halves CFU-E survival.
pub fn progenitor_inflammation_factor(il6_effective_pg_ml: f64) -> f64 {
    const HALF_EFFECT_PG_ML: f64 = 43.0;
    (1.0 + HEALTHY_IL6_PG_ML / HALF_EFFECT_PG_ML) / (1.0 + il6_effective_pg_ml / HALF_EFFECT_PG_ML)
}

/// Erythroblast survival through the stage for a DNA-synthesis capacity (1 = normal). Without DNA
/// synthesis most megaloblasts die in the marrow (ineffective erythropoiesis); tuned for teaching.
pub fn erythroblast_survival(dna_synthesis: f64) -> f64 {
    HEALTHY_ERYTHROBLAST_SURVIVAL * dna_synthesis.clamp(0.0, 1.0).powf(1.3)
}

/// How much larger a cell leaves the marrow when its divisions lacked DNA synthesis: fewer divisions,
/// bigger cells with a normal hemoglobin concentration (megaloblastic MCV 100–130 fL, reference 6).
pub fn megaloblastic_size_factor(dna_synthesis: f64) -> f64 {
    1.0 + 0.5 * (1.0 - dna_synthesis.clamp(0.0, 1.0))
}

/// How much faster megaloblastic cells age in blood (they are fragile); tuned for teaching.
pub fn megaloblastic_fragility(dna_synthesis: f64) -> f64 {
    1.0 + 0.6 * (1.0 - dna_synthesis.clamp(0.0, 1.0))
}

/// Red-cell ageing rate relative to health: inflammation and uraemia shorten red-cell life.
/// CKD: lifespan ≈ 122, 112, 90, 88, 60 d in stages 1–5 (reference section 2); inflammation: tuned
/// for teaching (a saturated signal of 50 pg/mL → ≈ 95 d).
pub fn red_cell_ageing_factor(settings: &Settings, il6_effective_pg_ml: f64) -> f64 {
    const CKD_LIFESPAN_DAYS: [(f64, f64); 6] = [
        (5.0, 60.0),
        (12.0, 65.0),
        (22.0, 88.0),
        (45.0, 90.0),
        (75.0, 112.0),
        (100.0, 120.0),
    ];
    let lifespan_days = interpolate(&CKD_LIFESPAN_DAYS, settings.egfr_ml_per_min);
    let inflammation = 1.0 + (il6_effective_pg_ml - HEALTHY_IL6_PG_ML).max(0.0) / 143.0;
    HEALTHY_LIFESPAN_DAYS / lifespan_days * inflammation
}

/// Marrow space left for erythropoiesis (1 = all of it).
pub fn marrow_space_factor(settings: &Settings) -> f64 {
    1.0 - settings.marrow_infiltration_percent / 100.0
}

/// Reticulocyte shift: the share of the shift achieved at an EPO level (0 at healthy EPO, 1 at
/// ≈ 150 mU/mL). High EPO releases marrow reticulocytes early; they then spend 2–2.5 d maturing in
/// blood instead of 1 d (reference section 2).
pub fn reticulocyte_shift(epo_mu_ml: f64) -> f64 {
    ((epo_mu_ml.max(1.0) / HEALTHY_EPO_MU_ML).log10() / (150.0 / HEALTHY_EPO_MU_ML).log10())
        .clamp(0.0, 1.0)
}

/// Days a reticulocyte spends in the marrow before release, for a shift (reference section 2: 1–3 d).
pub fn marrow_reticulocyte_days(shift: f64) -> f64 {
    2.5 - 1.5 * shift
}

/// Days a released reticulocyte counts as one in blood (1 d normally, 2.5 d fully shifted).
pub fn blood_reticulocyte_days(shift: f64) -> f64 {
    1.0 + 1.5 * shift
}

// ---- EPO -----------------------------------------------------------------------------------------

/// EPO of a healthy adult (Hb 15 g/dL by the Symeonidis curve), mU/mL.
pub const HEALTHY_EPO_MU_ML: f64 = 12.0;
/// Endogenous EPO half-life, days (reference section 4: 5–9 h).
pub const EPO_HALF_LIFE_DAYS: f64 = 7.0 / 24.0;

/// EPO the kidneys would hold for a hemoglobin with healthy kidneys and no inflammation:
/// log10 EPO = 3.05 − 0.131 Hb (Symeonidis 2016, n = 1096).
pub fn symeonidis_epo_mu_ml(hemoglobin_g_dl: f64) -> f64 {
    (std::f64::consts::LN_10 * (3.05 - 0.131 * hemoglobin_g_dl)).exp()
}

/// Kidney capacity to make EPO relative to health, from eGFR. Tuned so that at eGFR 30 EPO is
/// ≈ 48 % below the healthy-kidney value at equal Hb (Gowanlock 2016).
pub fn renal_epo_capacity(egfr_ml_per_min: f64) -> f64 {
    const HALF_CAPACITY_EGFR: f64 = 50.0;
    let capacity = |egfr: f64| egfr / (egfr + HALF_CAPACITY_EGFR);
    capacity(egfr_ml_per_min) / capacity(100.0)
}

/// Inflammatory blunting of EPO production (takes the saturated signal). Tuned so that IL-6 ≈ 50
/// pg/mL gives ≈ 46 % less EPO at equal Hb (Gowanlock 2016: anemia of inflammation vs iron
/// deficiency).
pub fn epo_inflammation_factor(il6_effective_pg_ml: f64) -> f64 {
    const HALF_EFFECT_PG_ML: f64 = 22.0;
    (1.0 + HEALTHY_IL6_PG_ML / HALF_EFFECT_PG_ML) / (1.0 + il6_effective_pg_ml / HALF_EFFECT_PG_ML)
}

/// EPO cleared by the marrow's EPO receptors: a larger erythroid mass holds the level lower.
/// Share of clearance by receptors in health: tuned for teaching (0.3).
pub fn epo_receptor_clearance_factor(erythroid_mass_relative: f64) -> f64 {
    const RECEPTOR_SHARE: f64 = 0.3;
    1.0 / ((1.0 - RECEPTOR_SHARE) + RECEPTOR_SHARE * erythroid_mass_relative.max(0.0))
}

/// Subcutaneous epoetin: bioavailability, absorption half-life, plasma volume of distribution and
/// elimination half-life (reference section 4: SC bioavailability 20–40 %, SC t½ ≈ 24 h, IV t½ 4–8 h).
pub const ESA_BIOAVAILABILITY: f64 = 0.3;
pub const ESA_ABSORPTION_HALF_LIFE_DAYS: f64 = 0.7;
pub const ESA_ELIMINATION_HALF_LIFE_DAYS: f64 = 6.0 / 24.0;
pub const ESA_DISTRIBUTION_VOLUME_ML: f64 = 3000.0;

// ---- Inflammation -------------------------------------------------------------------------------

/// IL-6 of a healthy adult, pg/mL (reference section 1: ≈ 1–5).
pub const HEALTHY_IL6_PG_ML: f64 = 2.0;
/// IL-6 level at which its effects are half saturated, pg/mL. Receptor signalling saturates, so
/// sepsis-level IL-6 (hundreds of pg/mL) does not push hemoglobin far below 8 g/dL (reference
/// section 6: anemia of inflammation is mild, rarely < 8). Tuned for teaching.
pub const IL6_SATURATION_PG_ML: f64 = 40.0;

/// The inflammatory signal the tissues respond to, in pg/mL of IL-6 equivalent: linear at low
/// levels, saturating at high ones. Every IL-6 effect in the model takes this signal.
pub fn inflammatory_signal_pg_ml(il6_effective_pg_ml: f64) -> f64 {
    let il6 = il6_effective_pg_ml.max(0.0);
    il6 / (1.0 + il6 / IL6_SATURATION_PG_ML)
}
/// How much of IL-6 signalling an IL-6 receptor blocker stops (tocilizumab), and how fast its effect
/// wears off after the course (terminal t½ ≈ 11–13 d at therapeutic doses).
pub const ANTI_IL6_BLOCKADE: f64 = 0.95;
pub const ANTI_IL6_WASHOUT_HALF_LIFE_DAYS: f64 = 12.0;

// ---- Iron ----------------------------------------------------------------------------------------

/// Healthy storage iron, mg (reference section 3: 0.8–1 g in men).
pub const HEALTHY_STORAGE_IRON_MG: f64 = 1000.0;
/// Healthy transferrin-bound plasma iron, mg (reference section 3: ≈ 3 mg, turning over ≈ 10×/day).
pub const HEALTHY_PLASMA_IRON_MG: f64 = 3.0;
/// Total iron-binding capacity of a healthy adult, µg/dL (reference section 1: 250–410).
pub const HEALTHY_TIBC_UG_DL: f64 = 330.0;
/// Transferrin half-life, days (reference section 3: negative acute-phase protein, t½ ≈ 8 d).
pub const TRANSFERRIN_HALF_LIFE_DAYS: f64 = 8.0;
/// Storage iron per ng/mL of serum ferritin, mg (reference section 3: 8–10 mg; Cook).
pub const STORAGE_IRON_MG_PER_FERRITIN_NG_ML: f64 = 8.0;
/// Hepcidin turnover: t½ ≈ 10 h (reference section 3: 0.07 /h, Enculescu 2017).
pub const HEPCIDIN_HALF_LIFE_DAYS: f64 = 10.0 / 24.0;
/// Healthy hepcidin, ng/mL (reference section 1: ELISA median ≈ 65–110).
pub const HEALTHY_HEPCIDIN_NG_ML: f64 = 80.0;

/// Ferroportin kinetics (Enculescu 2017 structure, rescaled): basal degradation, extra degradation
/// per unit of relative hepcidin, both per day. Recovery after hepcidin falls takes ≈ 1–2 d
/// (reference section 3).
pub const FERROPORTIN_BASAL_DEGRADATION_PER_DAY: f64 = 1.0;
pub const FERROPORTIN_HEPCIDIN_DEGRADATION_PER_DAY: f64 = 0.6;

/// IL-6 represses ferroportin transcription (reference section 3: up to ≈ 30-fold in liver and
/// spleen); the gut is repressed less. Returns the relative synthesis rate (1 in health).
pub fn ferroportin_transcription(il6_effective_pg_ml: f64, gut: bool) -> f64 {
    const HALF_EFFECT_PG_ML: f64 = 43.0;
    let excess = (il6_effective_pg_ml - HEALTHY_IL6_PG_ML).max(0.0) / HALF_EFFECT_PG_ML;
    // The gut's repression grows as excess^0.6, the macrophages' in proportion to the excess.
    let repression = if gut { excess.powf(0.6) } else { excess };
    1.0 / (1.0 + repression)
}

/// The ferroportin level (relative to health) that a hepcidin level and transcription hold.
pub fn ferroportin_steady(hepcidin_relative: f64, transcription: f64) -> f64 {
    let healthy_degradation =
        FERROPORTIN_BASAL_DEGRADATION_PER_DAY + FERROPORTIN_HEPCIDIN_DEGRADATION_PER_DAY;
    healthy_degradation * transcription / ferroportin_degradation_per_day(hepcidin_relative)
}

pub fn ferroportin_degradation_per_day(hepcidin_relative: f64) -> f64 {
    FERROPORTIN_BASAL_DEGRADATION_PER_DAY
        + FERROPORTIN_HEPCIDIN_DEGRADATION_PER_DAY * hepcidin_relative
}

/// The hepcidin level (relative to health) the liver aims for (reference section 3): up with liver
/// iron (BMP6) and transferrin saturation, up with IL-6 (STAT3), down with erythropoietic drive
/// (erythroferrone), up when the kidneys clear less of it. Exponents tuned for teaching.
pub fn hepcidin_target(
    storage_iron_mg: f64,
    transferrin_saturation: f64,
    il6_effective_pg_ml: f64,
    erythroferrone_relative: f64,
    egfr_ml_per_min: f64,
) -> f64 {
    let stores = (storage_iron_mg.max(0.0) / HEALTHY_STORAGE_IRON_MG).sqrt();
    let saturation = (transferrin_saturation.max(0.0) / HEALTHY_TRANSFERRIN_SATURATION).sqrt();
    const IL6_HALF_EFFECT_PG_ML: f64 = 5.7;
    let inflammation = (1.0 + il6_effective_pg_ml / IL6_HALF_EFFECT_PG_ML)
        / (1.0 + HEALTHY_IL6_PG_ML / IL6_HALF_EFFECT_PG_ML);
    const ERYTHROFERRONE_STRENGTH: f64 = 2.0;
    let erythroid = (1.0 + ERYTHROFERRONE_STRENGTH)
        / (1.0 + ERYTHROFERRONE_STRENGTH * erythroferrone_relative.max(0.0));
    let renal = (100.0 / egfr_ml_per_min.max(1.0)).sqrt().max(1.0);
    stores * saturation * inflammation * erythroid * renal
}

/// Transferrin saturation of a healthy adult (plasma iron 3 mg over a TIBC of 330 µg/dL in 27.5 dL
/// of plasma).
pub const HEALTHY_TRANSFERRIN_SATURATION: f64 = 0.33;

/// Total iron-binding capacity the liver aims for, µg/dL: up in iron deficiency (> 400), down in
/// inflammation (< 250) (reference section 6). Tuned for teaching.
pub fn tibc_target_ug_dl(storage_iron_mg: f64, il6_effective_pg_ml: f64) -> f64 {
    const LOW_STORES_MG: f64 = 400.0;
    let deficiency = 1.0 + 0.45 * (1.0 - (storage_iron_mg.max(0.0) / LOW_STORES_MG).min(1.0));
    let il6_excess = (il6_effective_pg_ml - HEALTHY_IL6_PG_ML).max(0.0);
    let inflammation = 1.0 - 0.45 * il6_excess / (il6_excess + 21.0);
    HEALTHY_TIBC_UG_DL * deficiency * inflammation
}

/// Ferritin as an acute-phase protein: the factor by which IL-6 raises it over what stores say;
/// reached over days (reference section 3: rises 1–2 d after onset, peaks 3–5 d). Tuned for teaching.
pub fn ferritin_acute_phase_target(il6_effective_pg_ml: f64) -> f64 {
    1.0 + 1.5 * (il6_effective_pg_ml - HEALTHY_IL6_PG_ML).max(0.0) / 36.0
}
pub const FERRITIN_ACUTE_PHASE_TIME_CONSTANT_DAYS: f64 = 2.0;

/// Erythroid iron sufficiency: the share of the erythroblasts' iron demand that transferrin
/// delivers, from plasma iron (transferrin-bound, mg). Erythropoiesis is iron-restricted below a
/// transferrin saturation of ≈ 20 % (textbook); tuned so that ≥ 2 mg of plasma iron meets demand.
pub fn erythroid_iron_delivery(plasma_iron_mg: f64) -> f64 {
    const HALF_DELIVERY_MG: f64 = 1.5;
    const SUFFICIENT_MG: f64 = 2.0;
    let delivery = |iron: f64| iron / (iron + HALF_DELIVERY_MG);
    (delivery(plasma_iron_mg.max(0.0)) / delivery(SUFFICIENT_MG)).min(1.0)
}

/// Enterocyte iron import (DMT1, driven by HIF-2α): 1 when the body is iron-depleted, ≈ 0.5 in health.
pub fn enterocyte_import_drive(storage_iron_mg: f64) -> f64 {
    0.35 + 0.65 / (1.0 + storage_iron_mg.max(0.0) / 300.0)
}

/// Iron taken up by enterocytes from what is in the gut lumen, mg, for one uptake window. Saturable:
/// fitted to Moretti 2015 in iron-depleted women (40 mg → 6.7 mg absorbed, 240 mg → 18.1 mg).
pub fn enterocyte_uptake_mg(lumen_iron_mg: f64, import_drive: f64) -> f64 {
    const MAX_UPTAKE_MG: f64 = 34.0;
    const HALF_UPTAKE_MG: f64 = 124.0;
    MAX_UPTAKE_MG * lumen_iron_mg / (lumen_iron_mg + HALF_UPTAKE_MG) * import_drive
}

/// Rate constants of the iron pools, per day (tuned so that the healthy adult holds ≈ 1 g of
/// stores, ≈ 3 mg of plasma iron and recycles 20–25 mg/day through macrophages; reference 3).
/// Storage exchanges ≈ 12 mg/day with plasma in health, so that full stores can feed a marrow that
/// suddenly needs more (IV iron, anti-IL-6: reference section 7).
pub const ENTEROCYTE_EXPORT_PER_DAY: f64 = 0.75;
pub const ENTEROCYTE_SHEDDING_PER_DAY: f64 = 0.5;
pub const MACROPHAGE_EXPORT_PER_DAY: f64 = 2.0;
pub const MACROPHAGE_TO_STORAGE_PER_DAY: f64 = 0.12;
pub const STORAGE_RELEASE_PER_DAY: f64 = 0.012;
pub const PLASMA_TO_STORAGE_PER_DAY: f64 = 3.2;
/// Basal iron loss (skin, gut, urine) of a healthy man, mg/day (reference section 3: ≈ 1 mg/day);
/// it falls to about half in iron deficiency.
pub const HEALTHY_BASAL_IRON_LOSS_MG_PER_DAY: f64 = 1.0;

pub fn basal_iron_loss_mg_per_day(storage_iron_mg: f64) -> f64 {
    let fullness = |stores: f64| stores / (stores + 100.0);
    HEALTHY_BASAL_IRON_LOSS_MG_PER_DAY
        * (0.5 + 0.5 * fullness(storage_iron_mg.max(0.0)) / fullness(HEALTHY_STORAGE_IRON_MG))
}

/// Iron in one unit of packed red cells, mg (reference section 3: 200–250 mg).
pub const IRON_PER_TRANSFUSION_UNIT_MG: f64 = 220.0;

// ---- Vitamin B12 and folate ----------------------------------------------------------------------

/// Meals a day: the intrinsic-factor route saturates per meal (reference section 5: ≈ 1.5–2 µg/meal).
pub const MEALS_PER_DAY: f64 = 3.0;
pub const B12_INTRINSIC_FACTOR_MAX_UG_PER_MEAL: f64 = 1.5;
pub const B12_INTRINSIC_FACTOR_HALF_UG_PER_MEAL: f64 = 1.5;
/// ≈ 1 % of any B12 dose is absorbed passively, even without intrinsic factor (reference section 5).
pub const B12_PASSIVE_ABSORPTION: f64 = 0.01;
/// B12 loss, fraction of the store per day (reference section 5: 0.1–0.2 %/day; ≈ 0.2 % when biliary
/// B12 cannot be reabsorbed).
pub const B12_LOSS_PER_DAY: f64 = 0.001;
pub const B12_LOSS_PER_DAY_WITHOUT_REABSORPTION: f64 = 0.002;
/// Store at which tissues start to run short, µg (reference section 5: lowest healthy store ≈ 300 µg).
pub const B12_TISSUE_HALF_STORE_UG: f64 = 220.0;
/// Intramuscular B12: share of a 1 mg dose retained (the rest is excreted in urine within ≈ 2 days);
/// textbook ≈ 15 %.
pub const B12_INJECTION_RETAINED: f64 = 0.15;
pub const B12_INJECTION_CLEARANCE_PER_DAY: f64 = 2.0;

/// The four-step relay as one efficiency (0–1): acid frees food B12, proteases free it from
/// haptocorrin, intrinsic factor carries it, cubam takes it up. Each step is needed.
pub fn b12_relay_efficiency(settings: &Settings) -> f64 {
    settings.gastric_acid_percent / 100.0 * settings.pancreatic_protease_percent / 100.0
        * settings.intrinsic_factor_percent
        / 100.0
        * settings.ileal_uptake_percent
        / 100.0
}

/// B12 absorbed from the diet, µg/day: the saturable intrinsic-factor route plus ≈ 1 % passively.
pub fn b12_absorbed_ug_per_day(settings: &Settings) -> f64 {
    let per_meal = settings.b12_intake_ug_per_day / MEALS_PER_DAY;
    let active = B12_INTRINSIC_FACTOR_MAX_UG_PER_MEAL * per_meal
        / (per_meal + B12_INTRINSIC_FACTOR_HALF_UG_PER_MEAL)
        * MEALS_PER_DAY
        * b12_relay_efficiency(settings);
    active + B12_PASSIVE_ABSORPTION * settings.b12_intake_ug_per_day
}

/// B12 lost per day as a fraction of the store: more when bile B12 cannot be taken back up
/// (no intrinsic factor or no ileal uptake).
pub fn b12_loss_per_day(settings: &Settings) -> f64 {
    let reabsorption =
        settings.intrinsic_factor_percent / 100.0 * settings.ileal_uptake_percent / 100.0;
    B12_LOSS_PER_DAY_WITHOUT_REABSORPTION
        - (B12_LOSS_PER_DAY_WITHOUT_REABSORPTION - B12_LOSS_PER_DAY) * reabsorption
}

/// Tissue B12 sufficiency (0–1) from the store: what methylmalonyl-CoA mutase and methionine
/// synthase see. Tuned for teaching: ≈ 0.8 at 300 µg, falling steeply below.
pub fn b12_sufficiency(b12_stores_ug: f64) -> f64 {
    saturating_share(b12_stores_ug, B12_TISSUE_HALF_STORE_UG, 3)
        / saturating_share(HEALTHY_B12_STORES_UG, B12_TISSUE_HALF_STORE_UG, 3)
}

/// Healthy B12 store, µg (reference section 5: 2–5 mg): what the healthy diet settles at.
pub const HEALTHY_B12_STORES_UG: f64 = 2500.0;

/// Folate: bioavailability of food folate, share of folic acid absorbed, store turnover, and the
/// healthy store (reference section 5: stores 5–30 mg; depletion takes months).
pub const FOOD_FOLATE_BIOAVAILABILITY: f64 = 0.5;
pub const FOLIC_ACID_ABSORBED: f64 = 0.85;
pub const HEALTHY_FOLATE_STORES_MG: f64 = 15.0;
/// Store turnover per day: the healthy intake (400 µg × 0.5) balances a 15 mg store.
pub const FOLATE_LOSS_PER_DAY: f64 =
    400.0e-3 * FOOD_FOLATE_BIOAVAILABILITY / HEALTHY_FOLATE_STORES_MG;
/// Serum folate follows recent intake over days (reference section 5: falls first, within weeks).
pub const SERUM_FOLATE_TIME_CONSTANT_DAYS: f64 = 5.0;
/// Folic acid's bypass of the methyl trap follows recent doses over a few days.
pub const FOLIC_ACID_TIME_CONSTANT_DAYS: f64 = 3.0;

/// Folate status (0–1) from the store, relative to health.
pub fn folate_sufficiency(folate_stores_mg: f64) -> f64 {
    const HALF_STORE_RELATIVE: f64 = 0.22;
    saturating_share(
        folate_stores_mg / HEALTHY_FOLATE_STORES_MG,
        HALF_STORE_RELATIVE,
        3,
    ) / saturating_share(1.0, HALF_STORE_RELATIVE, 3)
}

/// Folate usable for DNA synthesis (0–1). Without B12, methionine synthase cannot take the methyl
/// group off 5-methyl-THF, so natural folate is trapped (the methyl trap); folic acid enters the
/// cycle as dihydrofolate and bypasses the trap.
pub fn usable_folate(
    folate_status: f64,
    b12_status: f64,
    folic_acid_recent_mg_per_day: f64,
) -> f64 {
    const TRAP_ESCAPE: f64 = 0.1;
    let natural = folate_status * (TRAP_ESCAPE + (1.0 - TRAP_ESCAPE) * b12_status);
    let folic_acid = folic_acid_recent_mg_per_day / (folic_acid_recent_mg_per_day + 0.2);
    (natural + folic_acid).min(1.0)
}

/// Methionine synthase activity (0–1): needs B12 and folate; folic acid supplies folate.
pub fn methionine_synthase_activity(
    folate_status: f64,
    b12_status: f64,
    folic_acid_recent_mg_per_day: f64,
) -> f64 {
    let folate = (folate_status
        + folic_acid_recent_mg_per_day / (folic_acid_recent_mg_per_day + 0.2))
        .min(1.0);
    b12_status * folate
}

/// Neurological damage (reference section 5): the reversible part follows the B12 deficit over
/// weeks; the irreversible part accrues while the reversible part stays high for months
/// (> ≈ 3 months untreated). Folate does not enter: folic acid does not protect the nerves.
pub const NEURO_REVERSIBLE_TIME_CONSTANT_DAYS: f64 = 30.0;
pub const NEURO_IRREVERSIBLE_ONSET: f64 = 0.3;
pub const NEURO_IRREVERSIBLE_RATE_PER_DAY: f64 = 0.004;

// ---- Helpers ------------------------------------------------------------------------------------

/// x^n / (x^n + half^n), 0 for x ≤ 0 (a whole Hill exponent: it runs every step).
pub fn saturating_share(x: f64, half: f64, hill: i32) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    let ratio = (x / half).powi(hill);
    ratio / (1.0 + ratio)
}

/// Linear interpolation in a table sorted by x, flat beyond its ends.
pub fn interpolate(table: &[(f64, f64)], x: f64) -> f64 {
    let (first, last) = (table[0], table[table.len() - 1]);
    if x <= first.0 {
        return first.1;
    }
    if x >= last.0 {
        return last.1;
    }
    for pair in table.windows(2) {
        let ((x0, y0), (x1, y1)) = (pair[0], pair[1]);
        if x <= x1 {
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0);
        }
    }
    last.1
}

/// The share of a pool that first-order kinetics at `rate_per_day` move in `dt_days`.
pub fn first_order_share(rate_per_day: f64, dt_days: f64) -> f64 {
    1.0 - (-rate_per_day.max(0.0) * dt_days).exp()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symeonidis_curve_matches_the_reference_points() {
        // Reference section 4: Hb 15 → 12, 12 → 30, 10 → 55, 8 → 100, 6 → 183 mU/mL.
        for (hemoglobin, expected) in [
            (15.0, 12.0),
            (12.0, 30.0),
            (10.0, 55.0),
            (8.0, 100.0),
            (6.0, 183.0),
        ] {
            let epo = symeonidis_epo_mu_ml(hemoglobin);
            assert!(
                (epo / expected - 1.0).abs() < 0.06,
                "Hb {hemoglobin}: {epo} vs {expected}"
            );
        }
    }

    #[test]
    fn ckd_and_inflammation_lower_epo_as_gowanlock_found() {
        let ckd = renal_epo_capacity(30.0);
        assert!((0.45..0.6).contains(&ckd), "{ckd}");
        let inflamed = epo_inflammation_factor(inflammatory_signal_pg_ml(50.0));
        assert!((0.45..0.62).contains(&inflamed), "{inflamed}");
        assert!((renal_epo_capacity(100.0) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn cfu_e_survival_is_a_fifth_of_maximum_at_healthy_epo() {
        assert!((cfu_e_epo_survival(HEALTHY_EPO_MU_ML) - HEALTHY_CFU_E_SURVIVAL).abs() < 0.005);
        assert!(cfu_e_epo_survival(183.0) > 4.0 * HEALTHY_CFU_E_SURVIVAL);
    }

    #[test]
    fn moretti_oral_iron_absorption_is_saturable() {
        // Iron-depleted: import drive 1, ferroportin wide open (≈ 80 % of uptake exported).
        let exported = |dose: f64| enterocyte_uptake_mg(dose, 1.0) * 0.8;
        assert!((exported(40.0) - 6.7).abs() < 1.5, "{}", exported(40.0));
        assert!((exported(240.0) - 18.1).abs() < 4.0, "{}", exported(240.0));
        assert!(exported(240.0) / 240.0 < exported(40.0) / 40.0);
    }

    #[test]
    fn b12_absorption_from_a_healthy_diet_and_without_intrinsic_factor() {
        let healthy = Settings::default();
        let absorbed = b12_absorbed_ug_per_day(&healthy);
        assert!((2.0..3.5).contains(&absorbed), "{absorbed}");
        let pernicious = Settings {
            intrinsic_factor_percent: 0.0,
            ..healthy
        };
        assert!((b12_absorbed_ug_per_day(&pernicious) - 0.05).abs() < 1e-9);
        assert!((b12_loss_per_day(&pernicious) - 0.002).abs() < 1e-12);
        // Healthy store is in the 2–5 mg range: absorbed / loss.
        let store = absorbed / b12_loss_per_day(&healthy);
        assert!((2000.0..5000.0).contains(&store), "{store}");
    }

    #[test]
    fn methyl_trap_starves_dna_synthesis_unless_folic_acid_is_given() {
        let trapped = usable_folate(1.0, 0.1, 0.0);
        assert!(trapped < 0.25, "{trapped}");
        let with_folic_acid = usable_folate(1.0, 0.1, 5.0);
        assert!(with_folic_acid > 0.9, "{with_folic_acid}");
        assert!(
            methionine_synthase_activity(1.0, 0.1, 5.0) < 0.15,
            "folic acid cannot fix methionine synthase"
        );
    }

    #[test]
    fn interpolation_is_flat_outside_and_linear_inside() {
        let table = [(0.0, 0.0), (10.0, 100.0)];
        assert_eq!(interpolate(&table, -5.0), 0.0);
        assert_eq!(interpolate(&table, 5.0), 50.0);
        assert_eq!(interpolate(&table, 50.0), 100.0);
    }
}
