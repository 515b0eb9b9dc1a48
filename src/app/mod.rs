//! The Leptos page (wasm32 only). The simulation lives outside the reactive graph; every frame
//! publishes one small snapshot that the components derive from (style.md, principle 6).

mod about_model;
mod b12_relay_view;
mod canvas_painter;
mod factory_canvas;
mod frame_loop;
mod lab_charts;
mod lab_panel;
mod life_alarm;
mod marrow_stain_view;
mod notices;
mod preset_picker;
mod setting_slider;
mod share_link;
mod time_chart;
mod time_controls;
mod treatment_panel;

pub use about_model::AboutModel;
pub use b12_relay_view::B12RelayView;
pub use factory_canvas::FactoryCanvas;
pub use frame_loop::{start_frame_loop, FrameLoopHandle, MAX_FRAME_SECONDS};
pub use lab_charts::LabCharts;
pub use lab_panel::LabPanel;
pub use life_alarm::LifeAlarm;
pub use marrow_stain_view::MarrowStainView;
pub use notices::Notices;
pub use preset_picker::PresetPicker;
pub use setting_slider::SettingSlider;
pub use share_link::ShareLink;
pub use time_chart::TimeChart;
pub use time_controls::TimeControls;
pub use treatment_panel::TreatmentPanel;

use std::collections::VecDeque;

use leptos::ev;
use leptos::prelude::*;

use crate::model::{LabKey, Labs, SettingKey, Settings};
use crate::strings::ENGLISH;
use crate::view::drawing::factory_scene::FactoryScene;
use crate::view::lab_report::TREND_DAYS;
use crate::view::session::page_link::parse_query;
use crate::view::session::simulation::Simulation;

/// The labs the charts show when the page opens (issue: Hb, MCV, ferritin, reticulocytes).
pub const DEFAULT_CHART_KEYS: [LabKey; 4] = [
    LabKey::Hemoglobin,
    LabKey::Mcv,
    LabKey::Ferritin,
    LabKey::Reticulocytes,
];
/// Real seconds between chart redraws while playing: charts follow days, not frames.
pub const CHART_REDRAW_SECONDS: f64 = 0.25;
/// Frames of work time kept for the frame-time report.
const FRAME_TIMES_KEPT: usize = 600;

/// What one frame shows.
#[derive(Clone, Debug, PartialEq)]
pub struct FrameSnapshot {
    pub day: f64,
    pub labs: Labs,
    /// The labs [`TREND_DAYS`] ago, for the trend arrows.
    pub labs_week_ago: Labs,
    pub scene: FactoryScene,
    pub settings: Settings,
    /// B12 absorbed from the diet, µg/day (the model's readout, for the relay view).
    pub b12_absorbed_ug_per_day: f64,
    pub playing: bool,
    pub speed_days_per_second: f64,
    pub preset: &'static str,
    /// Real seconds of animation shown so far (stands still when paused or with reduced motion).
    pub animation_seconds: f64,
}

impl FrameSnapshot {
    fn of(simulation: &Simulation, animation_seconds: f64) -> FrameSnapshot {
        let labs = simulation.patient().labs();
        FrameSnapshot {
            day: simulation.day(),
            scene: FactoryScene::from_patient(simulation.patient(), &labs),
            labs_week_ago: simulation.labs_days_ago(TREND_DAYS).clone(),
            labs,
            settings: simulation.settings(),
            b12_absorbed_ug_per_day: simulation.patient().readout().b12_absorbed_ug_per_day,
            playing: simulation.playing(),
            speed_days_per_second: simulation.speed_days_per_second(),
            preset: simulation.preset(),
            animation_seconds,
        }
    }
}

/// Everything components share, in one small copyable handle (passed by context).
#[derive(Clone, Copy)]
pub struct PageContext {
    simulation: StoredValue<Simulation, LocalStorage>,
    /// The frame's snapshot.
    pub snapshot: RwSignal<FrameSnapshot>,
    /// Bumped when the charts should redraw from the history.
    pub history_version: RwSignal<u64>,
    /// Bumped by Reset All so view-only settings (chart picks) return to their defaults.
    pub view_reset: RwSignal<u64>,
    /// Notices for the student (ignored link parts and the like).
    pub notices: RwSignal<Vec<String>>,
    /// `mode=projector`.
    pub projector: bool,
    /// Frame work time percentiles (p50, p95) in ms and frames measured, for the end-to-end report.
    pub frame_stats: RwSignal<(f64, f64, usize)>,
}

impl PageContext {
    /// The page's context (provided by [`App`]).
    pub fn get() -> PageContext {
        use_context::<PageContext>().expect("PageContext is provided by App")
    }

    /// Reads the simulation.
    pub fn with_simulation<T>(&self, read: impl FnOnce(&Simulation) -> T) -> T {
        self.simulation.with_value(read)
    }

    /// Changes the simulation and publishes the result at once (the same frame).
    pub fn change(&self, change: impl FnOnce(&mut Simulation)) {
        let charted_before = self.with_simulation(Simulation::charted);
        self.simulation.update_value(change);
        self.publish();
        // Charts redraw only when what they show changed (a slider drag marks one event a day).
        if self.with_simulation(Simulation::charted) != charted_before {
            self.history_version.update(|version| *version += 1);
        }
    }

    /// Publishes a snapshot of the simulation as it is now.
    pub fn publish(&self) {
        let animation_seconds = self
            .snapshot
            .with_untracked(|shown| shown.animation_seconds);
        self.publish_at(animation_seconds);
    }

    fn publish_at(&self, animation_seconds: f64) {
        let snapshot = self
            .simulation
            .with_value(|simulation| FrameSnapshot::of(simulation, animation_seconds));
        self.snapshot.set(snapshot);
    }

