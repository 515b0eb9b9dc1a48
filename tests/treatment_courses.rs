//! Treatments as clinicians order them (issue 9): the B12 replacement course keeps pernicious
//! anemia in remission where one injection relapses, and every treatment a preset advises is an
//! order the treatments menu offers, by its visible name, and it works.
//!
//! Run with `cargo test --test treatment_courses -- --nocapture` to print the measured values.

use marrow_factory::model::{Labs, SettingKey};
use marrow_factory::presets::PRESETS;
use marrow_factory::strings::ENGLISH;
use marrow_factory::view::session::simulation::Simulation;
use marrow_factory::view::session::treatment_order::OrderChoice;

/// The preset opened as the page opens it, with `orders` given on day 0 (in that order) after
/// the slider changes in `settings`.
fn treated(preset: &str, settings: &[(SettingKey, f64)], orders: &[OrderChoice]) -> Simulation {
    let mut simulation = Simulation::open_preset(Some(preset));
    assert_eq!(simulation.preset(), preset, "no preset {preset}");
    for &(key, value) in settings {
        simulation.set_setting(key, value);
    }
    for order in orders {
        simulation.give(&order.usual());
    }
    simulation
}

/// The labs on `day` (the simulation keeps one sample per day).
fn on_day(simulation: &mut Simulation, day: f64) -> Labs {
    simulation.advance_days(day - simulation.day());
    simulation.patient().labs()
}

/// Reference limits of a lab (adult man, `LabKey::spec`), as a two-sided range.
fn normal(labs: &Labs, key: marrow_factory::model::LabKey) -> bool {
    labs.flag(key) == marrow_factory::model::Flag::Normal
}

#[test]
fn the_b12_course_keeps_pernicious_anemia_in_remission_where_one_injection_relapses() {
    use marrow_factory::model::LabKey::{Hemoglobin, Mcv, MethylmalonicAcid, VitaminB12};
    let mut course = treated("b12_deficiency", &[], &[OrderChoice::B12Course]);
    let mut single = treated(
        "b12_deficiency",
        &[],
        &[OrderChoice::Treatment(
            marrow_factory::model::Treatment::B12Injection,
        )],
    );
    let start = course.history()[0].clone();
    println!(
        "| start | Hb {:.2} g/dL | MCV {:.1} fL | B12 {:.0} pg/mL | MMA {:.2} µmol/L |",
        start.hb_g_dl, start.mcv_fl, start.b12_pg_ml, start.mma_umol_l
    );
    let single_peak_hb = (1..=120)
        .map(|day| on_day(&mut single, f64::from(day)).hb_g_dl)
        .fold(f64::MIN, f64::max);
    for year in [1.0, 2.0] {
        let day = 365.0 * year;
        let on_course = on_day(&mut course, day);
        let after_one = on_day(&mut single, day);
        for (what, labs) in [("course", &on_course), ("one injection", &after_one)] {
            println!(
                "| {what}, year {year} | Hb {:.2} g/dL | MCV {:.1} fL | B12 {:.0} pg/mL | MMA {:.2} µmol/L |",
                labs.hb_g_dl, labs.mcv_fl, labs.b12_pg_ml, labs.mma_umol_l
            );
        }
        // The course: every lab of the diagnosis back in its reference range, and staying there.
        for key in [Hemoglobin, Mcv, VitaminB12, MethylmalonicAcid] {
            assert!(
                normal(&on_course, key),
                "course, year {year}: {key} = {} is out of range",
                on_course.value(key)
            );
        }
        // One injection (15 % of 1 mg retained): the anemia comes back; B12 never reaches range
        // and the cells stay large.
        assert!(
            after_one.hb_g_dl < 13.5 && after_one.b12_pg_ml < 200.0 && after_one.mcv_fl > 96.0,
            "one injection, year {year}: Hb {:.2}, B12 {:.0}, MCV {:.1} should have relapsed",
            after_one.hb_g_dl,
            after_one.b12_pg_ml,
            after_one.mcv_fl
        );
    }
    // One injection does help at first (that is why it looks like a cure): Hb reaches range
    // within four months, then falls year on year.
    println!("| one injection | peak Hb in 120 days {single_peak_hb:.2} g/dL |");
    assert!(single_peak_hb > 13.5, "peak Hb {single_peak_hb:.2}");
    let history = single.history();
    assert!(history[730].hb_g_dl < history[365].hb_g_dl - 0.5);
    // On the course, once loading is over, no day of the two years is back out of range for B12
    // or MCV, and Hb never falls far (the synchronised young cells of the recovery die together
    // ≈ 120 days later: the known dip, tests/common KNOWN_DEVIATIONS).
    let history = course.history();
    let after_loading = &history[120..=730];
    let lowest_b12 = after_loading
        .iter()
        .map(|labs| labs.b12_pg_ml)
        .fold(f64::MAX, f64::min);
    let largest_mcv = after_loading
        .iter()
        .map(|labs| labs.mcv_fl)
        .fold(f64::MIN, f64::max);
    let lowest_hb = after_loading
        .iter()
        .map(|labs| labs.hb_g_dl)
        .fold(f64::MAX, f64::min);
    println!(
        "| course, days 120–730 | lowest Hb {lowest_hb:.2} | largest MCV {largest_mcv:.1} | lowest B12 {lowest_b12:.0} |"
    );
    assert!(
        lowest_b12 >= 200.0,
        "B12 fell to {lowest_b12:.0} on the course"
    );
    assert!(
        largest_mcv <= 96.0,
        "MCV rose to {largest_mcv:.1} on the course"
    );
    assert!(lowest_hb >= 12.5, "Hb fell to {lowest_hb:.2} on the course");
}

