//! The mystery patients (contract section 5, `case-select`): the case files under `assets/cases/`,
//! built into the program so the page and the tests open exactly what a lecturer can read.

use super::case::{Case, CaseError};

/// A case: its id (`case=ID`, the `case-select` option value) and its file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CaseFile {
    pub id: &'static str,
    pub json: &'static str,
}

macro_rules! case {
    ($id:literal) => {
        CaseFile {
            id: $id,
            json: include_str!(concat!("../../assets/cases/", $id, ".json")),
        }
    };
}

/// The cases, in the order the picker lists them.
pub const CASES: [CaseFile; 13] = [
    case!("menorrhagia_iron_deficiency"),
    case!("pernicious_anemia"),
    case!("rheumatoid_inflammation"),
    case!("rheumatoid_iron_deficiency"),
    case!("coeliac_iron_folate"),
    case!("ckd_iron_deficiency"),
    case!("pregnancy_folate"),
    case!("alcohol_folate"),
    case!("vegan_b12"),
    case!("metformin_b12"),
    case!("crohns_ileal_resection"),
    case!("post_gastrectomy"),
    case!("myeloma"),
];

/// The case file with an id.
/// All ids, for messages.
pub fn ids() -> String {
    CASES
        .iter()
        .map(|case| case.id)
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn find(id: &str) -> Option<CaseFile> {
    CASES.into_iter().find(|case| case.id == id)
}

impl CaseFile {
    /// The case, read and checked (every shipped case parses: tested).
    pub fn case(&self) -> Result<Case, CaseError> {
        Case::from_json(self.json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_snake_case_and_match_their_files() {
        for (index, file) in CASES.iter().enumerate() {
            assert!(
                file.id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{}",
                file.id
            );
            assert!(CASES[..index].iter().all(|other| other.id != file.id));
            let case = file
                .case()
                .unwrap_or_else(|error| panic!("{}: {}", file.id, error.0));
            assert_eq!(case.id, file.id, "the id inside the file");
        }
        assert_eq!(find(CASES[0].id), Some(CASES[0]));
        assert_eq!(find("no_such_case"), None);
    }
}
