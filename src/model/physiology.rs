//! The physiological relations between the compartments: pure functions of settings and state,
//! each with its source or marked as tuned for teaching. `patient.rs` integrates them over time.

use super::settings::Settings;

// ---- Body ----------------------------------------------------------------------------------------

/// Blood volume of the 70 kg adult, dL (reference section 2: 65–85 mL/kg → ≈ 5 L): what the
/// kidneys defend by adjusting plasma volume.
pub const NORMAL_BLOOD_VOLUME_DL: f64 = 50.0;
/// Plasma refill after a change of red-cell volume, per day: transcapillary refill and renal salt
/// and water retention restore plasma volume over 1–3 days after a bleed (Guyton's textbook; the
/// classic teaching point that Hb falls late after acute blood loss). Time constant 1 day.
pub const PLASMA_REFILL_PER_DAY: f64 = 1.0;
/// Share of a red-cell volume above normal that plasma gives way to: an expanded red-cell mass
/// (transfusion, polycythemia) raises blood volume rather than being fully offset, while a reduced
/// one is made up by plasma (chronic anemia keeps blood volume near normal). Tuned for teaching.
pub const PLASMA_GIVES_WAY_TO_EXTRA_RED_CELLS: f64 = 0.5;
/// Plasma and additive solution in a unit of packed red cells, dL (≈ 100–120 mL of ≈ 300 mL).
pub const PLASMA_PER_TRANSFUSION_UNIT_DL: f64 = 1.1;

/// The plasma volume the body settles at for a red-cell volume, dL.
pub fn plasma_volume_target_dl(red_cell_volume_dl: f64) -> f64 {
    let normal_red_cells_dl = NORMAL_BLOOD_VOLUME_DL * NORMAL_HEMATOCRIT;
    let extra = (red_cell_volume_dl - normal_red_cells_dl).max(0.0);
    let short = (normal_red_cells_dl - red_cell_volume_dl).max(0.0);
    NORMAL_BLOOD_VOLUME_DL * (1.0 - NORMAL_HEMATOCRIT) + short
        - PLASMA_GIVES_WAY_TO_EXTRA_RED_CELLS * extra
}
/// Hematocrit of the healthy adult (≈ 208 × 10⁹ cells/day × 120 d × 90 fL in 5 L).
pub const NORMAL_HEMATOCRIT: f64 = 0.45;
/// Body mass, kg (the reference adult), for doses given per kg.
pub const BODY_MASS_KG: f64 = 70.0;

// ---- Erythropoiesis ------------------------------------------------------------------------------

/// Mean red-cell lifespan in health, days (reference section 2: ≈ 120 d).
pub const HEALTHY_LIFESPAN_DAYS: f64 = 120.0;
/// Red cells per day entering the conveyor as BFU-E, counted in the red cells they can yield
/// (10⁹/day). Set so that healthy survival gives ≈ 208 × 10⁹ cells/day (reference section 2:
/// 2–2.5 × 10¹¹/day): 208 / (CFU-E survival 0.125 × erythroblast survival 0.9).
pub const PROGENITOR_INPUT_PER_DAY: f64 = 1850.0;
/// Red cells a healthy adult releases per day, 10⁹/day (what that survival gives; the lab panel's
/// LDH and the factory's conveyor are scaled to it).
pub const HEALTHY_RED_CELL_OUTPUT_PER_DAY: f64 = 208.0;
/// EPO at which CFU-E survival is half its maximum, mU/mL. With a hyperbolic (Hill 1) response,
/// healthy EPO (12 mU/mL) rescues 12/96 = 1/8 of CFU-E, so the marrow's reserve is 8× basal output
/// with ample iron (reference section 2: 5–10×), reached only at EPO in the hundreds; the response
/// per mU/mL is flat, which keeps recoveries at ≈ 1 g/dL a week (Fuertinger 2013 uses an
/// EPO-dependent CFU-E apoptosis of this shape). Tuned for teaching to the published reserve.
pub const CFU_E_EPO_HALF_MU_ML: f64 = 84.0;
/// CFU-E survival through the stage at the healthy EPO level (what the half-effect gives).
pub const HEALTHY_CFU_E_SURVIVAL: f64 =
    HEALTHY_EPO_MU_ML / (HEALTHY_EPO_MU_ML + CFU_E_EPO_HALF_MU_ML);
/// Erythroblasts that die in a healthy marrow (≈ 10 % ineffective erythropoiesis; textbook).
pub const HEALTHY_ERYTHROBLAST_SURVIVAL: f64 = 0.9;
/// Hemoglobin per cell and cell volume of a normal new red cell (reference section 1: MCH 27–33 pg,
/// MCV 80–96 fL).
pub const NORMAL_MCH_PG: f64 = 30.0;
pub const NORMAL_MCV_FL: f64 = 90.0;

