//! Treatments a student can give from the page: the usual dose and course length of each, and the
//! check of what was typed (a refusal names the field and the allowed range; nothing is given).

use crate::model::scenario::MAX_COURSE_DAYS;
use crate::model::Treatment;
use crate::strings::{fill, Strings};

/// A treatment ready to give: checked dose and course length.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TreatmentOrder {
    pub treatment: Treatment,
    /// In the treatment's dose unit (0 for anti-IL-6).
    pub dose: f64,
    /// Course length, days (1 for one-off treatments).
    pub days: f64,
}

/// The dose and course length the form offers first: usual adult regimens (BNF-style), for
/// teaching.
pub const fn usual_order(treatment: Treatment) -> TreatmentOrder {
    let (dose, days) = match treatment {
        Treatment::Bleed => (500.0, 1.0),
        Treatment::Transfusion => (2.0, 1.0),
        Treatment::IvIron => (1000.0, 1.0),
        Treatment::B12Injection => (1000.0, 1.0),
        Treatment::OralIron => (100.0, 90.0),
        Treatment::FolicAcid => (5.0, 120.0),
        Treatment::Esa => (50.0, 90.0),
        Treatment::AntiIl6 => (0.0, 180.0),
    };
    TreatmentOrder {
        treatment,
        dose,
        days,
    }
}

/// Checks the typed dose and days for `treatment`.
pub fn check_order(
    treatment: Treatment,
    dose_text: &str,
    days_text: &str,
    strings: &Strings,
) -> Result<TreatmentOrder, String> {
    let dose = if treatment.takes_dose() {
        let max = treatment.max_dose();
        match dose_text.trim().parse::<f64>() {
            Ok(dose) if dose.is_finite() && dose > 0.0 && dose <= max => dose,
            _ => {
                return Err(fill(
                    strings.treatment_bad_dose,
                    &[
                        ("value", dose_text.trim()),
                        ("max", &format!("{max}")),
                        ("unit", treatment.dose_unit()),
                    ],
                ))
            }
        }
    } else {
        0.0
    };
    let days = if treatment.is_course() {
        match days_text.trim().parse::<f64>() {
            Ok(days) if days.is_finite() && (1.0..=MAX_COURSE_DAYS).contains(&days) => days.round(),
            _ => {
                return Err(fill(
                    strings.treatment_bad_days,
                    &[
                        ("value", days_text.trim()),
                        ("max", &format!("{MAX_COURSE_DAYS}")),
                    ],
                ))
            }
        }
    } else {
        1.0
    };
    Ok(TreatmentOrder {
        treatment,
        dose,
        days,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strings::ENGLISH;

    #[test]
    fn the_usual_orders_pass_their_own_check() {
        for treatment in Treatment::ALL {
            let usual = usual_order(treatment);
            let checked = check_order(
                treatment,
                &usual.dose.to_string(),
                &usual.days.to_string(),
                &ENGLISH,
            );
            assert_eq!(checked, Ok(usual), "{}", treatment.key());
        }
    }

    #[test]
    fn a_bad_dose_or_course_is_refused_with_the_field_and_range() {
        let error = check_order(Treatment::IvIron, "5000", "1", &ENGLISH).unwrap_err();
        assert!(
            error.contains("5000") && error.contains("2000 mg"),
            "{error}"
        );
        let error = check_order(Treatment::OralIron, "lots", "30", &ENGLISH).unwrap_err();
        assert!(
            error.contains("lots") && error.contains("mg/day"),
            "{error}"
        );
        let error = check_order(Treatment::Esa, "50", "0", &ENGLISH).unwrap_err();
        assert!(error.contains("days") && error.contains("3650"), "{error}");
        // Anti-IL-6 takes no dose, whatever the dose field says.
        assert!(check_order(Treatment::AntiIl6, "", "30", &ENGLISH).is_ok());
    }
}
