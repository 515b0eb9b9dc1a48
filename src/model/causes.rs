//! Why a lab moved: the model's quantities, which feed which, and how much each accounts for the
//! deviation of the quantity it feeds, computed from the patient at this moment (the why-panel).
//!
//! Every quantity is written, locally, as a product of one factor per upstream quantity, each
//! factor taken from the model's own relation (the hepcidin target is a product of a stores, a
//! saturation, an IL-6, an erythroferrone and a renal factor; Hb is red cells × hemoglobin per
//! cell; …). The deviation of a quantity from its reference is then split, in log space, into
//! one share per upstream quantity: `ln(factor now / factor at the reference)`. Where the
//! relation is a dynamic balance rather than an algebraic one (stores, plasma iron, red cells),
//! the factors are the flows' steady-state elasticities, named where they are declared.
//!
//! The trace starts at the lab and, at each step, follows the upstream quantity that accounts for
//! most of the deviation in the same direction, until it reaches a setting (a slider) or nothing
//! upstream accounts for at least [`MIN_SHARE_LOG`]. A quantity is visited once, so the feedback
//! loops (Hb → EPO → red cells → Hb; TSAT → hepcidin → ferroportin → TSAT) are followed once.
//!
//! One feedback loop needs its own reference: EPO is judged against what a healthy kidney sends
//! for the current Hb (the Symeonidis curve), because a marrow in anemia should be driven harder
//! than in health. An EPO "normal for a healthy adult" is then read as what it is in CKD:
//! inappropriately low.

use super::compartments::marrow::erythroid_iron_demand_mg_per_day;
use super::labs::Labs;
use super::patient::{Patient, PatientState, IRON_RESTRICTION_EXPONENT};
use super::physiology::*;
use super::settings::{SettingKey, Settings};
use super::LabKey;

/// The smallest log-share an upstream quantity must account for to be followed (≈ 3 %).
pub const MIN_SHARE_LOG: f64 = 0.03;

/// A quantity of the causal graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quantity {
    /// A slider: where a trace ends.
    Setting(SettingKey),
    /// A lab of the report (or another sample key).
    Lab(LabKey),
    /// Ferroportin on the macrophages, relative to health.
    Ferroportin,
    /// Iron in the macrophages' labile pool, mg.
    MacrophageIron,
    /// Share of the erythroblasts' iron demand that transferrin meets.
    ErythroidIronSupply,
    /// Erythroblasts and marrow reticulocytes relative to health.
    ErythroidMass,
    /// Erythroferrone relative to health (the marrow's signal to the liver).
    Erythroferrone,
    /// Red cells released per day relative to health.
    RedCellOutput,
    /// How long red cells stay in the blood, days (red cells ÷ output).
    RedCellSurvival,
    /// DNA synthesis in erythroblasts (0–1).
    DnaSynthesis,
    /// B12 absorbed from the diet, µg/day.
    B12Absorbed,
    /// Epoetin (ESA) in plasma, mU/mL.
    Esa,
    /// IV iron complex the macrophages are processing, mg.
    IvIron,
}

impl Quantity {
    /// The name the why-panel gives it in `data-key`: a setting key, a sample key, or an internal
    /// name.
    pub const fn key(self) -> &'static str {
        match self {
            Quantity::Setting(key) => key.key(),
            Quantity::Lab(key) => key.spec().key,
            Quantity::Ferroportin => "ferroportin",
            Quantity::MacrophageIron => "macrophage_iron",
            Quantity::ErythroidIronSupply => "erythroid_iron_supply",
            Quantity::ErythroidMass => "erythroid_mass",
            Quantity::Erythroferrone => "erythroferrone",
            Quantity::RedCellOutput => "red_cell_output",
            Quantity::RedCellSurvival => "red_cell_survival",
            Quantity::DnaSynthesis => "dna_synthesis",
            Quantity::B12Absorbed => "b12_absorbed",
            Quantity::Esa => "esa",
            Quantity::IvIron => "iv_iron",
        }
    }
}

/// One link of a trace.
#[derive(Clone, Debug, PartialEq)]
pub struct CausalLink {
    pub quantity: Quantity,
    /// The value now, in the quantity's unit (relative quantities: 1 = health).
    pub value: f64,
    /// What it is judged against: a healthy adult's value, or what the anemia calls for.
    pub reference: f64,
    pub judged_against: Judged,
    /// How much of the next link's deviation this one accounts for, in log units (0 for the lab).
    pub share_log: f64,
}