/// CFU-E survival through the whole stage for an EPO level (before inflammation and iron limits).
pub fn cfu_e_epo_survival(epo_mu_ml: f64) -> f64 {
    let epo = epo_mu_ml.max(0.0);
    epo / (epo + CFU_E_EPO_HALF_MU_ML)
}

/// Inflammatory suppression of erythroid progenitors (TNF-α and IFN-γ travel with IL-6): a survival
/// factor on CFU-E, 1 in health (reference section 4: a multiplicative survival factor is the usual
/// simplification), on the same IL-6 scale as hepcidin. Tuned for teaching: at most 25 % fewer
/// survive, so that anemia of inflammation stays mild (reference section 6: rarely < 8 g/dL).
pub fn progenitor_inflammation_factor(il6_effective_pg_ml: f64) -> f64 {
    const MAX_SUPPRESSION: f64 = 0.25;
    1.0 - MAX_SUPPRESSION * il6_response(il6_effective_pg_ml)
}

/// Erythroid iron-restriction response (Bullock 2010, Richardson 2013): progenitors that receive
/// too little transferrin iron lose their response to EPO, so iron shortage cuts the number of
/// cells made, not only their hemoglobin (iron deficiency has a low RBC count, Mentzer index > 13).
/// A survival factor on CFU-E from the share of the erythroblasts' iron demand that is met.
/// Linear in the share of demand met (with the erythroblasts' own iron restriction, see
/// `IRON_RESTRICTION_EXPONENT`, it gives the iron-deficiency preset a Mentzer index > 13).
pub fn iron_restriction_factor(iron_sufficiency: f64) -> f64 {
    let sufficiency = iron_sufficiency.clamp(0.0, 1.0);
    // The 1.5th power as x·√x: a square root costs far less than a general power (this runs
    // every simulated day).
    sufficiency * sufficiency.sqrt()
}

/// Erythroblasts that leave the marrow with less than this share of their hemoglobin die there
/// instead (cells too poor in hemoglobin do not enucleate): the floor below which iron deficiency
/// makes fewer cells rather than smaller ones. Tuned for teaching so that MCV stays ≥ ≈ 50 fL in
/// the most severe iron deficiency (published series rarely show less).
pub const MIN_HEMOGLOBINIZATION_SHARE: f64 = 0.45;

/// Marrow reserve: the largest erythroid mass the marrow can hold, relative to health, when all of
/// its space is free (the reserve of [`CFU_E_EPO_HALF_MU_ML`]). Infiltration takes its share.
pub const MAX_ERYTHROID_EXPANSION: f64 = 8.0;

/// Myeloma cells kill erythroblasts directly (Fas ligand and TRAIL; Silvestris 2002): extra death
/// in the erythroblast stage in proportion to the marrow they occupy, which EPO cannot rescue.
/// Tuned for teaching: a fully infiltrated marrow would kill a third of the erythroblasts.
pub const TUMOUR_ERYTHROBLAST_KILL: f64 = 0.35;

/// Erythroblast survival factor from the infiltrating tumour.
pub fn tumour_survival_factor(settings: &Settings) -> f64 {
    1.0 - TUMOUR_ERYTHROBLAST_KILL * settings.marrow_infiltration_percent / 100.0
}

/// The erythroid mass the marrow's free space can hold, relative to health.
pub fn erythroid_capacity_relative(settings: &Settings) -> f64 {
    MAX_ERYTHROID_EXPANSION * marrow_space_factor(settings)
}

/// Neocytolysis (Rice and Alfrey 2001; Fuertinger 2013): when EPO falls below its normal level
/// (after a fast rise in Hb, a transfusion or a descent from altitude) young red cells (neocytes,
/// ≈ 10–21 days in blood) are selectively removed, trimming an overshoot within days.
pub const NEOCYTE_AGE_DAYS: (f64, f64) = (10.0, 21.0);
/// EPO below which neocytolysis starts, mU/mL (a little under healthy EPO, as at Hb ≈ 15.5 g/dL).
pub const NEOCYTOLYSIS_EPO_MU_ML: f64 = 10.5;
/// Neocytes removed per day at full neocytolysis (EPO well below the threshold): tuned for teaching so
/// that red-cell mass falls ≈ 10 % within a week of an abrupt fall in EPO (Rice 2001, descent from
/// altitude).
pub const NEOCYTOLYSIS_MAX_PER_DAY: f64 = 0.3;

