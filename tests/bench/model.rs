//! Benchmark of the physiology engine (standard harness, no timing assertions):
//! `cargo bench --bench model`. Goals (issue 12): ≥ 10⁶ simulated days per second for one patient,
//! and the settled-state search ("jump to settled", `"start": "settled"`) under 5 ms.
//!
//! Every figure is the median of several runs, with the fastest run beside it: the machine may be
//! shared, and the median says what a run usually takes while the fastest says what the code can do
//! undisturbed.

use std::hint::black_box;
use std::time::Instant;

use marrow_factory::model::{Patient, Settings, SETTLING_DAYS};
use marrow_factory::presets::PRESETS;

/// Runs of each measurement (odd, so the median is one run).
const RUNS: usize = 11;
/// Days simulated per run of the speed measurement.
const DAYS: f64 = 20_000.0;

fn main() {
    let cases = [
        ("healthy", Settings::default()),
        (
            "inflammation (IL-6 40 pg/mL)",
            Settings {
                il6_pg_per_ml: 40.0,
                ..Settings::default()
            },
        ),
        (
            "iron deficiency (loss 4 mL/d)",
            Settings {
                blood_loss_ml_per_day: 4.0,
                ..Settings::default()
            },
        ),
    ];
    // Warm the cached healthy state so it is not timed.
    black_box(Patient::new(Settings::default()));

    println!("Simulated days per second, one patient ({DAYS} days a run, {RUNS} runs):");
    for (name, settings) in cases {
        let seconds = timed_runs(|| {
            let mut patient = Patient::new(settings);
            let started = Instant::now();
            patient.advance_to(DAYS);
            let elapsed = started.elapsed().as_secs_f64();
            black_box(patient.labs());
            elapsed
        });
        println!(
            "  {name:30} median {:>9.0} days/s   fastest {:>9.0} days/s",
            DAYS / seconds.median,
            DAYS / seconds.fastest
        );
    }

    println!(
        "Settled state, each preset's settings and the cases above (warm-up {SETTLING_DAYS} days, \
         then accelerated rounds; {RUNS} runs each):"
    );
    let settled_cases = PRESETS.iter().map(|preset| {
        let settings = preset
            .scenario()
            .expect("every shipped preset parses")
            .settings;
        (preset.id, settings)
    });
    for (name, settings) in settled_cases.chain(cases.into_iter().skip(1)) {
        let seconds = timed_runs(|| {
            let started = Instant::now();
            black_box(Patient::settled(settings));
            started.elapsed().as_secs_f64()
        });
        println!(
            "  {name:30} median {:>6.2} ms   fastest {:>6.2} ms",
            seconds.median * 1e3,
            seconds.fastest * 1e3
        );
    }

    let patient = Patient::new(Settings::default());
    let calls = 20_000;
    let seconds = timed_runs(|| {
        let started = Instant::now();
        for _ in 0..calls {
            black_box(black_box(&patient).labs());
        }
        started.elapsed().as_secs_f64() / calls as f64
    });
    println!(
        "labs() from state: median {:.2} µs   fastest {:.2} µs",
        seconds.median * 1e6,
        seconds.fastest * 1e6
    );
}

/// The median and the fastest of [`RUNS`] timings, seconds.
struct Timings {
    median: f64,
    fastest: f64,
}

/// Times `run` [`RUNS`] times; `run` returns the seconds of the part it measures.
fn timed_runs(mut run: impl FnMut() -> f64) -> Timings {
    let mut seconds: Vec<f64> = (0..RUNS).map(|_| run()).collect();
    seconds.sort_by(f64::total_cmp);
    Timings {
        median: seconds[RUNS / 2],
        fastest: seconds[0],
    }
}
