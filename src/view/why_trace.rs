//! The why-panel's lines and the lab interpretation's sentences, as plain data from the model's
//! causal chain and interpretation (tested natively; the components only show them).

use crate::model::{CausalChain, Interpretation, LabKey, Labs, Quantity, Reading};
use crate::strings::{fill, Strings};
use crate::view::drawing::factory_scene::ScenePart;
use crate::view::units::{display_unit, display_value, Units};

/// One link as the panel prints it.
#[derive(Clone, Debug, PartialEq)]
pub struct WhyLine {
    /// The quantity's `data-key`.
    pub key: &'static str,
    pub label: &'static str,
    /// The value with its unit ("30 pg/mL", "×0.55").
    pub value: String,
    /// Relative to health, where that says more than the value ("×1.8 of healthy 87").
    pub fold: Option<String>,
    pub explanation: &'static str,
    /// The factory part that shows this quantity, if one does.
    pub part: Option<ScenePart>,
}

/// A number with the decimals its size needs.
/// (The decimal sign is the page language's.)
pub fn number(value: f64) -> String {
    let magnitude = value.abs();
    let printed = if magnitude >= 100.0 {
        format!("{value:.0}")
    } else if magnitude >= 10.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.2}")
    };
    crate::i18n::localize_number(&printed, crate::strings::t().lang().decimal_sign())
}

/// The quantity's value with its unit; labs in `units` (settings keep the contract's units).
fn value_text(quantity: Quantity, value: f64, units: Units, strings: &Strings) -> String {
    let with_unit = |unit: &'static str| {
        if unit.is_empty() {
            number(value)
        } else {
            format!("{} {}", number(value), strings.unit(unit))
        }
    };
    match quantity {
        Quantity::Setting(key) => with_unit(key.spec().unit),
        Quantity::Lab(key) => {
            let shown = display_value(key, units, value);
            let unit = display_unit(key, units);
            if unit.is_empty() {
                number(shown)
            } else {
                format!("{} {unit}", number(shown))
            }
        }
        Quantity::Ferroportin
        | Quantity::ErythroidMass
        | Quantity::Erythroferrone
        | Quantity::RedCellOutput => format!("×{}", number(value)),
        Quantity::ErythroidIronSupply | Quantity::DnaSynthesis => {
            format!("{:.0} %", value * 100.0)
        }
        Quantity::MacrophageIron | Quantity::IvIron => with_unit("mg"),
        Quantity::RedCellSurvival => with_unit("days"),
        Quantity::B12Absorbed => with_unit("µg/day"),
        Quantity::Esa => with_unit("mU/mL"),
    }
}

/// The panel's lines for a chain, first cause first, labs printed in `units`.
pub fn why_lines(chain: &CausalChain, strings: &Strings, units: Units) -> Vec<WhyLine> {
    chain
        .links
        .iter()
        .map(|link| {
            let relative = matches!(
                link.quantity,
                Quantity::Ferroportin
                    | Quantity::ErythroidMass
                    | Quantity::Erythroferrone
                    | Quantity::Setting(_)
            );
            let fold = link.fold();
            let fold = (!relative && fold.is_finite() && (fold - 1.0).abs() > 0.03).then(|| {
                fill(
                    strings.why_fold(link.judged_against),
                    &[
                        ("fold", &number(fold)),
                        (
                            "reference",
                            &value_text(link.quantity, link.reference, units, strings),
                        ),
                    ],
                )
            });
            WhyLine {
                key: link.quantity.key(),
                label: strings.quantity_label(link.quantity),
                value: value_text(link.quantity, link.value, units, strings),
                fold,
                explanation: strings.quantity_explanation(link.quantity),
                part: ScenePart::showing(link.quantity),
            }
        })
        .collect()
}

/// One sentence of the interpretation, with its id and reading (`data-reading`).
#[derive(Clone, Debug, PartialEq)]
pub struct InterpretationLine {
    pub id: &'static str,
    pub reading: Reading,
    pub text: String,
}