/// The share of neocytes removed per day at an EPO level.
pub fn neocytolysis_per_day(epo_mu_ml: f64) -> f64 {
    let shortfall = (NEOCYTOLYSIS_EPO_MU_ML - epo_mu_ml) / (0.3 * NEOCYTOLYSIS_EPO_MU_ML);
    NEOCYTOLYSIS_MAX_PER_DAY * shortfall.clamp(0.0, 1.0)
}

/// Erythroblast survival through the stage for a DNA-synthesis capacity (1 = normal). Without DNA
/// synthesis most megaloblasts die in the marrow (ineffective erythropoiesis); tuned for teaching.
pub fn erythroblast_survival(dna_synthesis: f64) -> f64 {
    let dna_synthesis = dna_synthesis.clamp(0.0, 1.0);
    // With full DNA synthesis the power is 1: known without working it out (this runs every
    // simulated day, and DNA synthesis is full unless B12 or folate run short).
    if dna_synthesis == 1.0 {
        return HEALTHY_ERYTHROBLAST_SURVIVAL;
    }
    HEALTHY_ERYTHROBLAST_SURVIVAL * dna_synthesis.powf(1.3)
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
    /// Red cells live up to a third shorter in inflammation (≈ 80–90 d in anemia of chronic
    /// disease: macrophage activation); tuned for teaching.
    const MAX_INFLAMMATORY_AGEING: f64 = 0.5;
    const CKD_LIFESPAN_DAYS: [(f64, f64); 6] = [
        (5.0, 60.0),
        (12.0, 65.0),
        (22.0, 88.0),
        (45.0, 90.0),
        (75.0, 112.0),
        (100.0, 120.0),
    ];
    let lifespan_days = interpolate(&CKD_LIFESPAN_DAYS, settings.egfr_ml_per_min);
    let inflammation = 1.0 + MAX_INFLAMMATORY_AGEING * il6_response(il6_effective_pg_ml);
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
    // At or below healthy EPO the logarithm is not positive and the shift is 0: known without
    // working it out (this runs every simulated day, and EPO is at or below health unless the
    // patient is anemic).
    if epo_mu_ml <= HEALTHY_EPO_MU_ML {
        return 0.0;
    }
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

/// Inflammatory blunting of EPO production, on the IL-6 scale of [`il6_response`]. The maximum is
/// set so that IL-6 ≈ 50 pg/mL gives ≈ 46 % less EPO at equal Hb (Gowanlock 2016: anemia of
/// inflammation vs iron deficiency).
pub fn epo_inflammation_factor(il6_effective_pg_ml: f64) -> f64 {
    const MAX_BLUNTING: f64 = 0.65;
    1.0 - MAX_BLUNTING * il6_response(il6_effective_pg_ml)
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
/// IL-6 excess over health at which every IL-6 effect is half its maximum, pg/mL: one scale for
/// hepcidin, ferroportin transcription, EPO blunting, progenitor suppression, red-cell survival,
/// transferrin and ferritin. IL-6 receptor (STAT3) signalling saturates, so sepsis-level IL-6
/// (hundreds of pg/mL) does not push hemoglobin far below 8 g/dL (reference section 6), while the
/// 5–50 pg/mL of chronic inflammatory disease spans most of the response (reference section 1: IL-6
/// > 4 pg/mL already raises the odds of low serum iron ≈ 8×). Tuned for teaching.
pub const IL6_HALF_EFFECT_PG_ML: f64 = 20.0;

/// The tissues' response to IL-6 (0 in health … 1 saturated): the excess over the healthy level
/// through one hyperbolic receptor occupancy. Every IL-6 effect takes this response with its own
/// maximum.
pub fn il6_response(il6_effective_pg_ml: f64) -> f64 {
    let excess = (il6_effective_pg_ml - HEALTHY_IL6_PG_ML).max(0.0);
    excess / (excess + IL6_HALF_EFFECT_PG_ML)
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
/// per unit of relative hepcidin, both per day. In health ≈ 40 % of ferroportin turnover is
/// hepcidin's, so with no hepcidin (iron deficiency, strong erythropoietic drive) the gates open to
/// ≈ 1.6× and a tenfold hepcidin shuts them to ≈ 1/4. Recovery after hepcidin falls takes ≈ 1–2 d
/// (reference section 3).
pub const FERROPORTIN_BASAL_DEGRADATION_PER_DAY: f64 = 1.0;
pub const FERROPORTIN_HEPCIDIN_DEGRADATION_PER_DAY: f64 = 0.6;

/// IL-6 represses ferroportin transcription in macrophages and liver (reference section 3: up to
/// ≈ 30-fold in liver and spleen within hours of an acute insult, the main cause of the fast
/// serum-iron fall; Guida 2015: hepcidin-independent hypoferremia within hours). The acute
/// repression wanes as inflammation becomes chronic (tolerance of the acute-phase response), when
/// hepcidin carries the trap: otherwise recycled iron would pile up in the stores without end. The
/// repression therefore has a chronic part on the IL-6 response and an acute part on the response
/// not yet adapted to (`adapted_response`, which follows the response over
/// [`INFLAMMATION_ADAPTATION_DAYS`]). Tuned for teaching: acutely ≈ 7-fold, chronically 1.4-fold.
/// The gut's ferroportin is left to hepcidin (the reference names liver and spleen). Returns the
/// relative synthesis rate (1 in health).
pub fn ferroportin_transcription(il6_effective_pg_ml: f64, adapted_response: f64) -> f64 {
    const CHRONIC_REPRESSION: f64 = 0.3;
    const ACUTE_REPRESSION: f64 = 0.55;
    let response = il6_response(il6_effective_pg_ml);
    let acute = unadapted_response(response, adapted_response);
    (1.0 - CHRONIC_REPRESSION * response - ACUTE_REPRESSION * acute).max(0.05)
}

/// The part of the IL-6 response not yet adapted to (0 once inflammation is chronic or falling):
/// what the acute effects ([`ferroportin_transcription`], [`macrophage_ferritin_induction`]) act on.
pub fn unadapted_response(response: f64, adapted_response: f64) -> f64 {
    (response - adapted_response).max(0.0)
}

/// Inflammatory cytokines raise ferritin synthesis in macrophages whatever their iron (IL-1β and
/// TNF-α on ferritin transcription and translation, IL-6 on translation: Torti and Torti 2002;
/// Weiss and Goodnough 2005), so more of the labile iron is laid down as ferritin and less leaves
/// through ferroportin. Like the acute ferroportin repression beside it, this is the acute-phase
/// response not yet adapted to (`adapted_response`, see [`ferroportin_transcription`]): it holds the
/// iron in the weeks when the marrow's demand has fallen (EPO blunted) but hepcidin has not yet
/// climbed, and leaves the chronic trap to hepcidin. Its size is the serum ferritin's acute-phase
/// rise ([`ferritin_acute_phase_target`]: the same induction). Returns the factor on the
/// macrophages' storage route (1 in health).
pub fn macrophage_ferritin_induction(il6_effective_pg_ml: f64, adapted_response: f64) -> f64 {
    let acute = unadapted_response(il6_response(il6_effective_pg_ml), adapted_response);
    1.0 + FERRITIN_ACUTE_PHASE_MAX_RISE * acute
}

/// Days over which the acute ferroportin repression adapts to a new IL-6 level (time constant).
pub const INFLAMMATION_ADAPTATION_DAYS: f64 = 21.0;

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
/// (erythroferrone), up when the kidneys clear less of it. Exponents tuned for teaching; IL-6 acts
/// through [`il6_response`] with at most a fourfold rise (ELISA hepcidin in anemia of chronic
/// disease is ≈ 2–4× that of controls, Theurl 2009; reference section 3), and renal clearance falls
/// with eGFR to give ≈ 2× at stage 4–5 (Zaritsky 2009: CKD hepcidin ≈ 2–3× controls).
/// `renal_retention` is [`renal_hepcidin_retention`] of the eGFR.
pub fn hepcidin_target(
    storage_iron_mg: f64,
    transferrin_saturation: f64,
    il6_effective_pg_ml: f64,
    erythroferrone_relative: f64,
    renal_retention: f64,
) -> f64 {
    let stores = (storage_iron_mg.max(0.0) / HEALTHY_STORAGE_IRON_MG).sqrt();
    let saturation =
        three_quarter_power(transferrin_saturation.max(0.0) / HEALTHY_TRANSFERRIN_SATURATION);
    const MAX_IL6_FOLD: f64 = 4.0;
    let inflammation = 1.0 + (MAX_IL6_FOLD - 1.0) * il6_response(il6_effective_pg_ml);
    const ERYTHROFERRONE_STRENGTH: f64 = 1.0;
    let erythroid = (1.0 + ERYTHROFERRONE_STRENGTH)
        / (1.0 + ERYTHROFERRONE_STRENGTH * erythroferrone_relative.max(0.0));
    stores * saturation * inflammation * erythroid * renal_retention
}

/// How much higher hepcidin runs because the kidneys clear less of it (1 with healthy kidneys):
/// the factor on [`hepcidin_target`].
pub fn renal_hepcidin_retention(egfr_ml_per_min: f64) -> f64 {
    (100.0 / egfr_ml_per_min.max(1.0)).powf(0.35).max(1.0)
}

/// Erythroferrone signal relative to health: the erythroid mass (relative) times the EPO
/// stimulating it (square root of EPO relative to health; tuned for teaching).
pub fn erythroferrone_relative(erythroid_mass_relative: f64, epo_mu_ml: f64) -> f64 {
    erythroid_mass_relative * (epo_mu_ml / HEALTHY_EPO_MU_ML).max(0.0).sqrt()
}

/// Transferrin saturation of a healthy adult (plasma iron 3 mg over a TIBC of 330 µg/dL in 27.5 dL
/// of plasma).
pub const HEALTHY_TRANSFERRIN_SATURATION: f64 = 0.33;

/// Total iron-binding capacity the liver aims for, µg/dL: up in iron deficiency (> 400), down in
/// inflammation (< 250) (reference section 6). Tuned for teaching.
pub fn tibc_target_ug_dl(storage_iron_mg: f64, il6_effective_pg_ml: f64) -> f64 {
    const LOW_STORES_MG: f64 = 400.0;
    let deficiency = 1.0 + 0.45 * (1.0 - (storage_iron_mg.max(0.0) / LOW_STORES_MG).min(1.0));
    let inflammation = 1.0 - 0.45 * il6_response(il6_effective_pg_ml);
    HEALTHY_TIBC_UG_DL * deficiency * inflammation
}

/// Ferritin as an acute-phase protein: the factor by which IL-6 raises it over what stores say;
/// reached over days (reference section 3: rises 1–2 d after onset, peaks 3–5 d). Tuned for teaching.
pub fn ferritin_acute_phase_target(il6_effective_pg_ml: f64) -> f64 {
    1.0 + FERRITIN_ACUTE_PHASE_MAX_RISE * il6_response(il6_effective_pg_ml)
}
/// The most that IL-6 raises ferritin synthesis, relative (tuned for teaching: serum ferritin
/// ≈ 1.5× what stores say at the IL-6 of active chronic disease).
pub const FERRITIN_ACUTE_PHASE_MAX_RISE: f64 = 0.8;

/// Serum ferritin, ng/mL, from storage iron (Cook: ≈ 8 mg of stores per ng/mL near normal stores,
/// falling faster than the stores when they run low; exponent tuned for teaching so that depleted
/// stores read < 15 ng/mL), the acute-phase factor, and the macrophages still processing IV iron:
/// serum ferritin is secreted mostly by macrophages (Cohen 2010), and macrophages loaded with an
/// iron-carbohydrate complex secrete far more than their stores would say, so ferritin reads several
/// hundred ng/mL for weeks after 1 g of IV iron and does not reflect stores until the complex is
/// processed ([`FERRITIN_PER_MG_IV_COMPLEX`]).
pub fn serum_ferritin_ng_ml(
    storage_iron_mg: f64,
    iv_iron_complex_mg: f64,
    acute_phase_factor: f64,
) -> f64 {
    let stores = (storage_iron_mg.max(0.0) / HEALTHY_STORAGE_IRON_MG).powf(1.15);
    (HEALTHY_STORAGE_IRON_MG / STORAGE_IRON_MG_PER_FERRITIN_NG_ML * stores
        + FERRITIN_PER_MG_IV_COMPLEX * iv_iron_complex_mg.max(0.0))
        * acute_phase_factor
}
/// Serum ferritin per mg of IV iron complex being processed by macrophages, ng/mL per mg: tuned for
/// teaching so that 1 g of IV iron reads ≈ 500–700 ng/mL in the first week and ≈ 200–300 at four
/// weeks, as in trials of ferric carboxymaltose in iron-deficiency anemia.
pub const FERRITIN_PER_MG_IV_COMPLEX: f64 = 0.6;
pub const FERRITIN_ACUTE_PHASE_TIME_CONSTANT_DAYS: f64 = 2.0;

/// The share of the erythroblasts' iron demand that transferrin delivers at a saturation: their
/// transferrin receptors bind diferric transferrin in proportion to its saturation, half-maximally
/// at [`ERYTHROID_UPTAKE_HALF_SATURATION`], and the demand is fully met from
/// [`ERYTHROID_SUFFICIENT_SATURATION`] up. Below it uptake falls with saturation: iron-deficient
/// erythropoiesis is classically TSAT < 16 % (Bainton and Finch 1964), but a marrow driven to make
/// more takes more iron up to ≈ 25–30 % (KDIGO 2012 gives iron to patients on ESA while TSAT
/// ≤ 30 %; Hillman and Henderson 1969), so stores alone cannot keep pace with a recovery and oral
/// iron speeds it (Kiss 2015). Tuned for teaching at 25 %. A marrow that asks for more than plasma brings therefore drives TSAT down and
/// becomes iron-limited (Hillman and Henderson 1969).
pub fn erythroid_iron_delivery(transferrin_saturation: f64) -> f64 {
    (erythroid_transferrin_binding(transferrin_saturation)
        / erythroid_transferrin_binding(ERYTHROID_SUFFICIENT_SATURATION))
    .min(1.0)
}

/// How much of their capacity the erythroblasts' transferrin receptors fill at a saturation (0–1).
pub fn erythroid_transferrin_binding(transferrin_saturation: f64) -> f64 {
    let saturation = transferrin_saturation.max(0.0);
    saturation / (saturation + ERYTHROID_UPTAKE_HALF_SATURATION)
}
pub const ERYTHROID_UPTAKE_HALF_SATURATION: f64 = 0.3;
pub const ERYTHROID_SUFFICIENT_SATURATION: f64 = 0.16;

/// Enterocyte iron import (DMT1 and duodenal cytochrome b, driven by HIF-2α): 1 when the body is
/// iron-depleted or the blood short of oxygen, ≈ 0.5 in health. HIF-2α answers both low iron and
/// anemic hypoxia, so an anemic patient absorbs more even with full stores (Finch's erythroid
/// regulator; Mastrogiannaki 2009). The hypoxia signal is the kidney's: the EPO that the hemoglobin
/// calls for by the Symeonidis curve ([`symeonidis_epo_mu_ml`]), relative to health,
/// half-effective at twentyfold. Tuned for teaching.
pub fn enterocyte_import_drive(storage_iron_mg: f64, epo_for_hemoglobin_mu_ml: f64) -> f64 {
    let iron_deficit = 1.0 / (1.0 + storage_iron_mg.max(0.0) / 300.0);
    let hypoxia_excess = (epo_for_hemoglobin_mu_ml / HEALTHY_EPO_MU_ML - 1.0).max(0.0);
    let hypoxia = hypoxia_excess / (hypoxia_excess + 20.0);
    let drive = 1.0 - (1.0 - iron_deficit) * (1.0 - hypoxia);
    0.35 + 0.65 * drive
}

/// Hepcidin lowers the enterocytes' iron import as well as their ferroportin (it triggers DMT1
/// degradation in duodenal cells: Brasse-Lagnel 2011), so absorption falls more steeply than
/// macrophage export when hepcidin is high (inflammation) and rises when it is gone. Returns the
/// factor on import (1 at the healthy hepcidin level, 2 without hepcidin). Tuned for teaching so
/// that chronic inflammation does not load the body with iron.
pub fn hepcidin_import_factor(hepcidin_relative: f64) -> f64 {
    const SENSITIVITY: f64 = 1.0;
    (1.0 + SENSITIVITY) / (1.0 + SENSITIVITY * hepcidin_relative.max(0.0))
}

/// Meals a day in which dietary iron arrives: uptake saturates per meal (as per dose, Moretti 2015),
/// so a day's diet is absorbed as three small doses, not one large one.
pub const IRON_MEALS_PER_DAY: f64 = 3.0;

/// Iron taken up by enterocytes from what is in the gut lumen, mg, for one uptake window. Saturable:
/// fitted to Moretti 2015 in iron-depleted women (40 mg → 6.7 mg absorbed, 240 mg → 18.1 mg).
pub fn enterocyte_uptake_mg(lumen_iron_mg: f64, import_drive: f64) -> f64 {
    const MAX_UPTAKE_MG: f64 = 34.0;
    const HALF_UPTAKE_MG: f64 = 124.0;
    MAX_UPTAKE_MG * lumen_iron_mg / (lumen_iron_mg + HALF_UPTAKE_MG) * import_drive
}

/// Enterocyte iron leaves through ferroportin into plasma or is shed with the cell (per day).
pub const ENTEROCYTE_EXPORT_PER_DAY: f64 = 0.75;
pub const ENTEROCYTE_SHEDDING_PER_DAY: f64 = 0.5;

/// Macrophage iron routing (reference section 3: 20–25 mg/day recycled). Iron freed from red cells
/// enters the macrophages' labile pool, where two routes of similar size compete for it: export
/// through ferroportin (rate ∝ ferroportin) and storage as ferritin. Ferritin is broken down again
/// (ferritinophagy) back into the labile pool, so stored iron also leaves only through ferroportin:
/// when hepcidin shuts the gates the labile iron goes to storage instead and stays there (the
/// trap), and when the gates open the stores are mobilized at a limited rate (at most
/// [`STORAGE_TURNOVER_PER_DAY`] of the store a day, ≈ 12 mg/day per gram at fourfold ferroportin).
/// Tuned so that the healthy adult holds ≈ 1 g of stores, exports ≈ 22 mg/day and a 500 mL donation
/// recovers as Kiss 2015 measured.
pub const MACROPHAGE_EXPORT_PER_DAY: f64 = 2.2;
pub const MACROPHAGE_TO_STORAGE_PER_DAY: f64 = 2.0;
/// Ferritin synthesis follows the labile iron pool (IRP/IRE translational control): when the
/// macrophages' labile iron falls below its healthy level (iron deficiency, gates wide open), IRPs
/// bind ferritin mRNA and the cells store far less of what passes through them (the square: less
/// iron and less ferritin to put it in), so stores can run empty; above it, storage runs at its
/// full rate. Returns the factor on [`MACROPHAGE_TO_STORAGE_PER_DAY`]. Tuned for teaching so that
/// the iron-deficiency preset's ferritin reads < 15 ng/mL.
pub fn ferritin_synthesis_factor(macrophage_iron_mg: f64, healthy_macrophage_iron_mg: f64) -> f64 {
    (macrophage_iron_mg.max(0.0) / healthy_macrophage_iron_mg)
        .min(1.0)
        .powi(2)
}
/// The healthy macrophage labile pool, mg, as it stands at the start of a 6-hour step (read off the
/// model's healthy adult; the day's digested cells and ferritin breakdown flow through it at ≈ 4 per
/// day): the level below which IRPs cut ferritin synthesis.
pub const HEALTHY_MACROPHAGE_IRON_MG: f64 = 6.3;
/// Half-life of an IV iron-carbohydrate complex inside macrophages, days: the reticuloendothelial
/// system takes the complex up within hours and frees its iron over weeks (⁵⁹Fe studies of ferric
/// carboxymaltose: most of a dose is in new red cells within about four weeks). Tuned for teaching.
pub const IV_IRON_PROCESSING_HALF_LIFE_DAYS: f64 = 14.0;
/// Time constant over which iron-restricted erythropoiesis follows the erythroblasts' iron supply,
/// days (the smoothed share of their demand met). It stands for the cells' own response to their
/// iron (heme-regulated inhibitor and the aconitase pathway answer within hours), at the model's
/// daily pace; the days it takes a cell to mature are the conveyor's, not this constant's (it was
/// 3 days, which counted them twice and put the reticulocyte peak after oral iron at day 12 rather
/// than the reference's 7–10; at 1 day: day 10, Hb +1.0 g/dL at 2 weeks). Tuned for teaching.
pub const IRON_SUFFICIENCY_TIME_CONSTANT_DAYS: f64 = 1.0;
/// Ferritin iron returned to the labile pool per day (ferritinophagy), share of the store: stores
/// are mobilized at most ≈ 20 mg/day per gram, and only as fast as the gates let the labile pool
/// out.
pub const STORAGE_TURNOVER_PER_DAY: f64 = 0.02;
/// Hepatocytes take up transferrin iron in proportion to its saturation (TfR2 and TfR1), per day
/// per unit of saturation relative to health: ≈ 1 mg/day in health, far more when transferrin is
/// nearly saturated. Tuned for teaching.
pub const HEPATIC_UPTAKE_PER_DAY: f64 = 0.33;
/// Non-transferrin-bound iron (iron beyond transferrin's capacity) is cleared by the liver within
/// hours (per day; t½ ≈ 1 h).
pub const NTBI_CLEARANCE_PER_DAY: f64 = 16.0;
/// Basal iron loss (skin, gut, urine) of a healthy man, mg/day (reference section 3: ≈ 1 mg/day).
/// The cells shed from skin and gut carry the iron that transferrin brought them, so the loss
/// follows transferrin saturation: about half in iron deficiency (Green 1968: 0.5 mg/day in
/// depletion), up to ≈ 2 mg/day when transferrin is saturated (iron overload). Tuned for teaching.
pub const HEALTHY_BASAL_IRON_LOSS_MG_PER_DAY: f64 = 1.0;

pub fn basal_iron_loss_mg_per_day(transferrin_saturation: f64) -> f64 {
    const FIXED_SHARE: f64 = 0.4;
    let saturation = (transferrin_saturation.max(0.0) / HEALTHY_TRANSFERRIN_SATURATION).min(3.0);
    HEALTHY_BASAL_IRON_LOSS_MG_PER_DAY * (FIXED_SHARE + (1.0 - FIXED_SHARE) * saturation)
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
    let natural = red_cell_folate_uptake(folate_status, b12_status);
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

/// Neurological damage (reference section 5). The reversible part (demyelination, the functional
/// deficit) builds toward the B12 deficit over months and recovers over months once B12 is given
/// (recovery takes 3–12 months and is often incomplete); the irreversible part (axonal loss) grows
/// while the reversible part stays above a threshold, so it measures how long the deficiency went
/// untreated (> ≈ 3 months can leave permanent damage). Folate does not enter: folic acid does not
/// protect the nerves. Time constants tuned for teaching to those spans.
pub const NEURO_BUILD_TIME_CONSTANT_DAYS: f64 = 90.0;
pub const NEURO_RECOVERY_TIME_CONSTANT_DAYS: f64 = 150.0;
pub const NEURO_IRREVERSIBLE_ONSET: f64 = 0.2;
/// Irreversible damage per day per unit of reversible damage above the onset: a year at the
/// reversible ceiling leaves ≈ 0.2 that B12 cannot undo.
pub const NEURO_IRREVERSIBLE_RATE_PER_DAY: f64 = 0.0015;
/// The reversible part's ceiling: a complete B12 deficit alone gives a moderate functional deficit
/// (0.6); the rest of the scale is reached only through irreversible damage over time.
pub const NEURO_REVERSIBLE_CEILING: f64 = 0.6;

/// The shares of the gap to its target that reversible nerve damage closes in a step, while it
/// builds and while it recovers: worked out once for a step length (each is an exponential).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NeuroShares {
    pub build: f64,
    pub recovery: f64,
}

impl NeuroShares {
    /// The shares over `dt_days`.
    pub fn over(dt_days: f64) -> NeuroShares {
        NeuroShares {
            build: first_order_share(1.0 / NEURO_BUILD_TIME_CONSTANT_DAYS, dt_days),
            recovery: first_order_share(1.0 / NEURO_RECOVERY_TIME_CONSTANT_DAYS, dt_days),
        }
    }
}

/// The next (reversible, irreversible) nerve damage after `dt_days` at a B12 sufficiency;
/// `shares` are [`NeuroShares::over`] the same `dt_days`.
pub fn neuro_step(
    reversible: f64,
    irreversible: f64,
    b12_sufficiency: f64,
    dt_days: f64,
    shares: NeuroShares,
) -> (f64, f64) {
    let target = NEURO_REVERSIBLE_CEILING * (1.0 - b12_sufficiency).clamp(0.0, 1.0);
    let share = if target > reversible {
        shares.build
    } else {
        shares.recovery
    };
    let reversible = reversible + (target - reversible) * share;
    let excess = (reversible - NEURO_IRREVERSIBLE_ONSET).max(0.0);
    let irreversible = (irreversible + NEURO_IRREVERSIBLE_RATE_PER_DAY * excess * dt_days).min(1.0);
    (reversible, irreversible)
}

/// The neurological damage index (0 none … 1 severe): the irreversible part plus the reversible part
/// of what is left.
pub fn neuro_damage_index(reversible: f64, irreversible: f64) -> f64 {
    (irreversible + (1.0 - irreversible) * reversible).clamp(0.0, 1.0)
}

/// Folate packed into new red cells relative to health (RBC folate): cells keep folate only as
/// polyglutamates, which are made from tetrahydrofolate; in B12 deficiency folate is trapped as
/// 5-methyl-THF and leaks out, so RBC folate is low even when serum folate is normal or high.
pub fn red_cell_folate_uptake(folate_status: f64, b12_status: f64) -> f64 {
    folate_status * (METHYL_TRAP_ESCAPE + (1.0 - METHYL_TRAP_ESCAPE) * b12_status)
}

/// Share of natural folate still usable when B12 is absent (the methyl trap is not absolute).
pub const METHYL_TRAP_ESCAPE: f64 = 0.1;

// ---- Helpers ------------------------------------------------------------------------------------

/// x^n / (x^n + half^n), 0 for x ≤ 0 (a whole Hill exponent: it runs every step).
pub fn saturating_share(x: f64, half: f64, hill: i32) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    let ratio = (x / half).powi(hill);
    ratio / (1.0 + ratio)
}

/// x^0.75 for x ≥ 0, as √(x·√x): two square roots cost far less than a general power, and this
/// runs every internal step (hepcidin) and every day (new cells' volume).
pub fn three_quarter_power(x: f64) -> f64 {
    (x * x.sqrt()).sqrt()
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
        let inflamed = epo_inflammation_factor(50.0);
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
