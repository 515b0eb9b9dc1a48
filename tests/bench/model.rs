//! Benchmark of the physiology engine (standard harness, no timing assertions):
//! `cargo bench --bench model`. Goals: ≥ 10⁶ simulated days per second for one patient, and the
//! settled-state search under 10 ms.

use std::hint::black_box;
use std::time::Instant;

use marrow_factory::model::{Patient, Settings, SETTLING_DAYS};

fn main() {
    let cases = [
        ("healthy", Settings::default()),
        (
            "inflammation",
            Settings {
                il6_pg_per_ml: 40.0,
                ..Settings::default()
            },
        ),
        (
            "iron deficiency",
            Settings {
                blood_loss_ml_per_day: 4.0,
                ..Settings::default()
            },
        ),
    ];
    // Warm the cached healthy state so it is not timed.
    black_box(Patient::new(Settings::default()));
    for (name, settings) in cases {
        // Best of five runs: the machine is shared, so the fastest run is the least disturbed.
        let days = 20_000.0;
        let mut seconds = f64::INFINITY;
        for _ in 0..5 {
            let mut patient = Patient::new(settings);
            let started = Instant::now();
            patient.advance_to(days);
            seconds = seconds.min(started.elapsed().as_secs_f64());
            black_box(patient.labs());
        }
        println!(
            "{name:16} {:>12.0} simulated days/s ({days} days in {:.1} ms)",
            days / seconds,
            seconds * 1e3
        );
    }
    for (name, settings) in cases {
        let runs = 20;
        let started = Instant::now();
        for _ in 0..runs {
            black_box(Patient::settled(settings));
        }
        let per_run = started.elapsed().as_secs_f64() / runs as f64;
        println!(
            "{name:16} settled state in {:.2} ms (warm-up {SETTLING_DAYS} days, then accelerated rounds)",
            per_run * 1e3
        );
    }
    let started = Instant::now();
    let patient = Patient::new(Settings::default());
    for _ in 0..100_000 {
        black_box(patient.labs());
    }
    println!(
        "labs() from state: {:.2} µs",
        started.elapsed().as_secs_f64() / 100_000.0 * 1e6
    );
}