/// The interpretation's sentences.
pub fn interpretation_lines(labs: &Labs, strings: &Strings) -> Vec<InterpretationLine> {
    let Interpretation {
        rpi,
        marrow_response,
        expected_epo_mu_ml,
        epo_observed_over_expected,
        epo_response,
        stfr_ferritin_index,
        stfr_ferritin_reading,
        mentzer_index,
        mentzer_reading,
        ..
    } = labs.interpretation();
    let mut lines = vec![
        InterpretationLine {
            id: "marrow-response",
            reading: marrow_response,
            text: fill(
                strings.interpretation_marrow(marrow_response),
                &[("rpi", &format!("{rpi:.2}"))],
            ),
        },
        InterpretationLine {
            id: "epo-response",
            reading: epo_response,
            text: fill(
                strings.interpretation_epo(epo_response),
                &[
                    ("ratio", &format!("{epo_observed_over_expected:.2}")),
                    ("expected", &format!("{expected_epo_mu_ml:.0}")),
                ],
            ),
        },
        InterpretationLine {
            id: "stfr-index",
            reading: stfr_ferritin_reading,
            text: fill(
                strings.interpretation_stfr(stfr_ferritin_reading),
                &[("index", &format!("{stfr_ferritin_index:.2}"))],
            ),
        },
    ];
    if mentzer_reading != Reading::NotApplicable {
        lines.push(InterpretationLine {
            id: "mentzer-index",
            reading: mentzer_reading,
            text: fill(
                strings.interpretation_mentzer(mentzer_reading),
                &[("index", &format!("{mentzer_index:.1}"))],
            ),
        });
    }
    lines.push(InterpretationLine {
        id: "hepcidin-relative",
        reading: Reading::NotApplicable,
        text: fill(
            strings.interpretation_hepcidin(),
            &[("fold", &number(labs.value(LabKey::HepcidinRelative)))],
        ),
    });
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::Preset;
    use crate::strings::ENGLISH;

    #[test]
    fn the_ckd_trace_prints_egfr_and_epo_with_their_values() {
        let patient = Preset::find("ckd").unwrap().patient();
        let lines = why_lines(
            &patient.causal_chain(LabKey::Hemoglobin),
            &ENGLISH,
            Units::Conventional,
        );
        assert_eq!(lines.first().unwrap().key, "egfr_ml_per_min");
        assert_eq!(lines.first().unwrap().value, "15.0 mL/min/1.73 m²");
        let epo = lines.iter().find(|line| line.key == "epo_mu_ml").unwrap();
        assert!(epo.value.ends_with("mU/mL"), "{epo:?}");
        assert_eq!(epo.part, Some(ScenePart::Kidney));
        assert!(lines.iter().all(|line| !line.explanation.is_empty()));
    }

    #[test]
    fn ckd_reads_as_inappropriately_low_epo_and_an_inadequate_marrow() {
        let labs = Preset::find("ckd").unwrap().patient().labs();
        let lines = interpretation_lines(&labs, &ENGLISH);
        let epo = lines.iter().find(|line| line.id == "epo-response").unwrap();
        assert_eq!(epo.reading, Reading::Inadequate);
        assert!(epo.text.contains("inappropriately low"), "{}", epo.text);
        let marrow = lines
            .iter()
            .find(|line| line.id == "marrow-response")
            .unwrap();
        assert!(marrow.text.contains("inadequate"), "{}", marrow.text);
    }

    #[test]
    fn in_si_the_trace_prints_labs_converted_and_settings_as_they_are() {
        let patient = Preset::find("iron_deficiency").unwrap().patient();
        let chain = patient.causal_chain(LabKey::Hemoglobin);
        let conventional = why_lines(&chain, &ENGLISH, Units::Conventional);
        let si = why_lines(&chain, &ENGLISH, Units::Si);
        let hb = |lines: &[WhyLine]| {
            lines
                .iter()
                .find(|line| line.key == "hb_g_dl")
                .unwrap()
                .value
                .clone()
        };
        assert!(
            hb(&conventional).ends_with(" g/dL"),
            "{}",
            hb(&conventional)
        );
        assert_eq!(
            hb(&si),
            format!("{} g/L", number(patient.labs().hb_g_dl * 10.0))
        );
        let setting = |lines: &[WhyLine]| {
            lines
                .iter()
                .find(|line| line.key == "iron_intake_mg_per_day")
                .map(|line| line.value.clone())
        };
        assert_eq!(setting(&si), setting(&conventional));
    }
}
