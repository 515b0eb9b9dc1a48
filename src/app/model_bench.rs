//! The model's speed in the page (issue 12): the benchmark command measures how many simulated days
//! per second the model runs as WebAssembly in the browser, to compare with the native figure of
//! `cargo bench --bench model`.
//!
//! A measuring hook, not a student's control: nothing in the page calls it and no link parameter
//! reaches it; the benchmark calls it through Trunk's `window.wasmBindings`, as the recovery tests
//! call `force_panic_for_tests`.

use wasm_bindgen::prelude::wasm_bindgen;

use crate::model::{Patient, Settings};

/// Simulated days per second of one healthy patient at steady state, advanced `days` days as the
/// native bench's "healthy" case does (`Patient::new(Settings::default())`, then `advance_to`),
/// timed with the browser's `performance.now()`. Returns 0 when the page has no clock to read
/// or `days` is not a positive number.
#[wasm_bindgen]
pub fn bench_model_days_per_second(days: f64) -> f64 {
    let Some(performance) = web_sys::window().and_then(|window| window.performance()) else {
        return 0.0;
    };
    if !(days > 0.0 && days.is_finite()) {
        return 0.0;
    }
    let mut patient = Patient::new(Settings::default());
    let started_ms = performance.now();
    patient.advance_to(days);
    let elapsed_ms = performance.now() - started_ms;
    // The labs are read so the steps cannot be optimized away, as the native bench does.
    std::hint::black_box(patient.labs());
    if elapsed_ms > 0.0 {
        days / (elapsed_ms / 1e3)
    } else {
        0.0
    }
}
