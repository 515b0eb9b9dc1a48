//! Preset texts must agree with the page (issue 9): every lab claim a preset's description makes
//! is a row here, the phrase as the description writes it and a check on the model's labs, at the
//! day the preset opens and a year later, untreated. A phrase missing from its description fails
//! (text and table stay in step), and so does a check the model does not meet.
//!
//! Limits are the lab report's reference limits (`LabKey::spec`, adult man) unless a row says
//! otherwise. Two clinical yardsticks that are not reference limits:
//! - RPI: the model's `rpi` sample (retic % × (Hct/45) / Hillman maturation days, `Labs::rpi`); in an
//!   anemic patient an RPI below 2 means the marrow is not answering (hypoproliferative), whatever
//!   the report's flag (its 0.5–3 range is for health-like states).
//! - EPO "low for the anemia": the ratio of observed to predicted log EPO (Barosi 1989's O/P
//!   ratio), below 0.9, the prediction being the healthy kidney's answer that the model itself
//!   cites, `log10 EPO = 3.05 − 0.131 Hb` (Symeonidis 2016).
//!
//! Run with `cargo test --test preset_claims -- --nocapture` to print the table.

mod common;

use common::{labs_at, preset};
use marrow_factory::model::{Flag, LabKey, Labs};
use marrow_factory::presets::Preset;

/// The labs a claim is judged on: the preset's, and the same day's of the presets it is compared
/// with.
struct Context<'a> {
    labs: &'a Labs,
    healthy: &'a Labs,
    inflammation: &'a Labs,
}

