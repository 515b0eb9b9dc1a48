//! What the physiology suites share: presets, time that only runs forward, and graded checks.
//!
//! Every check is two-sided: a value must land inside a range taken from the reference
//! (../shared/domain/physiology-reference.md) or a named publication, never from the model's own
//! output, and never a floor or a ceiling alone (a model that overshoots must fail as surely as one
//! that falls short).

#![allow(dead_code)]

use marrow_factory::model::{Labs, Patient, Scenario};

/// A preset scenario from `assets/scenarios`.
pub fn preset(id: &str) -> Patient {
    let path = format!("{}/assets/scenarios/{id}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    Scenario::from_json(&text)
        .unwrap_or_else(|error| panic!("{path}: {error}"))
        .patient()
}

/// The labs on `day`; the patient must not be past it (time only runs forward).
pub fn labs_at(patient: &mut Patient, day: f64) -> Labs {
    assert!(
        patient.day() <= day + 1e-9,
        "asked for day {day}, but the patient is already on day {}",
        patient.day()
    );
    patient.advance_to(day);
    patient.labs()
}

/// One lab every `every_days` from the patient's day to `until_day` (inclusive), as (day, labs).
pub fn time_course(patient: &mut Patient, until_day: f64, every_days: f64) -> Vec<(f64, Labs)> {
    let mut samples = Vec::new();
    let mut day = patient.day();
    while day <= until_day + 1e-9 {
        patient.advance_to(day);
        samples.push((day, patient.labs()));
        day += every_days;
    }
    samples
}

/// Checks that grade "poor" today, each with why (scenario, check). A listed check that starts
/// passing fails the suite until it is removed here.
/// - B12 repletion, Hb swing days 120–400: ≈ 2.2 g/dL. After treatment the red cells are a young,
///   synchronised population (the old megaloblastic cells are gone by day ≈ 90); they reach the end
///   of their lifespan together 120 ± 17 days after they were made, and the EPO answer to a 1.5 g/dL
///   dip only raises production ≈ 1.5×. No published course shows such a dip; the model lacks
///   whatever damps it (a wider spread of lifespans, or a steeper EPO response near normal Hb).
/// - iron deficiency onset, ferritin falls before TSAT: at 7 mL/day TSAT crosses 16 % about half a
///   year before ferritin crosses 30 ng/mL (days ≈ 205 and 405). The model's healthy TSAT (35 %)
///   sits well above what the marrow needs (16 %), and falling TSAT is what lowers hepcidin and opens
///   the gates, so TSAT gives way as soon as the marrow asks for more, while stores are mobilized
///   only as fast as the gates let the macrophages' labile iron out. The later signs keep the
///   textbook order (TSAT and sTfR before Hb, RDW before MCV, MCV last).
/// - ACD + iron deficiency, hepcidin: ≈ 0.4× healthy (reference: N–↑). The iron-deficiency signals
///   (low stores, low TSAT, erythroferrone) and IL-6 multiply in the hepcidin target, so iron
///   deficiency wins more often than in patients (Theurl 2009: between IDA and ACD, near controls).
pub const KNOWN_DEVIATIONS: [(&str, &str); 3] = [
    ("B12 repletion", "Hb swing days 120–400, g/dL"),
    ("iron deficiency onset", "ferritin falls before TSAT"),
    ("ACD + iron deficiency", "hepcidin below ACD's"),
];

/// Records checks so that every failure of a test is reported at once, with its source.
pub struct Checks {
    scenario: &'static str,
    failures: Vec<String>,
}

impl Checks {
    pub fn new(scenario: &'static str) -> Checks {
        Checks {
            scenario,
            failures: Vec::new(),
        }
    }

    /// Value within [low, high], graded as reference §8 (BioGears): "good" inside the range or
    /// within 10 % of the bound it missed, "some deviation" within 30 %, "poor" beyond that. Only
    /// "poor" fails. A bound of 0 has no tolerance.
    pub fn within(&mut self, what: &str, value: f64, low: f64, high: f64, source: &str) {
        assert!(low <= high, "{what}: range {low}–{high} is upside down");
        let miss = if value < low {
            (low - value) / low.abs()
        } else if value > high {
            (value - high) / high.abs()
        } else {
            0.0
        };
        let grade = if !value.is_finite() || !miss.is_finite() || miss > 0.3 {
            "poor"
        } else if miss > 0.1 {
            "some deviation"
        } else {
            "good"
        };
        let grade = self.with_known(what, grade);
        self.record(
            what,
            &format!("{low}–{high}"),
            &format!("{value:.3}"),
            source,
            grade,
        );
    }

    /// A yes/no fact about the model (an order of events, a direction): pass or "poor".
    pub fn holds(&mut self, what: &str, fact: bool, detail: &str, source: &str) {
        let grade = self.with_known(what, if fact { "good" } else { "poor" });
        self.record(what, "yes", detail, source, grade);
    }

    /// Prints the table row and keeps a "poor" grade as a failure.
    fn record(&mut self, what: &str, expected: &str, found: &str, source: &str, grade: &str) {
        println!(
            "| {} | {what} | {expected} | {found} | {source} | {grade} |",
            self.scenario
        );
        if grade == "poor" {
            self.failures.push(format!(
                "{}: {what} = {found}, expected {expected} ({source})",
                self.scenario
            ));
        }
    }

    /// The grade as reported: a listed known deviation that grades poor is reported as such (and
    /// does not fail); one that no longer grades poor fails until it is taken off the list.
    fn with_known(&mut self, what: &str, grade: &'static str) -> &'static str {
        let known = KNOWN_DEVIATIONS
            .iter()
            .any(|(scenario, check)| *scenario == self.scenario && *check == what);
        if !known {
            return grade;
        }
        if grade != "poor" {
            self.failures.push(format!(
                "{}: {what} is listed as a known deviation but now grades {grade}: remove it from KNOWN_DEVIATIONS",
                self.scenario
            ));
            return grade;
        }
        "poor (known deviation)"
    }

    pub fn finish(self) {
        assert!(
            self.failures.is_empty(),
            "validation failures:\n{}",
            self.failures.join("\n")
        );
    }
}