/// What a preset advises and how the order must work.
struct Advice {
    preset: &'static str,
    /// The orders' menu entries, given together on day 0 (each named in the description).
    orders: &'static [OrderChoice],
    /// Slider changes the description asks for first.
    settings: &'static [(SettingKey, f64)],
    /// When the effect is judged, days after the order.
    horizon_days: f64,
    /// What should happen, in words (printed).
    expected: &'static str,
    /// Checks the labs before (day 0) and at the horizon; `Err` says what went wrong.
    check: fn(&Labs, &Labs) -> Result<(), String>,
}

fn rises(what: &str, before: f64, after: f64, low: f64, high: f64) -> Result<(), String> {
    let change = after - before;
    if (low..=high).contains(&change) {
        Ok(())
    } else {
        Err(format!(
            "{what} changed by {change:+.2} ({before:.2} → {after:.2}), expected {low:+}…{high:+}"
        ))
    }
}

use marrow_factory::model::Treatment::{
    AntiIl6, B12Injection, Esa, FolicAcid, IvIron, OralIron, Transfusion,
};

const ADVICE: [Advice; 10] = [
    Advice {
        preset: "b12_deficiency",
        orders: &[OrderChoice::B12Course],
        settings: &[],
        horizon_days: 90.0,
        expected: "Hb up ≥ 5 g/dL, MCV ≤ 96 fL, MMA < 0.4 µmol/L by 3 months",
        check: |before, after| {
            rises("Hb", before.hb_g_dl, after.hb_g_dl, 5.0, 10.0)?;
            rises(
                "MCV",
                before.mcv_fl,
                after.mcv_fl,
                -60.0,
                96.0 - before.mcv_fl,
            )?;
            rises(
                "MMA",
                before.mma_umol_l,
                after.mma_umol_l,
                -10.0,
                0.4 - before.mma_umol_l,
            )
        },
    },
    Advice {
        preset: "b12_deficiency",
        orders: &[OrderChoice::Treatment(B12Injection)],
        settings: &[],
        horizon_days: 365.0,
        expected: "one injection: a year later Hb is below 13.5 and B12 below 200 again",
        check: |_, after| {
            if after.hb_g_dl < 13.5 && after.b12_pg_ml < 200.0 {
                Ok(())
            } else {
                Err(format!(
                    "Hb {:.2}, B12 {:.0}: no relapse",
                    after.hb_g_dl, after.b12_pg_ml
                ))
            }
        },
    },
    Advice {
        preset: "b12_deficiency",
        orders: &[OrderChoice::Treatment(FolicAcid)],
        settings: &[],
        horizon_days: 90.0,
        expected: "folic acid alone: Hb up ≥ 4 g/dL, but MMA stays high and the nerves do not heal",
        check: |before, after| {
            rises("Hb", before.hb_g_dl, after.hb_g_dl, 4.0, 10.0)?;
            rises("MMA", before.mma_umol_l, after.mma_umol_l, -0.1, 0.1)?;
            rises(
                "nerve damage index",
                before.neuro_damage_index,
                after.neuro_damage_index,
                0.0,
                0.5,
            )
        },
    },
    Advice {
        preset: "folate_deficiency",
        orders: &[OrderChoice::Treatment(FolicAcid)],
        settings: &[],
        horizon_days: 90.0,
        expected: "Hb up ≥ 5 g/dL, MCV ≤ 96 fL, homocysteine ≤ 15 µmol/L by 3 months",
        check: |before, after| {
            rises("Hb", before.hb_g_dl, after.hb_g_dl, 5.0, 10.0)?;
            rises(
                "MCV",
                before.mcv_fl,
                after.mcv_fl,
                -60.0,
                96.0 - before.mcv_fl,
            )?;
            rises(
                "homocysteine",
                before.homocysteine_umol_l,
                after.homocysteine_umol_l,
                -100.0,
                15.0 - before.homocysteine_umol_l,
            )
        },
    },
    Advice {
        preset: "iron_deficiency",
        orders: &[OrderChoice::Treatment(OralIron)],
        settings: &[(SettingKey::BloodLoss, 0.0)],
        horizon_days: 90.0,
        expected: "bleeding stopped, oral iron: Hb up 3–7 g/dL, MCV up ≥ 8 fL by 3 months",
        check: |before, after| {
            rises("Hb", before.hb_g_dl, after.hb_g_dl, 3.0, 7.0)?;
            rises("MCV", before.mcv_fl, after.mcv_fl, 8.0, 25.0)
        },
    },
    Advice {
        preset: "iron_deficiency",
        orders: &[OrderChoice::Treatment(IvIron)],
        settings: &[(SettingKey::BloodLoss, 0.0)],
        horizon_days: 90.0,
        expected: "bleeding stopped, 1 g IV iron: Hb up 3–7 g/dL, MCV up ≥ 8 fL by 3 months",
        check: |before, after| {
            rises("Hb", before.hb_g_dl, after.hb_g_dl, 3.0, 7.0)?;
            rises("MCV", before.mcv_fl, after.mcv_fl, 8.0, 25.0)
        },
    },
    Advice {
        preset: "inflammation",
        orders: &[OrderChoice::Treatment(AntiIl6)],
        settings: &[],
        horizon_days: 90.0,
        expected: "Hb up 2.5–6 g/dL and hepcidin down by ≥ 0.5× healthy by 3 months",
        check: |before, after| {
            rises("Hb", before.hb_g_dl, after.hb_g_dl, 2.5, 6.0)?;
            rises(
                "hepcidin / healthy",
                before.hepcidin_relative,
                after.hepcidin_relative,
                -5.0,
                -0.5,
            )
        },
    },
    Advice {
        preset: "ckd",
        orders: &[OrderChoice::Treatment(Esa)],
        settings: &[],
        horizon_days: 90.0,
        expected: "ESA alone: Hb up 0.8–2.5 g/dL by 3 months while TSAT falls (iron runs short)",
        check: |before, after| {
            rises("Hb", before.hb_g_dl, after.hb_g_dl, 0.8, 2.5)?;
            rises("TSAT", before.tsat_percent, after.tsat_percent, -10.0, -1.0)
        },
    },
    Advice {
        preset: "ckd",
        orders: &[OrderChoice::Treatment(Esa), OrderChoice::Treatment(IvIron)],
        settings: &[],
        horizon_days: 90.0,
        expected: "ESA with 1 g IV iron: Hb up 2.5–5 g/dL by 3 months",
        check: |before, after| rises("Hb", before.hb_g_dl, after.hb_g_dl, 2.5, 5.0),
    },
    Advice {
        preset: "myeloma",
        orders: &[OrderChoice::Treatment(Transfusion)],
        settings: &[],
        horizon_days: 28.0,
        expected:
            "2 units: Hb still ≥ 0.5 g/dL above the start after 4 weeks (and gone by 2 months)",
        check: |before, after| rises("Hb", before.hb_g_dl, after.hb_g_dl, 0.5, 3.0),
    },
];