impl CausalLink {
    /// The value relative to its reference (×0.3, ×4).
    pub fn fold(&self) -> f64 {
        if self.reference.abs() > 1e-12 {
            self.value / self.reference
        } else {
            f64::NAN
        }
    }
}

/// What a link's value is judged against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Judged {
    /// A healthy adult's value.
    Health,
    /// What a healthy body would show at this Hb (EPO feeding the marrow, red-cell output).
    CalledFor,
}

/// The causal chain of a lab, first cause first, the lab last.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CausalChain {
    pub links: Vec<CausalLink>,
}

impl CausalChain {
    /// The keys of the links, first cause first.
    pub fn keys(&self) -> Vec<&'static str> {
        self.links.iter().map(|link| link.quantity.key()).collect()
    }
}

impl Patient {
    /// Red-cell output (relative to health) a healthy marrow would reach at the current Hb.
    pub fn output_called_for(&self) -> f64 {
        expected_output(self.state.hemoglobin_g_dl())
    }

    /// Why `lab` stands where it does: the chain of quantities that moved it from health.
    pub fn causal_chain(&self, lab: LabKey) -> CausalChain {
        Graph::of(self).trace(Quantity::Lab(lab))
    }
}

/// The patient now and a healthy adult, side by side.
struct Graph<'a> {
    patient: &'a Patient,
    state: &'a PatientState,
    settings: Settings,
    labs: Labs,
    healthy: &'static Healthy,
}

/// A healthy adult's state and labs (computed once).
struct Healthy {
    state: PatientState,
    labs: Labs,
}

fn healthy() -> &'static Healthy {
    static HEALTHY: std::sync::OnceLock<Healthy> = std::sync::OnceLock::new();
    HEALTHY.get_or_init(|| {
        let patient = Patient::new(Settings::default());
        Healthy {
            labs: patient.labs(),
            state: patient.state,
        }
    })
}

/// EPO a healthy kidney sends at `hb_g_dl`, mU/mL: the healthy adult's EPO moved along the
/// Symeonidis curve.
fn expected_epo(hb_g_dl: f64) -> f64 {
    let healthy = healthy();
    healthy.labs.epo_mu_ml * symeonidis_epo_mu_ml(hb_g_dl)
        / symeonidis_epo_mu_ml(healthy.labs.hb_g_dl)
}

/// Red-cell output (relative to health) a healthy marrow would reach at `hb_g_dl`: driven by the
/// EPO a healthy kidney sends (the CFU-E response of marrow.rs), iron and DNA intact.
fn expected_output(hb_g_dl: f64) -> f64 {
    cfu_e_epo_survival(expected_epo(hb_g_dl)) / cfu_e_epo_survival(healthy().labs.epo_mu_ml)
}

/// `ln(now / then)`, 0 when either is not positive.
fn log_ratio(now: f64, then: f64) -> f64 {
    if now > 0.0 && then > 0.0 {
        (now / then).ln()
    } else {
        0.0
    }
}

