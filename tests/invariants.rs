//! Invariants of the model that must hold for any settings and events: the iron ledger closes
//! exactly, nothing becomes NaN, infinite or negative, the caller's step size does not matter, and
//! reset equals a fresh model.
#![cfg(not(target_arch = "wasm32"))]

use marrow_factory::model::{Event, Labs, Patient, SettingKey, Settings, Treatment};
use proptest::prelude::*;

/// body_iron(t) − body_iron(0) = absorbed + given − lost, to floating-point precision.
fn ledger_error_mg(patient: &Patient, body_iron_at_start: f64) -> f64 {
    let labs = patient.labs();
    let expected = body_iron_at_start + labs.iron_absorbed_mg_total + labs.iron_given_mg_total
        - labs.iron_lost_mg_total;
    (labs.body_iron_mg - expected).abs()
}

fn treatments_everywhere() -> Vec<Event> {
    vec![
        Event::give(3.5, Treatment::Bleed, 500.0),
        Event::give(10.0, Treatment::Transfusion, 2.0),
        Event::give(20.25, Treatment::IvIron, 1000.0),
        Event::course(30.0, Treatment::OralIron, 200.0, 60.0),
        Event::give(40.0, Treatment::B12Injection, 1000.0),
        Event::course(50.0, Treatment::FolicAcid, 5.0, 30.0),
        Event::course(60.0, Treatment::Esa, 100.0, 60.0),
        Event::course(70.0, Treatment::AntiIl6, 0.0, 60.0),
        Event::set(
            80.0,
            vec![(SettingKey::BloodLoss, 20.0), (SettingKey::Il6, 60.0)],
        ),
    ]
}

#[test]
fn the_iron_ledger_closes_exactly_through_every_treatment() {
    let mut patient = Patient::new(Settings {
        blood_loss_ml_per_day: 5.0,
        ..Settings::default()
    });
    patient.schedule(treatments_everywhere());
    let start = patient.labs().body_iron_mg;
    for day in 1..=200 {
        patient.advance_to(day as f64);
        let error = ledger_error_mg(&patient, start);
        assert!(error < 1e-6 * start, "day {day}: ledger off by {error} mg");
    }
    let labs = patient.labs();
    assert!(
        labs.iron_given_mg_total > 1000.0
            && labs.iron_lost_mg_total > 100.0
            && labs.iron_absorbed_mg_total > 10.0
    );
}

#[test]
fn results_do_not_depend_on_the_callers_step() {
    let run = |step_days: f64| -> Labs {
        let mut patient = Patient::new(Settings {
            il6_pg_per_ml: 30.0,
            blood_loss_ml_per_day: 6.0,
            ..Settings::default()
        });
        patient.schedule(treatments_everywhere());
        let mut day = 0.0;
        while day < 90.0 - 1e-9 {
            let step = step_days.min(90.0 - day);
            patient.step(step);
            day += step;
        }
        patient.labs()
    };
    let reference = run(1.0);
    for step in [0.1, 0.25, 0.7, 3.0, 7.3] {
        assert_eq!(
            run(step),
            reference,
            "stepping by {step} days changed the result"
        );
    }
}

#[test]
fn reset_equals_a_fresh_model() {
    let make = || {
        let mut patient = Patient::new(Settings {
            folate_intake_ug_per_day: 50.0,
            ..Settings::default()
        });
        patient.schedule(treatments_everywhere());
        patient
    };
    let mut used = make();
    used.advance_to(120.0);
    used.apply(&Event::give(0.0, Treatment::Transfusion, 3.0));
    used.reset();
    let mut fresh = make();
    assert_eq!(used.labs(), fresh.labs());
    used.advance_to(100.0);
    fresh.advance_to(100.0);
    assert_eq!(
        used.labs(),
        fresh.labs(),
        "the events come back after reset"
    );
}

fn any_settings() -> impl Strategy<Value = Settings> {
    let ranges: Vec<_> = SettingKey::ALL
        .iter()
        .map(|key| key.spec().min..=key.spec().max)
        .collect();
    ranges.prop_map(|values| {
        let mut settings = Settings::default();
        for (key, value) in SettingKey::ALL.into_iter().zip(values) {
            settings.set(key, value).expect("in range");
        }
        settings
    })
}

fn any_event() -> impl Strategy<Value = Event> {
    let treatment = prop::sample::select(Treatment::ALL.to_vec());
    (0.0..150.0f64, treatment, 0.0..1.0f64, 1.0..90.0f64).prop_map(
        |(day, treatment, dose_share, days)| {
            let dose = if treatment.takes_dose() {
                dose_share * treatment.max_dose()
            } else {
                0.0
            };
            if treatment.is_course() {
                Event::course(day, treatment, dose, days)
            } else {
                Event::give(day, treatment, dose)
            }
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn labs_stay_finite_and_non_negative(settings in any_settings(), events in prop::collection::vec(any_event(), 0..6)) {
        let mut patient = Patient::new(settings);
        patient.schedule(events);
        let start = patient.labs().body_iron_mg;
        for day in (0..=200).step_by(10) {
            patient.advance_to(day as f64);
            let labs = patient.labs();
            for (key, value) in labs.entries() {
                prop_assert!(value.is_finite(), "{key} = {value} on day {day}");
                prop_assert!(value >= 0.0, "{key} = {value} on day {day}");
            }
            prop_assert!(labs.neuro_damage_index <= 1.0);
            prop_assert!(labs.tsat_percent <= 100.0);
            prop_assert!(ledger_error_mg(&patient, start) < 1e-6 * start.max(1.0));
            // Pools stay finite and non-negative, and the kept red-cell totals are the sum of the
            // cohorts, whatever happened.
            prop_assert_eq!(patient.check_invariants(), Ok(()), "on day {}", day);
        }
    }
}