/// The menu names a description quotes, “like this”, in the order they appear.
fn quoted_names(description: &str) -> Vec<&str> {
    description
        .split('“')
        .skip(1)
        .filter_map(|part| part.split_once('”').map(|(name, _)| name))
        .collect()
}

#[test]
fn every_treatment_a_preset_advises_is_a_menu_entry_by_its_visible_name() {
    let names: Vec<&str> = OrderChoice::ALL
        .iter()
        .map(|&choice| ENGLISH.order_name(choice))
        .collect();
    for preset in PRESETS {
        let description = preset.scenario().unwrap().description;
        // Every sentence that advises an action quotes at least one menu entry.
        for sentence in description.split(". ") {
            let advises = sentence.contains("Try ")
                || sentence.contains(" try ")
                || sentence.contains("Treatments")
                || sentence.contains("helps");
            assert!(
                !advises || !quoted_names(sentence).is_empty(),
                "{}: “{sentence}” advises a treatment without naming a menu entry",
                preset.id
            );
        }
        // Every quoted name is a menu entry, and the advice table tests it on this preset.
        for name in quoted_names(&description) {
            let choice = OrderChoice::ALL
                .into_iter()
                .find(|&choice| ENGLISH.order_name(choice) == name)
                .unwrap_or_else(|| {
                    panic!(
                        "{}: “{name}” is not in the treatments menu ({names:?})",
                        preset.id
                    )
                });
            assert!(
                ADVICE
                    .iter()
                    .any(|advice| advice.preset == preset.id && advice.orders.contains(&choice)),
                "{}: advises “{name}” but ADVICE does not test it",
                preset.id
            );
        }
    }
    // And the table tests only advice the descriptions give.
    for advice in &ADVICE {
        let description = marrow_factory::presets::Preset::find(advice.preset)
            .unwrap()
            .scenario()
            .unwrap()
            .description;
        for &choice in advice.orders {
            assert!(
                quoted_names(&description).contains(&ENGLISH.order_name(choice)),
                "{}: the description does not name “{}”",
                advice.preset,
                ENGLISH.order_name(choice)
            );
        }
    }
}

