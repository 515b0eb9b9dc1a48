//! Mystery patients: a case file (`assets/cases/ID.json`) gives a history and vitals, a patient
//! built from a scenario (contract section 2) that the student does not see, the test panels the
//! student may order, and the answers with their feedback. The findings a case claims are checked
//! against the model by tests.

use serde::Deserialize;

use crate::model::{LabKey, Labs, Patient, Scenario};
use crate::names::OrderChoice;

/// A case as written in its file.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub id: String,
    pub title: String,
    /// The presenting history, in the words a clinician would use.
    pub history: String,
    /// Pulse, blood pressure and the like, as text.
    pub vitals: String,
    /// The hidden patient: a scenario object of contract section 2.
    pub scenario: serde_json::Value,
    /// The day of the scenario on which the patient presents.
    pub present_day: f64,
    /// The diagnoses offered; `diagnosis` names the right one.
    pub diagnoses: Vec<Answer>,
    pub diagnosis: String,
    /// The treatments offered; `treatment` names the right one.
    pub treatments: Vec<TreatmentAnswer>,
    pub treatment: String,
    /// The mechanism, explained after the student answers.
    pub mechanism: String,
    /// Days the case plays on after the treatment is given.
    pub follow_up_days: f64,
    /// What the history and feedback claim of the labs at presentation.
    pub findings: Vec<Finding>,
    /// What the right treatment achieves by the end of the follow-up.
    pub response: Vec<Finding>,
}

/// A diagnosis offered.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub id: String,
    pub label: String,
    /// Shown when this answer is chosen: for a wrong one, what would have told the two apart.
    pub feedback: String,
}

/// A treatment offered: an order from the treatments menu (`OrderChoice` key) at its usual dose.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TreatmentAnswer {
    pub id: String,
    pub label: String,
    /// An `OrderChoice` key (`oral_iron`, `b12_course`, …), or `none` for watchful waiting.
    pub order: String,
    pub feedback: String,
}

/// A claim about one lab.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// A sample key of contract section 3.
    pub lab: String,
    /// `low`, `high` or `normal` against the reference range.
    pub expect: String,
}

/// The test panels a student can order (contract section 5 `case-order-PANEL`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Panel {
    Cbc,
    Smear,
    Iron,
    B12Folate,
    Metabolites,
    Kidney,
    Hormones,
    Marrow,
}

impl Panel {
    pub const ALL: [Panel; 8] = [
        Panel::Cbc,
        Panel::Smear,
        Panel::Iron,
        Panel::B12Folate,
        Panel::Metabolites,
        Panel::Kidney,
        Panel::Hormones,
        Panel::Marrow,
    ];

    /// The hook's PANEL.
    pub const fn key(self) -> &'static str {
        match self {
            Panel::Cbc => "cbc",
            Panel::Smear => "smear",
            Panel::Iron => "iron",
            Panel::B12Folate => "b12_folate",
            Panel::Metabolites => "metabolites",
            Panel::Kidney => "kidney",
            Panel::Hormones => "hormones",
            Panel::Marrow => "marrow",
        }
    }

    pub fn from_key(key: &str) -> Option<Panel> {
        Panel::ALL.into_iter().find(|panel| panel.key() == key)
    }

    /// The labs the panel reports (the smear and the kidney panel are described in words too).
    pub const fn labs(self) -> &'static [LabKey] {
        match self {
            Panel::Cbc => &[
                LabKey::Hemoglobin,
                LabKey::Hematocrit,
                LabKey::RedCells,
                LabKey::Mcv,
                LabKey::Mch,
                LabKey::Mchc,
                LabKey::Rdw,
                LabKey::Reticulocytes,
                LabKey::ReticulocyteProductionIndex,
            ],
            Panel::Smear => &[],
            Panel::Iron => &[
                LabKey::SerumIron,
                LabKey::Tibc,
                LabKey::TransferrinSaturation,
                LabKey::Ferritin,
                LabKey::SolubleTransferrinReceptor,
            ],
            Panel::B12Folate => &[
                LabKey::VitaminB12,
                LabKey::SerumFolate,
                LabKey::RedCellFolate,
            ],
            Panel::Metabolites => &[LabKey::Homocysteine, LabKey::MethylmalonicAcid, LabKey::Ldh],
            Panel::Kidney => &[],
            Panel::Hormones => &[LabKey::Erythropoietin, LabKey::Hepcidin, LabKey::Il6],
            Panel::Marrow => &[LabKey::MarrowIronGrade, LabKey::Sideroblasts],
        }
    }
}

/// A case that cannot be used, and why (names the field).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseError(pub String);