/// One claim: the phrase as it stands in the description and its check (`Err` says why not).
type Claim = (&'static str, fn(&Context) -> Result<(), String>);

/// One preset's claims, and the phrases of its description that are deliberately not lab claims
/// (settings, the factory scene, mechanisms the labs do not show), with why.
struct PresetClaims {
    preset: &'static str,
    claims: &'static [Claim],
    not_lab_claims: &'static [(&'static str, &'static str)],
}

fn flagged(labs: &Labs, key: LabKey, expected: Flag) -> Result<(), String> {
    let flag = labs.flag(key);
    if flag == expected {
        Ok(())
    } else {
        let spec = key.spec();
        Err(format!(
            "{} = {:.3} {} is {} (reference {:?}–{:?}), expected {}",
            spec.key,
            labs.value(key),
            spec.unit,
            flag.as_str(),
            spec.low,
            spec.high,
            expected.as_str()
        ))
    }
}

fn low(labs: &Labs, key: LabKey) -> Result<(), String> {
    flagged(labs, key, Flag::Low)
}
fn high(labs: &Labs, key: LabKey) -> Result<(), String> {
    flagged(labs, key, Flag::High)
}
fn normal(labs: &Labs, key: LabKey) -> Result<(), String> {
    flagged(labs, key, Flag::Normal)
}

/// `value` within [low, high] (a range that is not the reference range, named in `what`).
fn within(what: &str, value: f64, low: f64, high: f64) -> Result<(), String> {
    if (low..=high).contains(&value) {
        Ok(())
    } else {
        Err(format!("{what} = {value:.3}, expected {low}–{high}"))
    }
}

/// Anemic (Hb below its reference limit) with RPI < 2: the marrow is not answering.
fn rpi_low(labs: &Labs) -> Result<(), String> {
    low(labs, LabKey::Hemoglobin)?;
    within(
        "RPI (anemia: < 2 is hypoproliferative)",
        labs.rpi,
        0.0,
        1.99,
    )
}

/// Anemic with EPO below what a healthy kidney sends for that Hb (O/P log ratio < 0.9).
fn epo_low_for_the_anemia(labs: &Labs) -> Result<(), String> {
    low(labs, LabKey::Hemoglobin)?;
    let predicted_log = 3.05 - 0.131 * labs.hb_g_dl;
    within(
        "observed/predicted log EPO",
        labs.epo_mu_ml.log10() / predicted_log,
        0.0,
        0.9,
    )
}

/// Hepcidin relative to the model's healthy adult (assays differ ≈ 10×, so the report's ng/mL
/// range is wide; the claims are about the direction).
fn hepcidin_raised(labs: &Labs) -> Result<(), String> {
    within("hepcidin / healthy", labs.hepcidin_relative, 1.5, 10.0)
}

const CLAIMS: [PresetClaims; 8] = [
    PresetClaims {
        preset: "healthy",
        claims: &[("every lab in range", |c| {
            LabKey::ALL
                .into_iter()
                .filter(|key| key.spec().has_reference_range())
                .try_for_each(|key| normal(c.labs, key))
        })],
        not_lab_claims: &[("A healthy 70 kg adult", "the model's patient")],
    },
    PresetClaims {
        preset: "iron_deficiency",
        claims: &[
            ("stores and ferritin are nearly empty", |c| {
                // WHO: ferritin < 15 ng/mL means iron stores are exhausted.
                within("ferritin, ng/mL", c.labs.ferritin_ng_ml, 0.0, 15.0)?;
                within(
                    "storage iron / healthy",
                    c.labs.storage_iron_mg / c.healthy.storage_iron_mg,
                    0.0,
                    0.2,
                )?;
                low(c.labs, LabKey::MarrowIronGrade)
            }),
            ("transferrin (TIBC) is up", |c| high(c.labs, LabKey::Tibc)),
            ("TSAT is low", |c| {
                low(c.labs, LabKey::TransferrinSaturation)
            }),
            ("hepcidin is nearly gone", |c| {
                within("hepcidin / healthy", c.labs.hepcidin_relative, 0.0, 0.2)
            }),
            ("low MCV", |c| low(c.labs, LabKey::Mcv)),
            ("low MCH", |c| low(c.labs, LabKey::Mch)),
            ("high RDW", |c| high(c.labs, LabKey::Rdw)),
        ],
        not_lab_claims: &[
            ("A slow bleed (e.g. from the gut)", "a setting"),
            ("(the gates stand open)", "the factory scene"),
        ],
    },
    PresetClaims {
        preset: "folate_deficiency",
        claims: &[
            ("serum folate is low", |c| low(c.labs, LabKey::SerumFolate)),
            ("homocysteine is high", |c| {
                high(c.labs, LabKey::Homocysteine)
            }),
            ("MMA is normal", |c| {
                normal(c.labs, LabKey::MethylmalonicAcid)
            }),
            ("red cells come out large (high MCV)", |c| {
                high(c.labs, LabKey::Mcv)
            }),
            ("LDH up", |c| high(c.labs, LabKey::Ldh)),
            ("RPI low", |c| rpi_low(c.labs)),
        ],
        not_lab_claims: &[
            ("A diet with little folate", "a setting"),
            (
                "many erythroblasts die in the marrow",
                "intramedullary death has no lab of its own; LDH (checked) is its sign",
            ),
        ],
    },
    PresetClaims {
        preset: "b12_deficiency",
        claims: &[
            ("B12 is low", |c| low(c.labs, LabKey::VitaminB12)),
            ("both homocysteine and MMA are high", |c| {
                high(c.labs, LabKey::Homocysteine)?;
                high(c.labs, LabKey::MethylmalonicAcid)
            }),
            ("red cells are large", |c| high(c.labs, LabKey::Mcv)),
            ("LDH is up", |c| high(c.labs, LabKey::Ldh)),
            ("the nerves are already damaged", |c| {
                high(c.labs, LabKey::NerveDamageIndex)
            }),
        ],
        not_lab_claims: &[
            ("Intrinsic factor is almost gone", "a setting"),
            ("oversized megaloblasts stall", "the factory scene"),
        ],
    },
    PresetClaims {
        preset: "inflammation",
        claims: &[
            ("raises IL-6 and hepcidin", |c| {
                high(c.labs, LabKey::Il6)?;
                hepcidin_raised(c.labs)
            }),
            ("the macrophage store and the iron stain are full", |c| {
                within(
                    "storage iron / healthy",
                    c.labs.storage_iron_mg / c.healthy.storage_iron_mg,
                    1.3,
                    4.0,
                )?;
                high(c.labs, LabKey::MarrowIronGrade)
            }),
            ("serum iron and TSAT are low", |c| {
                low(c.labs, LabKey::SerumIron)?;
                low(c.labs, LabKey::TransferrinSaturation)
            }),
            // The stain's other half: few erythroblasts get iron (sideroblasts below 20 %).
            ("the erythroblasts starve", |c| {
                low(c.labs, LabKey::Sideroblasts)
            }),
            ("EPO answers the anemia only weakly", |c| {
                epo_low_for_the_anemia(c.labs)
            }),
        ],
        not_lab_claims: &[
            ("(as in rheumatoid arthritis)", "a setting"),
            (
                "the gates are barred",
                "the factory scene (hepcidin is checked)",
            ),
        ],
    },
    PresetClaims {
        preset: "inflammation_iron_deficiency",
        claims: &[
            (
                "pulls hepcidin far below its level in inflammation alone",
                |c| {
                    within(
                        "hepcidin / inflammation's",
                        c.labs.hepcidin_ng_ml / c.inflammation.hepcidin_ng_ml,
                        0.0,
                        0.5,
                    )
                },
            ),
            ("sits around {ferritin_ng_ml:100}", |c| {
                within("ferritin, ng/mL", c.labs.ferritin_ng_ml, 70.0, 150.0)
            }),
            ("the stores hold less than a healthy adult's", |c| {
                within(
                    "storage iron / healthy",
                    c.labs.storage_iron_mg / c.healthy.storage_iron_mg,
                    0.0,
                    0.9,
                )
            }),
            ("far less than in inflammation alone", |c| {
                within(
                    "storage iron / inflammation's",
                    c.labs.storage_iron_mg / c.inflammation.storage_iron_mg,
                    0.0,
                    0.5,
                )
            }),
            ("the soluble transferrin receptor is up", |c| {
                high(c.labs, LabKey::SolubleTransferrinReceptor)
            }),
            (
                "the anemia is deeper and more microcytic than inflammation alone",
                |c| {
                    low(c.labs, LabKey::Hemoglobin)?;
                    low(c.labs, LabKey::Mcv)?;
                    within(
                        "Hb − inflammation's, g/dL",
                        c.labs.hb_g_dl - c.inflammation.hb_g_dl,
                        -10.0,
                        -1.0,
                    )?;
                    within(
                        "MCV − inflammation's, fL",
                        c.labs.mcv_fl - c.inflammation.mcv_fl,
                        -40.0,
                        -5.0,
                    )
                },
            ),
        ],
        not_lab_claims: &[
            ("Inflammation plus a slow bleed", "settings"),
            ("(raised by the acute phase)", "a mechanism"),
            ("Compare the sTfR/log ferritin index", "an invitation"),
        ],
    },
    PresetClaims {
        preset: "ckd",
        claims: &[
            ("inappropriately low for the hemoglobin", |c| {
                epo_low_for_the_anemia(c.labs)
            }),
            ("normocytic", |c| normal(c.labs, LabKey::Mcv)),
            ("low reticulocyte index", |c| rpi_low(c.labs)),
            ("Less hepcidin is cleared", |c| {
                within("hepcidin / healthy", c.labs.hepcidin_relative, 1.2, 10.0)
            }),
            ("TSAT is low", |c| {
                low(c.labs, LabKey::TransferrinSaturation)
            }),
        ],
        not_lab_claims: &[
            ("The kidneys can no longer make enough EPO", "a setting"),
            ("the kidney in the factory is dim", "the factory scene"),
            (
                "red cells live shorter lives",
                "red-cell lifespan is not a lab (tested in tests/mechanisms.rs)",
            ),
        ],
    },
    PresetClaims {
        preset: "myeloma",
        claims: &[
            ("IL-6 is high", |c| high(c.labs, LabKey::Il6)),
            ("iron locked away", |c| {
                low(c.labs, LabKey::TransferrinSaturation)
            }),
            ("EPO low for the anemia", |c| epo_low_for_the_anemia(c.labs)),
            ("The anemia is normocytic", |c| {
                low(c.labs, LabKey::Hemoglobin)?;
                normal(c.labs, LabKey::Mcv)
            }),
            ("high ferritin and hepcidin", |c| {
                high(c.labs, LabKey::Ferritin)?;
                hepcidin_raised(c.labs)
            }),
        ],
        not_lab_claims: &[
            ("Plasma cells crowd the marrow floor", "a setting"),
            ("the kidneys are damaged", "a setting"),
        ],
    },
];

/// The days each claim is checked on: the day the preset opens and a year later, untreated.
const DAYS: [f64; 2] = [0.0, 365.0];

#[test]
fn every_preset_has_a_claims_table() {
    let mut tabled: Vec<&str> = CLAIMS.iter().map(|table| table.preset).collect();
    tabled.sort_unstable();
    let mut presets: Vec<&str> = marrow_factory::presets::PRESETS
        .iter()
        .map(|preset| preset.id)
        .collect();
    presets.sort_unstable();
    assert_eq!(tabled, presets);
}

#[test]
fn every_phrase_of_the_table_is_in_its_description() {
    let mut missing = Vec::new();
    for table in &CLAIMS {
        let description = Preset::find(table.preset)
            .unwrap()
            .scenario()
            .unwrap()
            .description;
        let phrases = table
            .claims
            .iter()
            .map(|(phrase, _)| *phrase)
            .chain(table.not_lab_claims.iter().map(|(phrase, _)| *phrase));
        for phrase in phrases {
            if !description.contains(phrase) {
                missing.push(format!("{}: “{phrase}”", table.preset));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "phrases no longer in their description (update the text or the table):\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_claim_holds_when_the_preset_opens_and_a_year_later() {
    let mut healthy = preset("healthy");
    let mut inflammation = preset("inflammation");
    let mut patients: Vec<_> = CLAIMS.iter().map(|table| preset(table.preset)).collect();
    let mut failures = Vec::new();
    for day in DAYS {
        let healthy_labs = labs_at(&mut healthy, day);
        let inflammation_labs = labs_at(&mut inflammation, day);
        for (table, patient) in CLAIMS.iter().zip(&mut patients) {
            let labs = labs_at(patient, day);
            let context = Context {
                labs: &labs,
                healthy: &healthy_labs,
                inflammation: &inflammation_labs,
            };
            for (phrase, check) in table.claims {
                let outcome = check(&context);
                println!(
                    "| {} | day {day} | {phrase} | {} |",
                    table.preset,
                    match &outcome {
                        Ok(()) => "holds".to_string(),
                        Err(why) => format!("FAILS: {why}"),
                    }
                );
                if let Err(why) = outcome {
                    failures.push(format!("{} day {day}: “{phrase}”: {why}", table.preset));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