#[test]
fn every_treatment_a_preset_advises_works() {
    let mut failures = Vec::new();
    for advice in &ADVICE {
        let mut simulation = treated(advice.preset, advice.settings, advice.orders);
        let before = simulation.history()[0].clone();
        let after = on_day(&mut simulation, advice.horizon_days);
        let names: Vec<&str> = advice
            .orders
            .iter()
            .map(|&choice| ENGLISH.order_name(choice))
            .collect();
        let outcome = (advice.check)(&before, &after);
        println!(
            "| {} | {} | day {} | {} | Hb {:.2} → {:.2}, MCV {:.1} → {:.1} | {} |",
            advice.preset,
            names.join(" + "),
            advice.horizon_days,
            advice.expected,
            before.hb_g_dl,
            after.hb_g_dl,
            before.mcv_fl,
            after.mcv_fl,
            if outcome.is_ok() { "works" } else { "FAILS" }
        );
        if let Err(why) = outcome {
            failures.push(format!(
                "{} with {}: {why}",
                advice.preset,
                names.join(" + ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_transfusion_in_myeloma_helps_for_weeks_not_months() {
    let mut simulation = treated("myeloma", &[], &[OrderChoice::Treatment(Transfusion)]);
    let before = simulation.history()[0].hb_g_dl;
    let week = on_day(&mut simulation, 7.0).hb_g_dl;
    let two_months = on_day(&mut simulation, 60.0).hb_g_dl;
    println!("| myeloma, 2 units | Hb {before:.2} → day 7 {week:.2} → day 60 {two_months:.2} |");
    assert!((1.2..=3.0).contains(&(week - before)), "{week:.2}");
    assert!(two_months < before + 0.5, "{two_months:.2}");
}
