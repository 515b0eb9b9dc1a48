//! Treatments a student can give from the page: the usual dose and course length of each, the
//! regimens built from them (the B12 replacement course), and the check of what was typed (a
//! refusal names the field and the allowed range; nothing is given).

use crate::model::scenario::MAX_COURSE_DAYS;
use crate::model::{Event, Treatment};
use crate::strings::{fill, Strings};

pub use crate::names::OrderChoice;

/// B12 replacement course: days between loading doses. The order of issue 9 ("1 mg every other
/// day for two weeks, then every three months"); the BNF gives hydroxocobalamin 1 mg three times a
/// week for two weeks without neurological involvement, on alternate days with it.
pub const B12_LOADING_EVERY_DAYS: f64 = 2.0;
/// B12 replacement course: how long the loading doses last, days (doses on days 0, 2, …, 12).
pub const B12_LOADING_DAYS: f64 = 14.0;
/// B12 replacement course: days between maintenance doses after the last loading dose (BNF: 1 mg
/// every three months, for life in pernicious anemia).
pub const B12_MAINTENANCE_EVERY_DAYS: f64 = 90.0;
/// How far ahead of the order the maintenance doses are scheduled, days: ten years, as long as the
/// page keeps a history and as far as a share link can ask (`MAX_HISTORY_DAYS`, `MAX_LINK_DAY`).
/// "For life" is written out as this finite list so that the course is nothing but the contract's
/// one-off `b12_injection` events, the same a lecturer could write in a scenario file.
pub const B12_MAINTENANCE_HORIZON_DAYS: f64 = 3650.0;

/// How an order is spread over time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Regimen {
    /// As the model gives the treatment: once, or every day of a course for `days`.
    AsGiven,
    /// B12 replacement: the dose every [`B12_LOADING_EVERY_DAYS`] for [`B12_LOADING_DAYS`], then
    /// every [`B12_MAINTENANCE_EVERY_DAYS`] up to [`B12_MAINTENANCE_HORIZON_DAYS`] after the order.
    B12Replacement,
}

impl OrderChoice {
    /// The menu, in its order: the B12 course right after the single B12 injection.
    pub const ALL: [OrderChoice; 9] = [
        OrderChoice::Treatment(Treatment::Bleed),
        OrderChoice::Treatment(Treatment::Transfusion),
        OrderChoice::Treatment(Treatment::IvIron),
        OrderChoice::Treatment(Treatment::B12Injection),
        OrderChoice::B12Course,
        OrderChoice::Treatment(Treatment::OralIron),
        OrderChoice::Treatment(Treatment::FolicAcid),
        OrderChoice::Treatment(Treatment::Esa),
        OrderChoice::Treatment(Treatment::AntiIl6),
    ];

    /// The menu's option value: the contract's treatment key, or `b12_course`.
    pub const fn key(self) -> &'static str {
        match self {
            OrderChoice::Treatment(treatment) => treatment.key(),
            OrderChoice::B12Course => "b12_course",
        }
    }

    pub fn from_key(key: &str) -> Option<OrderChoice> {
        OrderChoice::ALL
            .into_iter()
            .find(|choice| choice.key() == key)
    }

    /// The treatment each dose is.
    pub const fn treatment(self) -> Treatment {
        match self {
            OrderChoice::Treatment(treatment) => treatment,
            OrderChoice::B12Course => Treatment::B12Injection,
        }
    }

    /// Whether the form asks for a course length (the B12 course has its own timetable).
    pub const fn asks_days(self) -> bool {
        match self {
            OrderChoice::Treatment(treatment) => treatment.is_course(),
            OrderChoice::B12Course => false,
        }
    }

    /// The order the form offers first.
    pub const fn usual(self) -> TreatmentOrder {
        match self {
            OrderChoice::Treatment(treatment) => usual_order(treatment),
            OrderChoice::B12Course => TreatmentOrder {
                treatment: Treatment::B12Injection,
                dose: 1000.0,
                days: B12_LOADING_DAYS,
                regimen: Regimen::B12Replacement,
            },
        }
    }
}

/// A treatment ready to give: checked dose and course length.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TreatmentOrder {
    pub treatment: Treatment,
    /// In the treatment's dose unit (0 for anti-IL-6); for the B12 course, each injection's.
    pub dose: f64,
    /// Course length, days (1 for one-off treatments; the loading days of the B12 course).
    pub days: f64,
    pub regimen: Regimen,
}

