//! Mystery patients: a case file (`assets/cases/ID.json`) gives a history and vitals, a patient
//! built from a scenario (contract section 2) that the student does not see, the test panels the
//! student may order, and the answers with their feedback. The findings a case claims are checked
//! against the model by tests.

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::model::{LabKey, Labs, Patient, Scenario};
use crate::names::{OrderChoice, SmearFinding};

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
        let file: serde_json::Value = serde_json::from_str(text)
            .map_err(|error| CaseError(format!("case file: not valid JSON: {error}")))?;
        let case = Case::deserialize(&file).map_err(|error| {
            // serde says what is wrong but not always where: name the field or item too.
            match place_of_error(&file) {
                Some(place) => CaseError(format!("case file: {place}: {error}")),
                None => CaseError(format!("case file: {error}")),
            }
        })?;
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
        for (index, answer) in case.treatments.iter().enumerate() {
            if answer.order != "none" && OrderChoice::from_key(&answer.order).is_none() {
                return Err(CaseError(format!(
                    "{}: treatments[{index}].order: '{}' is not an order of the treatments menu",
                    case.id, answer.order
                )));
            }
        }
        for (list, findings) in [("findings", &case.findings), ("response", &case.response)] {
            for (index, finding) in findings.iter().enumerate() {
                if LabKey::from_key(&finding.lab).is_none() {
                    return Err(CaseError(format!(
                        "{}: {list}[{index}].lab: '{}' is not a sample key",
                        case.id, finding.lab
                    )));
                }
                if !["low", "high", "normal"].contains(&finding.expect.as_str()) {
                    return Err(CaseError(format!(
                        "{}: {list}[{index}].expect: '{}' is not low, high or normal",
                        case.id, finding.expect
                    )));
                }
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
            .map_err(|error| CaseError(format!("{}: scenario: {error}", self.id)))
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

/// Where in a case file a value does not read as its field's type, as a path: a top-level field
/// (`present_day`) or an item of a list (`diagnoses[1]`). serde names a missing or unknown field
/// and what a value should have been, but not which field or item held it. `scenario` may hold
/// anything here: the scenario parser names its own problems.
fn place_of_error(file: &serde_json::Value) -> Option<String> {
    fn unreadable<T: DeserializeOwned>(name: &str, value: &serde_json::Value) -> Option<String> {
        T::deserialize(value).err().map(|_| name.to_string())
    }
    fn unreadable_item<T: DeserializeOwned>(
        name: &str,
        value: &serde_json::Value,
    ) -> Option<String> {
        match value.as_array() {
            None => Some(name.to_string()),
            Some(items) => items
                .iter()
                .enumerate()
                .find_map(|(index, item)| unreadable::<T>(&format!("{name}[{index}]"), item)),
        }
    }
    file.as_object()?
        .iter()
        .find_map(|(name, value)| match name.as_str() {
            "scenario" => None,
            "present_day" | "follow_up_days" => unreadable::<f64>(name, value),
            "diagnoses" => unreadable_item::<Answer>(name, value),
            "treatments" => unreadable_item::<TreatmentAnswer>(name, value),
            "findings" | "response" => unreadable_item::<Finding>(name, value),
            _ => unreadable::<String>(name, value),
        })
}

/// DNA synthesis below which neutrophils show hypersegmented nuclei (megaloblastic change); tuned
/// for teaching: the smear of the B12 and folate presets shows them, the others do not.
const HYPERSEGMENTATION_BELOW_DNA_SYNTHESIS: f64 = 0.8;
/// Marrow infiltration above which the paraprotein stacks red cells into rouleaux, percent; tuned
/// for teaching (myeloma with a large plasma-cell burden).
const ROULEAUX_ABOVE_INFILTRATION_PERCENT: f64 = 20.0;

/// What the smear of `patient` shows: cell size and colour from MCV and MCH, anisocytosis from the
/// RDW, pencil cells in iron-deficient microcytosis, hypersegmented neutrophils when DNA synthesis
/// fails, polychromasia when the marrow answers (RPI ≥ 2), rouleaux with a large plasma-cell burden.
pub fn smear(patient: &Patient) -> Vec<SmearFinding> {
    let labs = patient.labs();
    let readout = patient.readout();
    let mut findings = Vec::new();
    let flag = |lab: LabKey| labs.flag(lab);
    use crate::model::Flag;
    match flag(LabKey::Mcv) {
        Flag::Low => findings.push(SmearFinding::Microcytic),
        Flag::High => findings.push(SmearFinding::Macrocytic),
        Flag::Normal => findings.push(SmearFinding::Normocytic),
    }
    if flag(LabKey::Mch) == Flag::Low {
        findings.push(SmearFinding::Hypochromic);
    }
    if flag(LabKey::Rdw) == Flag::High {
        findings.push(SmearFinding::Anisocytosis);
        if flag(LabKey::Mcv) == Flag::Low {
            findings.push(SmearFinding::PencilCells);
        }
    }
    if readout.dna_synthesis < HYPERSEGMENTATION_BELOW_DNA_SYNTHESIS {
        findings.push(SmearFinding::HypersegmentedNeutrophils);
    }
    if labs.rpi >= crate::model::interpretation::RPI_ADEQUATE_IN_ANEMIA {
        findings.push(SmearFinding::Polychromasia);
    }
    if patient.settings.marrow_infiltration_percent > ROULEAUX_ABOVE_INFILTRATION_PERCENT {
        findings.push(SmearFinding::Rouleaux);
    }
    findings
}

/// Where a student is in a case.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseProgress {
    pub id: &'static str,
    pub case: Case,
    /// Panels ordered, in order (a CBC first).
    pub ordered: Vec<Panel>,
    pub diagnosis: Option<String>,
    pub treatment: Option<String>,
    pub submitted: bool,
}

impl CaseProgress {
    pub fn new(id: &'static str, case: Case) -> CaseProgress {
        CaseProgress {
            id,
            case,
            ordered: Vec::new(),
            diagnosis: None,
            treatment: None,
            submitted: false,
        }
    }

    /// Whether `panel` can be ordered now: not yet ordered, and a CBC comes first.
    pub fn can_order(&self, panel: Panel) -> bool {
        !self.submitted
            && !self.ordered.contains(&panel)
            && (panel == Panel::Cbc || self.ordered.contains(&Panel::Cbc))
    }

    pub fn order(&mut self, panel: Panel) {
        if self.can_order(panel) {
            self.ordered.push(panel);
        }
    }

    /// Whether the answers can be submitted: a CBC seen, a diagnosis and a treatment chosen.
    pub fn can_submit(&self) -> bool {
        !self.submitted
            && self.ordered.contains(&Panel::Cbc)
            && self.diagnosis.is_some()
            && self.treatment.is_some()
    }

    pub fn diagnosis_correct(&self) -> bool {
        self.diagnosis.as_deref() == Some(self.case.diagnosis.as_str())
    }

    pub fn treatment_correct(&self) -> bool {
        self.treatment.as_deref() == Some(self.case.treatment.as_str())
    }
}

/// One finished case as kept in the browser.
#[derive(Clone, Debug, PartialEq, serde::Serialize, Deserialize)]
pub struct CaseRecord {
    pub id: String,
    pub correct: bool,
    pub tests_ordered: usize,
}

/// Reads the stored records (an unreadable store counts as empty: progress is a convenience).
pub fn read_records(stored: &str) -> Vec<CaseRecord> {
    serde_json::from_str(stored).unwrap_or_default()
}

/// The records with `record` replacing any earlier one of the same case.
pub fn with_record(mut records: Vec<CaseRecord>, record: CaseRecord) -> String {
    records.retain(|kept| kept.id != record.id);
    records.push(record);
    serde_json::to_string(&records).unwrap_or_else(|_| "[]".to_string())
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
    fn a_case_needs_a_cbc_first_and_both_answers() {
        let mut progress = CaseProgress::new("example", Case::from_json(EXAMPLE).unwrap());
        assert!(!progress.can_order(Panel::Iron));
        progress.order(Panel::Iron);
        assert!(progress.ordered.is_empty());
        progress.order(Panel::Cbc);
        progress.order(Panel::Iron);
        progress.order(Panel::Iron);
        assert_eq!(progress.ordered, vec![Panel::Cbc, Panel::Iron]);
        progress.diagnosis = Some("acd".into());
        assert!(!progress.can_submit());
        progress.treatment = Some("iron".into());
        assert!(progress.can_submit());
        assert!(!progress.diagnosis_correct() && progress.treatment_correct());
        let stored = with_record(
            read_records("not json"),
            CaseRecord {
                id: "example".into(),
                correct: false,
                tests_ordered: 2,
            },
        );
        assert_eq!(read_records(&stored).len(), 1);
    }

    #[test]
    fn the_smear_reads_the_model() {
        let iron = crate::presets::Preset::find("iron_deficiency")
            .unwrap()
            .patient();
        let smear_of_iron = smear(&iron);
        assert!(smear_of_iron.contains(&SmearFinding::Microcytic));
        assert!(smear_of_iron.contains(&SmearFinding::Hypochromic));
        assert!(!smear_of_iron.contains(&SmearFinding::HypersegmentedNeutrophils));
        let b12 = crate::presets::Preset::find("b12_deficiency")
            .unwrap()
            .patient();
        assert!(smear(&b12).contains(&SmearFinding::HypersegmentedNeutrophils));
        assert!(smear(&b12).contains(&SmearFinding::Macrocytic));
        let myeloma = crate::presets::Preset::find("myeloma").unwrap().patient();
        assert!(smear(&myeloma).contains(&SmearFinding::Rouleaux));
        let healthy = crate::presets::Preset::find("healthy").unwrap().patient();
        assert_eq!(smear(&healthy), vec![SmearFinding::Normocytic]);
    }

    #[test]
    fn a_bad_case_is_refused_with_the_field_named() {
        let unknown = EXAMPLE.replace("\"mechanism\"", "\"mechanisms\"");
        assert!(Case::from_json(&unknown)
            .unwrap_err()
            .0
            .contains("mechanisms"));
        let bad_order = EXAMPLE.replace("\"oral_iron\"", "\"magic\"");
        let refusal = Case::from_json(&bad_order).unwrap_err().0;
        assert!(
            refusal.contains("treatments[") && refusal.contains("].order: 'magic'"),
            "{refusal}"
        );
        let bad_scenario =
            EXAMPLE.replace("blood_loss_ml_per_day\": 10", "blood_loss_ml_per_day\": -4");
        assert!(Case::from_json(&bad_scenario)
            .unwrap_err()
            .0
            .contains("scenario"));
    }
}