impl Case {
    /// Reads and checks a case file: its scenario parses, its answers exist, its orders are on
    /// the menu, its findings name sample keys.
    pub fn from_json(text: &str) -> Result<Case, CaseError> {
        let case: Case =
            serde_json::from_str(text).map_err(|error| CaseError(format!("case file: {error}")))?;
        case.scenario()?;
        if !case
            .diagnoses
            .iter()
            .any(|answer| answer.id == case.diagnosis)
        {
            return Err(CaseError(format!(
                "{}: diagnosis {} is not among the diagnoses",
                case.id, case.diagnosis
            )));
        }
        if !case
            .treatments
            .iter()
            .any(|answer| answer.id == case.treatment)
        {
            return Err(CaseError(format!(
                "{}: treatment {} is not among the treatments",
                case.id, case.treatment
            )));
        }
        for answer in &case.treatments {
            if answer.order != "none" && OrderChoice::from_key(&answer.order).is_none() {
                return Err(CaseError(format!(
                    "{}: treatments.order {} is not an order of the treatments menu",
                    case.id, answer.order
                )));
            }
        }
        for finding in case.findings.iter().chain(&case.response) {
            if LabKey::from_key(&finding.lab).is_none()
                || !["low", "high", "normal"].contains(&finding.expect.as_str())
            {
                return Err(CaseError(format!(
                    "{}: finding {} {} (a sample key, then low, high or normal)",
                    case.id, finding.lab, finding.expect
                )));
            }
        }
        if !(0.0..=3650.0).contains(&case.present_day)
            || !(1.0..=3650.0).contains(&case.follow_up_days)
        {
            return Err(CaseError(format!(
                "{}: present_day 0–3650 and follow_up_days 1–3650",
                case.id
            )));
        }
        Ok(case)
    }

    /// The hidden scenario.
    pub fn scenario(&self) -> Result<Scenario, CaseError> {
        Scenario::from_json(&self.scenario.to_string())
            .map_err(|error| CaseError(format!("{}: scenario: {}", self.id, error.message)))
    }

    /// The patient as they present.
    pub fn patient(&self) -> Patient {
        let mut patient = self
            .scenario()
            .map(|scenario| scenario.patient())
            .unwrap_or_else(|_| Patient::new(Default::default()));
        patient.advance_to(self.present_day);
        patient
    }

    /// The order a treatment answer gives (`None` for watchful waiting or an unknown id).
    pub fn order(&self, treatment_id: &str) -> Option<OrderChoice> {
        self.treatments
            .iter()
            .find(|answer| answer.id == treatment_id)
            .and_then(|answer| OrderChoice::from_key(&answer.order))
    }
}

impl Finding {
    /// Whether the labs show this finding.
    pub fn holds(&self, labs: &Labs) -> bool {
        let Some(lab) = LabKey::from_key(&self.lab) else {
            return false;
        };
        labs.flag(lab).as_str() == self.expect
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = r#"{
        "id": "example", "title": "Tired runner", "history": "h", "vitals": "v",
        "scenario": {"start": "settled", "settings": {"blood_loss_ml_per_day": 10}},
        "present_day": 0,
        "diagnoses": [{"id": "ida", "label": "Iron deficiency", "feedback": "Yes."},
                      {"id": "acd", "label": "Inflammation", "feedback": "Ferritin is low."}],
        "diagnosis": "ida",
        "treatments": [{"id": "iron", "label": "Oral iron", "order": "oral_iron", "feedback": "Yes."}],
        "treatment": "iron",
        "mechanism": "m", "follow_up_days": 90,
        "findings": [{"lab": "ferritin_ng_ml", "expect": "low"}],
        "response": [{"lab": "ferritin_ng_ml", "expect": "low"}]
    }"#;

    #[test]
    fn a_case_reads_and_its_findings_are_judged_by_the_model() {
        let case = Case::from_json(EXAMPLE).unwrap();
        let labs = case.patient().labs();
        assert!(case.findings[0].holds(&labs));
        assert_eq!(
            case.order("iron"),
            Some(OrderChoice::Treatment(crate::model::Treatment::OralIron))
        );
    }

    #[test]
    fn a_bad_case_is_refused_with_the_field_named() {
        let unknown = EXAMPLE.replace("\"mechanism\"", "\"mechanisms\"");
        assert!(Case::from_json(&unknown)
            .unwrap_err()
            .0
            .contains("mechanisms"));
        let bad_order = EXAMPLE.replace("\"oral_iron\"", "\"magic\"");
        assert!(Case::from_json(&bad_order)
            .unwrap_err()
            .0
            .contains("treatments.order"));
        let bad_scenario =
            EXAMPLE.replace("blood_loss_ml_per_day\": 10", "blood_loss_ml_per_day\": -4");
        assert!(Case::from_json(&bad_scenario)
            .unwrap_err()
            .0
            .contains("scenario"));
    }
}