impl<'a> Graph<'a> {
    fn of(patient: &'a Patient) -> Graph<'a> {
        Graph {
            patient,
            state: &patient.state,
            settings: patient.settings,
            labs: patient.labs(),
            healthy: healthy(),
        }
    }

    /// Effective IL-6 now (after any anti-IL-6), pg/mL.
    fn il6(&self) -> f64 {
        self.patient.il6_effective_pg_ml()
    }

    fn healthy_il6() -> f64 {
        SettingKey::Il6.spec().healthy
    }

    /// EPO a healthy kidney sends at the current Hb, mU/mL.
    fn expected_epo(&self) -> f64 {
        expected_epo(self.labs.hb_g_dl)
    }

    fn expected_output(&self) -> f64 {
        expected_output(self.labs.hb_g_dl)
    }

    fn value(&self, quantity: Quantity) -> f64 {
        match quantity {
            Quantity::Setting(key) => self.settings.get(key),
            Quantity::Lab(key) => self.labs.value(key),
            Quantity::Ferroportin => self.state.hormones.ferroportin_macrophage_relative,
            Quantity::MacrophageIron => self.state.iron.macrophage_iron_mg,
            Quantity::ErythroidIronSupply => self.state.iron.erythroid_iron_sufficiency,
            Quantity::ErythroidMass => {
                self.state.erythroid_mass_relative() / self.healthy.state.erythroid_mass_relative()
            }
            Quantity::Erythroferrone => {
                erythroferrone_relative(self.value(Quantity::ErythroidMass), self.labs.epo_mu_ml)
            }
            Quantity::RedCellOutput => {
                self.state.output_cells_per_day / self.healthy.state.output_cells_per_day
            }
            Quantity::RedCellSurvival => {
                let output = self.value(Quantity::RedCellOutput);
                let red_cells = self.labs.rbc_10e12_per_l / self.healthy.labs.rbc_10e12_per_l;
                if output > 1e-9 {
                    HEALTHY_LIFESPAN_DAYS * red_cells / output
                } else {
                    0.0
                }
            }
            Quantity::DnaSynthesis => self.state.vitamins.dna_synthesis,
            Quantity::B12Absorbed => b12_absorbed_ug_per_day(&self.settings),
            Quantity::Esa => self.state.hormones.esa_plasma_mu_ml,
            Quantity::IvIron => self.state.iron.iv_iron_complex_mg,
        }
    }

    fn reference(&self, quantity: Quantity) -> f64 {
        let healthy = &self.healthy.state;
        match quantity {
            Quantity::Setting(key) => key.spec().healthy,
            Quantity::Lab(LabKey::Erythropoietin) => self.healthy.labs.epo_mu_ml,
            Quantity::Lab(key) => self.healthy.labs.value(key),
            Quantity::Ferroportin => healthy.hormones.ferroportin_macrophage_relative,
            Quantity::MacrophageIron => healthy.iron.macrophage_iron_mg,
            Quantity::ErythroidIronSupply => healthy.iron.erythroid_iron_sufficiency,
            Quantity::ErythroidMass | Quantity::Erythroferrone => 1.0,
            // Production is judged against what the anemia calls for (the idea of the RPI).
            Quantity::RedCellOutput => self.expected_output(),
            Quantity::RedCellSurvival => HEALTHY_LIFESPAN_DAYS,
            Quantity::DnaSynthesis => healthy.vitamins.dna_synthesis,
            Quantity::B12Absorbed => b12_absorbed_ug_per_day(&Settings::default()),
            Quantity::Esa | Quantity::IvIron => 0.0,
        }
    }

    /// The quantity's deviation from its reference, log units.
    fn deviation(&self, quantity: Quantity) -> f64 {
        log_ratio(self.value(quantity), self.reference(quantity))
    }

    /// A setting's effect through a relation `f(settings)`: `ln(f(now) / f(with that setting
    /// healthy))`.
    fn setting_share(&self, key: SettingKey, relation: impl Fn(&Settings) -> f64) -> f64 {
        let mut healthy = self.settings;
        healthy.set(key, key.spec().healthy).ok();
        log_ratio(relation(&self.settings), relation(&healthy))
    }

    /// What each upstream quantity accounts for of `quantity`'s deviation, log units.
    fn upstream(&self, quantity: Quantity) -> Vec<(Quantity, f64)> {
        use Quantity::*;
        use SettingKey::*;
        let lab = |key: LabKey| self.labs.value(key);
        let healthy_lab = |key: LabKey| self.healthy.labs.value(key);
        let lab_share = |key: LabKey| (Lab(key), log_ratio(lab(key), healthy_lab(key)));
        let il6 = self.il6();
        let il6_share = |relation: &dyn Fn(f64) -> f64| {
            (
                Setting(Il6),
                log_ratio(relation(il6), relation(Self::healthy_il6())),
            )
        };
        let supply = self.value(ErythroidIronSupply).max(1e-6);
        let healthy_supply = self.reference(ErythroidIronSupply).max(1e-6);
        let dna = self.value(DnaSynthesis);
        let b12_status = b12_sufficiency(self.state.vitamins.b12_stores_ug);
        let folate_status = folate_sufficiency(self.state.vitamins.folate_stores_mg);
        let folic_acid = self.state.vitamins.folic_acid_recent_mg_per_day;
        // The CFU-E stage and the erythroblasts: shared by the red-cell output and the erythroid
        // mass (conveyor_day multiplies these survivals). EPO is judged against what this Hb
        // calls for; the call itself is the Hb's share.
        let anemia_call = (
            Lab(LabKey::Hemoglobin),
            log_ratio(self.expected_output(), 1.0),
        );
        let marrow = || {
            let expected_epo = self.expected_epo();
            vec![
                (
                    Setting(MarrowInfiltration),
                    self.setting_share(MarrowInfiltration, |settings| {
                        marrow_space_factor(settings) * tumour_survival_factor(settings)
                    }),
                ),
                (
                    Lab(LabKey::Erythropoietin),
                    log_ratio(
                        cfu_e_epo_survival(self.labs.epo_mu_ml),
                        cfu_e_epo_survival(expected_epo),
                    ),
                ),
                il6_share(&progenitor_inflammation_factor),
                (
                    ErythroidIronSupply,
                    log_ratio(
                        iron_restriction_factor(supply)
                            * supply.min(1.0).powf(IRON_RESTRICTION_EXPONENT),
                        iron_restriction_factor(healthy_supply)
                            * healthy_supply.min(1.0).powf(IRON_RESTRICTION_EXPONENT),
                    ),
                ),
            ]
        };
        match quantity {
            Setting(_) | Esa | IvIron => Vec::new(),
            // Hb = red cells × hemoglobin per cell; Hct = red cells × cell volume.
            Lab(LabKey::Hemoglobin) => vec![lab_share(LabKey::RedCells), lab_share(LabKey::Mch)],
            Lab(LabKey::Hematocrit) => vec![lab_share(LabKey::RedCells), lab_share(LabKey::Mcv)],
            // Red cells in blood = output × time each stays; output = what the anemia calls for ×
            // how much of it the marrow delivers.
            Lab(LabKey::RedCells) => vec![
                (RedCellOutput, self.deviation(RedCellOutput)),
                anemia_call,
                (RedCellSurvival, self.deviation(RedCellSurvival)),
            ],
            RedCellSurvival => {
                let ageing = |settings: &Settings, il6: f64| red_cell_ageing_factor(settings, il6);
                let senescence_per_day = ageing(&self.settings, il6) / HEALTHY_LIFESPAN_DAYS;
                let bleeding_per_day =
                    self.settings.blood_loss_ml_per_day / (self.state.blood_volume_dl() * 100.0);
                vec![
                    (
                        Setting(BloodLoss),
                        -(1.0 + bleeding_per_day / senescence_per_day).ln(),
                    ),
                    (
                        Setting(Egfr),
                        -self.setting_share(Egfr, |settings| ageing(settings, il6)),
                    ),
                    (
                        Setting(Il6),
                        -log_ratio(
                            ageing(&self.settings, il6),
                            ageing(&self.settings, Self::healthy_il6()),
                        ),
                    ),
                ]
            }
            RedCellOutput => {
                let mut shares = marrow();
                shares.push((
                    DnaSynthesis,
                    log_ratio(erythroblast_survival(dna), erythroblast_survival(1.0)),
                ));
                shares
            }
            ErythroidMass => {
                let mut shares = marrow();
                shares.push(anemia_call);
                shares
            }
            // Reticulocytes count the output; as a percentage, of the red cells there are.
            Lab(LabKey::Reticulocytes) => vec![
                (RedCellOutput, self.deviation(RedCellOutput)),
                anemia_call,
                (
                    Lab(LabKey::RedCells),
                    -self.deviation(Lab(LabKey::RedCells)),
                ),
            ],
            Lab(LabKey::ReticulocytesAbsolute | LabKey::ReticulocyteProductionIndex) => {
                vec![(RedCellOutput, self.deviation(RedCellOutput)), anemia_call]
            }
            // New cells: bigger when DNA synthesis lags (megaloblasts), smaller and paler when
            // iron does (hemoglobinize in marrow.rs: volume ∝ iron share^0.75).
            Lab(LabKey::Mcv) => vec![
                (DnaSynthesis, log_ratio(megaloblastic_size_factor(dna), 1.0)),
                (
                    ErythroidIronSupply,
                    0.75 * log_ratio(
                        supply.clamp(MIN_HEMOGLOBINIZATION_SHARE, 1.0),
                        healthy_supply.min(1.0),
                    ),
                ),
            ],
            Lab(LabKey::Mch) => vec![
                (DnaSynthesis, log_ratio(megaloblastic_size_factor(dna), 1.0)),
                (
                    ErythroidIronSupply,
                    log_ratio(
                        supply.clamp(MIN_HEMOGLOBINIZATION_SHARE, 1.0),
                        healthy_supply.min(1.0),
                    ),
                ),
            ],
            Lab(LabKey::Mchc) => vec![lab_share(LabKey::Mch), {
                let (key, share) = lab_share(LabKey::Mcv);
                (key, -share)
            }],
            Lab(LabKey::Rdw) => vec![
                (
                    ErythroidIronSupply,
                    -log_ratio(supply.min(1.0), healthy_supply.min(1.0)),
                ),
                (DnaSynthesis, -log_ratio(dna, 1.0)),
            ],
            // Erythroblasts take iron from transferrin in proportion to its saturation.
            ErythroidIronSupply | Lab(LabKey::Sideroblasts) => vec![(
                Lab(LabKey::TransferrinSaturation),
                log_ratio(
                    erythroid_iron_delivery(lab(LabKey::TransferrinSaturation) / 100.0),
                    erythroid_iron_delivery(healthy_lab(LabKey::TransferrinSaturation) / 100.0),
                ),
            )],
            // TSAT = serum iron / TIBC.
            Lab(LabKey::TransferrinSaturation) => vec![lab_share(LabKey::SerumIron), {
                let (key, share) = lab_share(LabKey::Tibc);
                (key, -share)
            }],
            // Plasma iron follows the balance of what ferroportin lets out of the macrophages
            // (iron.rs: export ∝ ferroportin × labile pool) against what the erythroblasts ask
            // for. Near the saturation where the marrow's demand is met, plasma iron moves more
            // than the balance does, so the balance's log shares are scaled by the elasticity
            // seen now (between 1 and 20; 1 where the two do not move together).
            Lab(LabKey::SerumIron) => {
                let demand = erythroid_iron_demand_mg_per_day(self.state).max(1e-9);
                let healthy_demand =
                    erythroid_iron_demand_mg_per_day(&self.healthy.state).max(1e-9);
                let shares = [
                    (Ferroportin, self.deviation(Ferroportin)),
                    (MacrophageIron, self.deviation(MacrophageIron)),
                    (ErythroidMass, -log_ratio(demand, healthy_demand)),
                ];
                let balance: f64 = shares.iter().map(|(_, share)| share).sum();
                let serum_iron = self.deviation(quantity);
                let elasticity = if balance * serum_iron > 0.0 && balance.abs() > 0.01 {
                    (serum_iron / balance).clamp(1.0, 20.0)
                } else {
                    1.0
                };
                shares
                    .into_iter()
                    .map(|(quantity, share)| (quantity, elasticity * share))
                    .collect()
            }
            Lab(LabKey::Tibc) => {
                let storage = self.state.iron.storage_iron_mg;
                let healthy_storage = self.healthy.state.iron.storage_iron_mg;
                vec![
                    (
                        Lab(LabKey::StorageIron),
                        log_ratio(
                            tibc_target_ug_dl(storage, il6),
                            tibc_target_ug_dl(healthy_storage, il6),
                        ),
                    ),
                    il6_share(&|il6| tibc_target_ug_dl(storage, il6)),
                ]
            }
            // Ferroportin level = transcription ÷ hepcidin-driven degradation.
            Ferroportin => vec![
                (
                    Lab(LabKey::Hepcidin),
                    log_ratio(
                        ferroportin_degradation_per_day(
                            self.healthy.state.hormones.hepcidin_relative,
                        ),
                        ferroportin_degradation_per_day(self.state.hormones.hepcidin_relative),
                    ),
                ),
                il6_share(&|il6| {
                    ferroportin_transcription(
                        il6,
                        self.state.hormones.inflammation_adapted_response,
                    )
                }),
            ],
            // The labile pool: fed by the iron the body recycles, emptied through ferroportin.
            MacrophageIron => vec![
                (Ferroportin, -self.deviation(Ferroportin)),
                lab_share(LabKey::BodyIron),
            ],
            // Stores fill as the square of the labile pool (ferritin synthesis, iron.rs).
            Lab(LabKey::StorageIron) | Lab(LabKey::MarrowIronGrade) => {
                vec![(MacrophageIron, 2.0 * self.deviation(MacrophageIron))]
            }
            Lab(LabKey::Ferritin) => {
                let iron = &self.state.iron;
                let acute = self.state.hormones.ferritin_acute_phase_factor;
                let ferritin = |storage: f64, complex: f64, acute: f64| {
                    serum_ferritin_ng_ml(storage, complex, acute)
                };
                let healthy_storage = self.healthy.state.iron.storage_iron_mg;
                vec![
                    (
                        Lab(LabKey::StorageIron),
                        log_ratio(
                            ferritin(iron.storage_iron_mg, 0.0, 1.0),
                            ferritin(healthy_storage, 0.0, 1.0),
                        ),
                    ),
                    (Setting(Il6), log_ratio(acute, 1.0)),
                    (
                        IvIron,
                        log_ratio(
                            ferritin(iron.storage_iron_mg, iron.iv_iron_complex_mg, 1.0),
                            ferritin(iron.storage_iron_mg, 0.0, 1.0),
                        ),
                    ),
                ]
            }
            // Body iron: what comes in against what is lost (flows, unit elasticities).
            Lab(LabKey::BodyIron) => {
                let basal_loss_mg_per_day = 1.0;
                let bleeding_mg_per_day =
                    self.settings.blood_loss_ml_per_day * self.labs.hb_g_dl / 100.0 * 3.4;
                vec![
                    (
                        Setting(IronIntake),
                        log_ratio(
                            self.settings.iron_intake_mg_per_day,
                            IronIntake.spec().healthy,
                        ),
                    ),
                    (
                        Setting(BloodLoss),
                        -(1.0 + bleeding_mg_per_day / basal_loss_mg_per_day).ln(),
                    ),
                    (
                        Lab(LabKey::IronGivenTotal),
                        (1.0 + self.labs.iron_given_mg_total
                            / healthy_lab(LabKey::BodyIron).max(1.0))
                        .ln(),
                    ),
                ]
            }
            // The liver's hepcidin target, factor by factor (physiology::hepcidin_target).
            Lab(LabKey::Hepcidin) | Lab(LabKey::HepcidinRelative) => {
                let storage = self.state.iron.storage_iron_mg;
                let saturation = lab(LabKey::TransferrinSaturation) / 100.0;
                let erythroferrone = self.value(Erythroferrone);
                let egfr = self.settings.egfr_ml_per_min;
                let target = |storage: f64, saturation: f64, il6: f64, erfe: f64, egfr: f64| {
                    hepcidin_target(
                        storage,
                        saturation,
                        il6,
                        erfe,
                        renal_hepcidin_retention(egfr),
                    )
                };
                let now = target(storage, saturation, il6, erythroferrone, egfr);
                let healthy = &self.healthy.state;
                vec![
                    (
                        Lab(LabKey::StorageIron),
                        log_ratio(
                            now,
                            target(
                                healthy.iron.storage_iron_mg,
                                saturation,
                                il6,
                                erythroferrone,
                                egfr,
                            ),
                        ),
                    ),
                    (
                        Lab(LabKey::TransferrinSaturation),
                        log_ratio(
                            now,
                            target(
                                storage,
                                healthy_lab(LabKey::TransferrinSaturation) / 100.0,
                                il6,
                                erythroferrone,
                                egfr,
                            ),
                        ),
                    ),
                    (
                        Setting(Il6),
                        log_ratio(
                            now,
                            target(
                                storage,
                                saturation,
                                Self::healthy_il6(),
                                erythroferrone,
                                egfr,
                            ),
                        ),
                    ),
                    (
                        Erythroferrone,
                        log_ratio(now, target(storage, saturation, il6, 1.0, egfr)),
                    ),
                    (
                        Setting(Egfr),
                        log_ratio(
                            now,
                            target(
                                storage,
                                saturation,
                                il6,
                                erythroferrone,
                                Egfr.spec().healthy,
                            ),
                        ),
                    ),
                ]
            }
            // Erythroferrone: the erythroid mass, driven by EPO (square root).
            Erythroferrone => vec![
                (ErythroidMass, self.deviation(ErythroidMass)),
                (
                    Lab(LabKey::Erythropoietin),
                    0.5 * self.deviation(Lab(LabKey::Erythropoietin)),
                ),
            ],
            // EPO: the Symeonidis response to Hb, × kidney capacity × inflammation × receptor
            // clearance, plus any epoetin given (hormones.rs).
            Lab(LabKey::Erythropoietin) => {
                let endogenous = self.state.hormones.epo_endogenous_mu_ml.max(1e-9);
                vec![
                    (
                        Lab(LabKey::Hemoglobin),
                        log_ratio(
                            symeonidis_epo_mu_ml(self.labs.hb_g_dl),
                            symeonidis_epo_mu_ml(self.healthy.labs.hb_g_dl),
                        ),
                    ),
                    (
                        Setting(Egfr),
                        self.setting_share(Egfr, |settings| {
                            renal_epo_capacity(settings.egfr_ml_per_min)
                        }),
                    ),
                    il6_share(&epo_inflammation_factor),
                    (
                        ErythroidMass,
                        log_ratio(
                            epo_receptor_clearance_factor(self.value(ErythroidMass)),
                            epo_receptor_clearance_factor(1.0),
                        ),
                    ),
                    (Esa, log_ratio(self.labs.epo_mu_ml, endogenous)),
                ]
            }
            Lab(LabKey::Il6) => vec![(Setting(Il6), self.deviation(Lab(LabKey::Il6)))],
            // sTfR: receptors per erythroblast × erythroid mass^0.7, lowered by IL-6 (labs.rs).
            Lab(LabKey::SolubleTransferrinReceptor) => vec![
                (ErythroidMass, 0.7 * self.deviation(ErythroidMass)),
                (
                    Lab(LabKey::TransferrinSaturation),
                    -log_ratio(
                        erythroid_transferrin_binding(lab(LabKey::TransferrinSaturation) / 100.0),
                        erythroid_transferrin_binding(
                            healthy_lab(LabKey::TransferrinSaturation) / 100.0,
                        ),
                    ),
                ),
                il6_share(&|il6| 1.0 - 0.4 * il6_response(il6)),
            ],
            // DNA synthesis: usable folate, which needs B12 to leave the methyl trap.
            DnaSynthesis => vec![
                (
                    Lab(LabKey::B12Stores),
                    log_ratio(
                        usable_folate(folate_status, b12_status, folic_acid),
                        usable_folate(folate_status, 1.0, folic_acid),
                    ),
                ),
                (
                    Lab(LabKey::FolateStores),
                    log_ratio(
                        usable_folate(folate_status, b12_status, folic_acid),
                        usable_folate(1.0, b12_status, folic_acid),
                    ),
                ),
            ],
            Lab(LabKey::B12Stores) | Lab(LabKey::VitaminB12) => {
                vec![(B12Absorbed, self.deviation(B12Absorbed))]
            }
            B12Absorbed => [
                B12Intake,
                GastricAcid,
                PancreaticProtease,
                IntrinsicFactor,
                IlealUptake,
            ]
            .into_iter()
            .map(|key| {
                (
                    Setting(key),
                    self.setting_share(key, b12_absorbed_ug_per_day),
                )
            })
            .collect(),
            Lab(LabKey::FolateStores | LabKey::SerumFolate | LabKey::RedCellFolate) => vec![
                (Setting(FolateIntake), self.deviation(Setting(FolateIntake))),
                (
                    Lab(LabKey::B12Stores),
                    if quantity == Lab(LabKey::RedCellFolate) {
                        log_ratio(
                            red_cell_folate_uptake(folate_status, b12_status),
                            red_cell_folate_uptake(folate_status, 1.0),
                        )
                    } else {
                        0.0
                    },
                ),
            ],
            // Homocysteine and MMA pile up when their enzymes stall; the kidneys clear both.
            Lab(LabKey::Homocysteine) => vec![
                (
                    Lab(LabKey::B12Stores),
                    -log_ratio(
                        methionine_synthase_activity(folate_status, b12_status, folic_acid),
                        methionine_synthase_activity(folate_status, 1.0, folic_acid),
                    ),
                ),
                (
                    Lab(LabKey::FolateStores),
                    -log_ratio(
                        methionine_synthase_activity(folate_status, b12_status, folic_acid),
                        methionine_synthase_activity(1.0, b12_status, folic_acid),
                    ),
                ),
                (Setting(Egfr), -0.35 * self.deviation(Setting(Egfr))),
            ],
            Lab(LabKey::MethylmalonicAcid) => vec![
                (Lab(LabKey::B12Stores), -log_ratio(b12_status, 1.0)),
                (Setting(Egfr), -0.5 * self.deviation(Setting(Egfr))),
            ],
            Lab(LabKey::NerveDamageIndex) => {
                vec![(Lab(LabKey::B12Stores), -log_ratio(b12_status, 1.0))]
            }
            // LDH: marrow deaths (ineffective erythropoiesis) and red cells destroyed.
            Lab(LabKey::Ldh) => vec![
                (
                    DnaSynthesis,
                    -log_ratio(erythroblast_survival(dna), erythroblast_survival(1.0)),
                ),
                (RedCellSurvival, -self.deviation(RedCellSurvival)),
            ],
            Lab(
                LabKey::Day
                | LabKey::IronAbsorbedTotal
                | LabKey::IronLostTotal
                | LabKey::IronGivenTotal
                | LabKey::LifeThreatening,
            ) => Vec::new(),
        }
    }

    /// The link for `quantity`, reached from `from`, judged as that relation judges it.
    fn link(&self, quantity: Quantity, from: Option<Quantity>, share_log: f64) -> CausalLink {
        let epo_feeding_marrow = quantity == Quantity::Lab(LabKey::Erythropoietin)
            && matches!(
                from,
                Some(Quantity::RedCellOutput | Quantity::ErythroidMass)
            );
        let (reference, judged_against) = if epo_feeding_marrow {
            (self.expected_epo(), Judged::CalledFor)
        } else if quantity == Quantity::RedCellOutput {
            (self.reference(quantity), Judged::CalledFor)
        } else {
            (self.reference(quantity), Judged::Health)
        };
        CausalLink {
            quantity,
            value: self.value(quantity),
            reference,
            judged_against,
            share_log,
        }
    }

    /// Which way `next` is off, as its relation to `from` judges it: EPO feeding the marrow
    /// against what this Hb calls for, everything else against its reference (a setting whose
    /// healthy value is zero, like blood loss, by the sign of its share).
    fn direction_of(&self, next: Quantity, from: Quantity, share: f64) -> f64 {
        let judged = match (next, from) {
            (
                Quantity::Lab(LabKey::Erythropoietin),
                Quantity::RedCellOutput | Quantity::ErythroidMass,
            ) => log_ratio(self.labs.epo_mu_ml, self.expected_epo()),
            _ => self.deviation(next),
        };
        if judged != 0.0 {
            judged.signum()
        } else {
            share.signum()
        }
    }

    /// The trace from `lab` upstream, returned first cause first. Of the paths that reach a
    /// setting (or a treatment), the one whose weakest link accounts for most is taken (then the
    /// shorter); a path may not visit a quantity twice, so a feedback loop is followed once.
    /// Where no path reaches a setting, the strongest link is followed as far as it goes.
    fn trace(&self, lab: Quantity) -> CausalChain {
        let start = self.link(lab, None, 0.0);
        let direction = self.deviation(lab).signum();
        let mut links = vec![start];
        if direction != 0.0 {
            let mut search = Search::default();
            self.extend(
                lab,
                direction,
                &mut links.clone(),
                f64::INFINITY,
                &mut search,
            );
            links.extend(match search.best {
                Some((_, path)) => path,
                None => search.greedy,
            });
        }
        links.reverse();
        CausalChain { links }
    }

    /// Explores the paths upstream of the last link of `trace`.
    fn extend(
        &self,
        current: Quantity,
        direction: f64,
        trace: &mut Vec<CausalLink>,
        weakest: f64,
        search: &mut Search,
    ) {
        search.expansions += 1;
        if matches!(
            current,
            Quantity::Setting(_)
                | Quantity::Esa
                | Quantity::IvIron
                | Quantity::Lab(LabKey::IronGivenTotal)
        ) {
            let path = trace[1..].to_vec();
            let better = match &search.best {
                None => true,
                Some((_, best_path)) => stronger(&path, best_path),
            };
            if better {
                search.best = Some((weakest, path));
            }
            return;
        }
        if search.expansions > MAX_EXPANSIONS {
            return;
        }
        let mut candidates: Vec<(Quantity, f64)> = self
            .upstream(current)
            .into_iter()
            .filter(|(quantity, share)| {
                share.is_finite()
                    && share * direction >= MIN_SHARE_LOG
                    && !trace.iter().any(|link| link.quantity == *quantity)
            })
            .collect();
        candidates.sort_by(|a, b| (b.1 * direction).total_cmp(&(a.1 * direction)));
        for (next, share) in candidates {
            // A path whose weakest link is already weaker than the best path's cannot win.
            let weakest_here = weakest.min(share.abs());
            if search
                .best
                .as_ref()
                .is_some_and(|(_, best)| weakest_here < weakest_link(best) - 1e-9)
            {
                continue;
            }
            trace.push(self.link(next, Some(current), share.abs()));
            if trace.len() - 1 > search.greedy.len() && search.best.is_none() {
                search.greedy = trace[1..].to_vec();
            }
            let next_direction = self.direction_of(next, current, share);
            self.extend(next, next_direction, trace, weakest_here, search);
            trace.pop();
        }
    }
}

fn weakest_link(path: &[CausalLink]) -> f64 {
    path.iter()
        .map(|link| link.share_log)
        .fold(f64::INFINITY, f64::min)
}

/// Whether `path` explains more than `other`: its weakest share is larger, or on a tie its next
/// weakest, and so on; of two equal paths the shorter.
fn stronger(path: &[CausalLink], other: &[CausalLink]) -> bool {
    let sorted = |path: &[CausalLink]| {
        let mut shares: Vec<f64> = path.iter().map(|link| link.share_log).collect();
        shares.sort_by(f64::total_cmp);
        shares
    };
    let (mine, theirs) = (sorted(path), sorted(other));
    for (a, b) in mine.iter().zip(&theirs) {
        if (a - b).abs() > 1e-9 {
            return a > b;
        }
    }
    mine.len() < theirs.len()
}

/// Upper bound on the quantities a trace search visits (the graph is small; this only guards
/// against a combinatorial walk).
const MAX_EXPANSIONS: usize = 20_000;

/// The state of a trace search.
#[derive(Default)]
struct Search {
    /// The best path to a setting so far, with its weakest share.
    best: Option<(f64, Vec<CausalLink>)>,
    /// The longest path followed, for when no path reaches a setting.
    greedy: Vec<CausalLink>,
    expansions: usize,
}
