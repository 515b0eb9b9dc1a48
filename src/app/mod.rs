//! The Leptos page (wasm32 only). The model lives outside the reactive graph; every frame publishes
//! one small snapshot that the components derive from (style.md, principle 6).

mod factory_canvas;
mod frame_loop;
mod setting_slider;
mod time_chart;

pub use factory_canvas::FactoryCanvas;
pub use frame_loop::{start_frame_loop, FrameLoopHandle, MAX_FRAME_SECONDS};
pub use setting_slider::SettingSlider;
pub use time_chart::TimeChart;

use leptos::prelude::*;

use crate::model::{SettingKey, Settings};
use crate::strings::ENGLISH;

/// Simulated days per real second while playing.
pub const DAYS_PER_SECOND: f64 = 1.0;
/// How many days of history the chart keeps.
pub const HISTORY_DAYS: usize = 365;

/// What one frame shows.
#[derive(Clone, Debug, PartialEq)]
pub struct FrameSnapshot {
    /// The simulated day.
    pub day: f64,
    /// Real seconds since the page started, for the animation phase.
    pub animation_seconds: f64,
    /// Red-cell output relative to a healthy adult (1 = normal).
    pub output_fraction: f64,
}

/// Mounts the app on the page's body.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let settings = RwSignal::new(Settings::default());
    let snapshot = RwSignal::new(FrameSnapshot {
        day: 0.0,
        animation_seconds: 0.0,
        output_fraction: 1.0,
    });
    let history = RwSignal::new(vec![(0.0, Settings::default().iron_intake_mg_per_day)]);

    let frame_loop = start_frame_loop(move |_now_ms, elapsed_seconds| {
        let previous = snapshot.get_untracked();
        let day = previous.day + elapsed_seconds * DAYS_PER_SECOND;
        let iron = settings.with_untracked(|settings| settings.iron_intake_mg_per_day);
        if day.floor() > previous.day.floor() {
            history.update(|history| record(history, day.floor(), iron));
        }
        let healthy_iron = SettingKey::IronIntake.spec().healthy;
        snapshot.set(FrameSnapshot {
            day,
            animation_seconds: previous.animation_seconds + elapsed_seconds,
            output_fraction: (iron / healthy_iron).min(2.0),
        });
    });
    on_cleanup(move || frame_loop.stop());

    let iron = Signal::derive(move || settings.with(|settings| settings.iron_intake_mg_per_day));
    let on_iron_change = Callback::new(move |value: f64| {
        settings.update(|settings| {
            // The slider only offers values in range, so this cannot be refused.
            let _ = settings.set(SettingKey::IronIntake, value);
        });
        let day = snapshot.with_untracked(|snapshot| snapshot.day);
        history.update(|history| record(history, day, value));
    });

    view! {
        <header class="app-header">
            <h1>{ENGLISH.app_title}</h1>
            <p class="tagline">{ENGLISH.app_tagline}</p>
            <p class="sim-day">
                {ENGLISH.sim_day_label} " "
                <span data-testid="sim-day">{move || snapshot.with(|snapshot| snapshot.day.floor())}</span>
            </p>
        </header>
        <main class="layout">
            <section class="scene" aria-label="Factory">
                <FactoryCanvas snapshot=snapshot/>
            </section>
            <section class="controls" aria-labelledby="settings-heading">
                <h2 id="settings-heading">{ENGLISH.settings_heading}</h2>
                <SettingSlider key=SettingKey::IronIntake value=iron on_change=on_iron_change/>
            </section>
            <section class="charts" aria-labelledby="chart-heading">
                <h2 id="chart-heading">{ENGLISH.chart_heading}</h2>
                <TimeChart
                    label="Dietary iron (mg/day)"
                    points=history
                    reference_band=Some((10.0, 18.0))
                />
            </section>
        </main>
    }
}

/// Adds a (day, value) point, keeping at most [`HISTORY_DAYS`] points.
fn record(history: &mut Vec<(f64, f64)>, day: f64, value: f64) {
    history.push((day, value));
    if history.len() > HISTORY_DAYS {
        let excess = history.len() - HISTORY_DAYS;
        history.drain(..excess);
    }
}
