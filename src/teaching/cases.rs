//! The mystery patients (contract section 5, `case-select`): the case files under `assets/cases/`.
//! The page fetches a case's file when a student opens it (so the thirteen files, 15 KiB
//! compressed, are not part of the first download); the program itself knows only each case's id
//! and title, for the menus (a test keeps the titles equal to the files').

use super::case::{Case, CaseError};

/// A case: its id (`case=ID`, the `case-select` option value) and its title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CaseFile {
    pub id: &'static str,
    pub title: &'static str,
}

/// The cases, in the order the picker lists them.
pub const CASES: [CaseFile; 13] = [
    CaseFile {
        id: "menorrhagia_iron_deficiency",
        title: "Heavy periods and an empty iron store",
    },
    CaseFile {
        id: "pernicious_anemia",
        title: "Pins and needles and a lemon-tinted pallor",
    },
    CaseFile {
        id: "rheumatoid_inflammation",
        title: "Swollen knuckles and a stubborn anemia",
    },
    CaseFile {
        id: "rheumatoid_iron_deficiency",
        title: "Arthritis, painkillers and a hidden bleed",
    },
    CaseFile {
        id: "coeliac_iron_folate",
        title: "Bloating, a blistering rash and two missing nutrients",
    },
    CaseFile {
        id: "ckd_iron_deficiency",
        title: "Failing kidneys and a slow leak",
    },
    CaseFile {
        id: "pregnancy_folate",
        title: "Twins, morning sickness and big red cells",
    },
    CaseFile {
        id: "alcohol_folate",
        title: "A publican's large red cells",
    },
    CaseFile {
        id: "vegan_b12",
        title: "Fifteen years without animal foods",
    },
    CaseFile {
        id: "metformin_b12",
        title: "Burning feet in a man with diabetes",
    },
    CaseFile {
        id: "crohns_ileal_resection",
        title: "Four years after the ileal resection",
    },
    CaseFile {
        id: "post_gastrectomy",
        title: "Years after the stomach came out",
    },
    CaseFile {
        id: "myeloma",
        title: "Back pain, thirst and a crowded marrow",
    },
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
    /// Where the page fetches the case's file from, beside the page.
    pub fn path(&self) -> String {
        format!("cases/{}.json", self.id)
    }

    /// The case read from its file's text, checked to be this case.
    pub fn read(&self, json: &str) -> Result<Case, CaseError> {
        let case = Case::from_json(json)?;
        if case.id != self.id {
            return Err(CaseError(format!(
                "{}: the file is the case {:?}",
                self.path(),
                case.id
            )));
        }
        Ok(case)
    }

    /// The case, read from the source tree (tests and tools; the page fetches it instead).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn case(&self) -> Result<Case, CaseError> {
        let path = format!("{}/assets/{}", env!("CARGO_MANIFEST_DIR"), self.path());
        let json = std::fs::read_to_string(&path)
            .map_err(|error| CaseError(format!("{path}: {error}")))?;
        self.read(&json)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
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
            assert_eq!(
                case.title, file.title,
                "{}: the menu's title is the file's",
                file.id
            );
        }
        assert_eq!(find(CASES[0].id), Some(CASES[0]));
        assert_eq!(find("no_such_case"), None);
    }
}