    /// Sets one setting from a slider.
    pub fn set_setting(&self, key: SettingKey, value: f64) {
        self.change(|simulation| {
            simulation.set_setting(key, value);
        });
    }

    /// Reset All: the model and the view.
    pub fn reset_all(&self) {
        self.change(Simulation::reset_all);
        self.view_reset.update(|version| *version += 1);
    }
}

/// Mounts the app on the page's body.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// Whether the student asked the system for reduced motion.
fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|window| window.match_media("(prefers-reduced-motion: reduce)").ok())
        .flatten()
        .is_some_and(|query| query.matches())
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or(0.0, |performance| performance.now())
}

/// The 50th and 95th percentiles of `times`.
fn percentiles(times: &[f64]) -> (f64, f64) {
    if times.is_empty() {
        return (0.0, 0.0);
    }
    let mut sorted = times.to_vec();
    sorted.sort_by(f64::total_cmp);
    let at = |share: f64| sorted[((sorted.len() - 1) as f64 * share).round() as usize];
    (at(0.5), at(0.95))
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let query = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default();
    let (request, link_notices) = parse_query(&query, &ENGLISH);
    let simulation = Simulation::open(&request);
    let snapshot = RwSignal::new(FrameSnapshot::of(&simulation, 0.0));
    let context = PageContext {
        simulation: StoredValue::new_local(simulation),
        snapshot,
        history_version: RwSignal::new(0),
        view_reset: RwSignal::new(0),
        notices: RwSignal::new(link_notices),
        projector: request.projector,
        frame_stats: RwSignal::new((0.0, 0.0, 0)),
    };
    provide_context(context);

    let reduced_motion = prefers_reduced_motion();
    let mut since_chart_redraw = 0.0;
    let mut frame_times: VecDeque<f64> = VecDeque::with_capacity(FRAME_TIMES_KEPT);
    let frame_loop = start_frame_loop(move |_now_ms, elapsed_seconds| {
        let started_ms = now_ms();
        let (moved, playing) = context
            .simulation
            .try_update_value(|simulation| {
                (
                    simulation.advance_real_time(elapsed_seconds),
                    simulation.playing(),
                )
            })
            .unwrap_or((false, false));
        if playing {
            let shown = context
                .snapshot
                .with_untracked(|shown| shown.animation_seconds);
            let animation_seconds = if reduced_motion {
                shown
            } else {
                shown + elapsed_seconds
            };
            context.publish_at(animation_seconds);
        }
        since_chart_redraw += elapsed_seconds;
        if moved && since_chart_redraw >= CHART_REDRAW_SECONDS {
            since_chart_redraw = 0.0;
            context.history_version.update(|version| *version += 1);
        }
        if playing {
            if frame_times.len() == FRAME_TIMES_KEPT {
                frame_times.pop_front();
            }
            frame_times.push_back(now_ms() - started_ms);
            if frame_times.len().is_multiple_of(30) || frame_times.len() == FRAME_TIMES_KEPT {
                let (p50, p95) = percentiles(frame_times.make_contiguous());
                context.frame_stats.set((p50, p95, frame_times.len()));
            }
        }
    });
    on_cleanup(move || frame_loop.stop());

    // Space plays or pauses (unless a control has the focus and wants the key); Alt+R resets all.
    let keys = window_event_listener(ev::keydown, move |event| {
        let target_wants_keys = event
            .target()
            .and_then(|target| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(target).ok())
            .is_some_and(|element| {
                matches!(
                    element.tag_name().to_ascii_lowercase().as_str(),
                    "input" | "select" | "button" | "textarea" | "summary" | "a"
                )
            });
        if event.code() == "Space" && !target_wants_keys && !event.alt_key() {
            event.prevent_default();
            context.change(Simulation::toggle_playing);
        } else if event.alt_key() && event.code() == "KeyR" {
            event.prevent_default();
            context.reset_all();
        }
    });
    on_cleanup(move || keys.remove());

    let frame_stats = move || context.frame_stats.get();
    let life_alarm = Signal::derive(move || {
        context.snapshot.with(|snapshot| {
            (snapshot.labs.life_threatening > 0.5).then_some(snapshot.labs.hb_g_dl)
        })
    });
    view! {
        <div class="page" class:projector=request.projector>
            <header class="app-header">
                <h1>{ENGLISH.app_title}</h1>
                <p class="tagline">{ENGLISH.app_tagline}</p>
                <PresetPicker/>
                <ShareLink/>
            </header>
            <Notices/>
            <LifeAlarm alarm=life_alarm/>
            <TimeControls/>
            <main class="layout">
                <section class="scene" aria-label=ENGLISH.factory_canvas_label>
                    <FactoryCanvas reduced_motion=reduced_motion/>
                </section>
                <section class="controls" aria-labelledby="settings-heading">
                    <h2 id="settings-heading">{ENGLISH.settings_heading}</h2>
                    {SettingKey::MAIN
                        .into_iter()
                        .map(|key| view! { <SettingSlider key=key/> })
                        .collect_view()}
                    <TreatmentPanel/>
                    <B12RelayView/>
                </section>
                <section class="labs" aria-labelledby="labs-heading">
                    <LabPanel/>
                </section>
                <section class="charts" aria-labelledby="chart-heading">
                    <LabCharts/>
                </section>
                <section class="stain" aria-labelledby="stain-heading">
                    <MarrowStainView/>
                </section>
            </main>
            <AboutModel/>
            <div
                hidden
                data-testid="frame-stats"
                data-p50-ms=move || format!("{:.3}", frame_stats().0)
                data-p95-ms=move || format!("{:.3}", frame_stats().1)
                data-frames=move || frame_stats().2
            ></div>
        </div>
    }
}
