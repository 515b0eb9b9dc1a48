//! What can happen to the patient: setting changes, one-off treatments and courses
//! (contract section 2).

use super::settings::SettingKey;

/// Something given to the patient.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Treatment {
    /// Acute blood loss; dose in mL of whole blood.
    Bleed,
    /// Packed red cells; dose in units.
    Transfusion,
    /// Intravenous iron; dose in mg.
    IvIron,
    /// Intramuscular vitamin B12; dose in µg.
    B12Injection,
    /// Oral iron course; dose in mg elemental iron per day, taken once a day.
    OralIron,
    /// Folic acid course; dose in mg per day.
    FolicAcid,
    /// Epoetin course; dose in IU/kg, given subcutaneously three times a week.
    Esa,
    /// IL-6 receptor blockade (as tocilizumab); no dose.
    AntiIl6,
}

impl Treatment {
    pub const ALL: [Treatment; 8] = [
        Treatment::Bleed,
        Treatment::Transfusion,
        Treatment::IvIron,
        Treatment::B12Injection,
        Treatment::OralIron,
        Treatment::FolicAcid,
        Treatment::Esa,
        Treatment::AntiIl6,
    ];

    /// The contract's name for the treatment (`"iv_iron"`).
    pub const fn key(self) -> &'static str {
        match self {
            Treatment::Bleed => "bleed",
            Treatment::Transfusion => "transfusion",
            Treatment::IvIron => "iv_iron",
            Treatment::B12Injection => "b12_injection",
            Treatment::OralIron => "oral_iron",
            Treatment::FolicAcid => "folic_acid",
            Treatment::Esa => "esa",
            Treatment::AntiIl6 => "anti_il6",
        }
    }

    pub fn from_key(key: &str) -> Option<Treatment> {
        Treatment::ALL
            .into_iter()
            .find(|treatment| treatment.key() == key)
    }

    /// Courses run for a number of days; the others are given once.
    pub const fn is_course(self) -> bool {
        matches!(
            self,
            Treatment::OralIron | Treatment::FolicAcid | Treatment::Esa | Treatment::AntiIl6
        )
    }

    /// Whether the treatment takes a dose.
    pub const fn takes_dose(self) -> bool {
        !matches!(self, Treatment::AntiIl6)
    }

    /// The unit of the dose, as a student reads it.
    pub const fn dose_unit(self) -> &'static str {
        match self {
            Treatment::Bleed => "mL",
            Treatment::Transfusion => "units",
            Treatment::IvIron => "mg",
            Treatment::B12Injection => "µg",
            Treatment::OralIron => "mg/day",
            Treatment::FolicAcid => "mg/day",
            Treatment::Esa => "IU/kg",
            Treatment::AntiIl6 => "",
        }
    }

    /// The largest dose accepted: beyond it a scenario is refused as a likely typo.
    pub const fn max_dose(self) -> f64 {
        match self {
            Treatment::Bleed => 3000.0,
            Treatment::Transfusion => 10.0,
            Treatment::IvIron => 2000.0,
            Treatment::B12Injection => 5000.0,
            Treatment::OralIron => 400.0,
            Treatment::FolicAcid => 15.0,
            Treatment::Esa => 500.0,
            Treatment::AntiIl6 => 0.0,
        }
    }
}

/// What happens at an event.
#[derive(Clone, Debug, PartialEq)]
pub enum EventAction {
    /// Settings change from this day on.
    Set(Vec<(SettingKey, f64)>),
    /// A treatment; `days` is the course length for courses (1 for one-off treatments).
    Give {
        treatment: Treatment,
        dose: f64,
        days: f64,
    },
}

/// An event on a day (whole or fractional) of the simulation.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub day: f64,
    pub action: EventAction,
}

impl Event {
    pub fn set(day: f64, changes: Vec<(SettingKey, f64)>) -> Event {
        Event {
            day,
            action: EventAction::Set(changes),
        }
    }

    pub fn give(day: f64, treatment: Treatment, dose: f64) -> Event {
        Event {
            day,
            action: EventAction::Give {
                treatment,
                dose,
                days: 1.0,
            },
        }
    }

    pub fn course(day: f64, treatment: Treatment, dose: f64, days: f64) -> Event {
        Event {
            day,
            action: EventAction::Give {
                treatment,
                dose,
                days,
            },
        }
    }
}

/// A course under way: from `start_day` for `days` days.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Course {
    pub treatment: Treatment,
    pub dose: f64,
    pub start_day: f64,
    pub days: f64,
}

impl Course {
    pub fn end_day(&self) -> f64 {
        self.start_day + self.days
    }

    pub fn is_running(&self, day: f64) -> bool {
        day >= self.start_day && day < self.end_day()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn treatment_keys_round_trip() {
        for treatment in Treatment::ALL {
            assert_eq!(Treatment::from_key(treatment.key()), Some(treatment));
        }
        assert_eq!(Treatment::from_key("aspirin"), None);
    }

    #[test]
    fn a_course_runs_for_its_days() {
        let course = Course {
            treatment: Treatment::OralIron,
            dose: 100.0,
            start_day: 10.0,
            days: 5.0,
        };
        assert!(!course.is_running(9.9));
        assert!(course.is_running(10.0));
        assert!(course.is_running(14.9));
        assert!(!course.is_running(15.0));
    }
}