impl TreatmentOrder {
    /// The events this order makes when given on `day`, earliest first: one (a one-off treatment
    /// or a course the model runs), or every injection of the B12 course.
    pub fn events(&self, day: f64) -> Vec<Event> {
        match self.regimen {
            Regimen::AsGiven if self.treatment.is_course() => {
                vec![Event::course(day, self.treatment, self.dose, self.days)]
            }
            Regimen::AsGiven => vec![Event::give(day, self.treatment, self.dose)],
            Regimen::B12Replacement => {
                let mut days = Vec::new();
                let mut offset = 0.0;
                while offset < B12_LOADING_DAYS - 1e-9 {
                    days.push(offset);
                    offset += B12_LOADING_EVERY_DAYS;
                }
                let mut offset = days.last().copied().unwrap_or(0.0) + B12_MAINTENANCE_EVERY_DAYS;
                while offset <= B12_MAINTENANCE_HORIZON_DAYS + 1e-9 {
                    days.push(offset);
                    offset += B12_MAINTENANCE_EVERY_DAYS;
                }
                days.into_iter()
                    .map(|offset| Event::give(day + offset, self.treatment, self.dose))
                    .collect()
            }
        }
    }
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
        regimen: Regimen::AsGiven,
    }
}

/// Checks the typed dose and days for a menu choice (days are read only where the form asks).
pub fn check_order(
    choice: OrderChoice,
    dose_text: &str,
    days_text: &str,
    strings: &Strings,
) -> Result<TreatmentOrder, String> {
    let treatment = choice.treatment();
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
                        ("unit", strings.unit(treatment.dose_unit())),
                    ],
                ))
            }
        }
    } else {
        0.0
    };
    let days = if choice.asks_days() {
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
        choice.usual().days
    };
    Ok(TreatmentOrder {
        dose,
        days,
        ..choice.usual()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strings::ENGLISH;

    #[test]
    fn the_usual_orders_pass_their_own_check() {
        for choice in OrderChoice::ALL {
            let usual = choice.usual();
            let checked = check_order(
                choice,
                &usual.dose.to_string(),
                &usual.days.to_string(),
                &ENGLISH,
            );
            assert_eq!(checked, Ok(usual), "{}", choice.key());
            assert_eq!(OrderChoice::from_key(choice.key()), Some(choice));
        }
        // Every treatment is on the menu as itself.
        for treatment in Treatment::ALL {
            assert!(OrderChoice::ALL.contains(&OrderChoice::Treatment(treatment)));
        }
    }

    #[test]
    fn a_bad_dose_or_course_is_refused_with_the_field_and_range() {
        let error = check_order(
            OrderChoice::Treatment(Treatment::IvIron),
            "5000",
            "1",
            &ENGLISH,
        )
        .unwrap_err();
        assert!(
            error.contains("5000") && error.contains("2000 mg"),
            "{error}"
        );
        let error = check_order(
            OrderChoice::Treatment(Treatment::OralIron),
            "lots",
            "30",
            &ENGLISH,
        )
        .unwrap_err();
        assert!(
            error.contains("lots") && error.contains("mg/day"),
            "{error}"
        );
        let error =
            check_order(OrderChoice::Treatment(Treatment::Esa), "50", "0", &ENGLISH).unwrap_err();
        assert!(error.contains("days") && error.contains("3650"), "{error}");
        // Anti-IL-6 takes no dose, whatever the dose field says.
        assert!(check_order(
            OrderChoice::Treatment(Treatment::AntiIl6),
            "",
            "30",
            &ENGLISH
        )
        .is_ok());
    }

    #[test]
    fn the_b12_course_is_loading_doses_then_maintenance_for_ten_years() {
        let order = OrderChoice::B12Course.usual();
        let events = order.events(30.0);
        let days: Vec<f64> = events.iter().map(|event| event.day).collect();
        assert_eq!(
            &days[..9],
            &[30.0, 32.0, 34.0, 36.0, 38.0, 40.0, 42.0, 132.0, 222.0]
        );
        assert!(days
            .windows(2)
            .skip(7)
            .all(|pair| pair[1] - pair[0] == 90.0));
        let last = *days.last().unwrap();
        assert!(
            (30.0 + 3650.0 - 90.0..=30.0 + 3650.0).contains(&last),
            "{last}"
        );
        assert!(events.iter().all(|event| event.action
            == crate::model::EventAction::Give {
                treatment: Treatment::B12Injection,
                dose: 1000.0,
                days: 1.0
            }));
        // The typed dose is each injection's; the course ignores the days field.
        let checked = check_order(OrderChoice::B12Course, "500", "lots", &ENGLISH).unwrap();
        assert_eq!(checked.dose, 500.0);
        assert_eq!(checked.regimen, Regimen::B12Replacement);
        // A plain course is one event the model runs.
        let oral = usual_order(Treatment::OralIron).events(5.0);
        assert_eq!(
            oral,
            vec![Event::course(5.0, Treatment::OralIron, 100.0, 90.0)]
        );
    }
}
