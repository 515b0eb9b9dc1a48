//! The Leptos page (wasm32 only). The simulation lives outside the reactive graph; every frame
//! publishes one small snapshot that the components derive from (style.md, principle 6).

mod about_model;
mod activity_bar;
mod b12_relay_view;
mod canvas_painter;
mod case_panel;
mod chart_backend;
mod export_bar;
mod factory_canvas;
mod factory_parts;
mod frame_loop;
mod lab_charts;
mod lab_interpretation;
mod lab_panel;
mod language;
mod later;
mod life_alarm;
mod live_summary;
mod marrow_stain_view;
mod model_bench;
mod notices;
mod page_context;
mod preset_picker;
mod projector_toggle;
mod recovery;
mod scenario_files;
mod scene_legend;
mod second_patient;
mod service_worker;
mod setting_slider;
mod share_link;
mod shortcuts_dialog;
mod teacher_panel;
mod time_chart;
mod time_controls;
mod tour_panel;
mod treatment_panel;
mod why_panel;

pub use about_model::AboutModel;
pub use activity_bar::ActivityBar;
pub use b12_relay_view::B12RelayView;
pub(crate) use case_panel::open_case;
pub use case_panel::CasePanel;
pub use export_bar::ExportBar;
pub use factory_canvas::FactoryCanvas;
pub use factory_parts::FactoryParts;
pub use frame_loop::{start_frame_loop, FrameLoopHandle, MAX_FRAME_SECONDS};
pub use lab_charts::LabCharts;
pub use lab_interpretation::LabInterpretation;
pub use lab_panel::LabPanel;
pub use language::{switch_language, LanguageSelect};
pub use life_alarm::LifeAlarm;
pub use live_summary::LiveSummary;
pub use marrow_stain_view::MarrowStainView;
pub use model_bench::bench_model_days_per_second;
pub use notices::Notices;
pub(crate) use page_context::{CatchUp, LivePage, PageRoot, PageState, Renderings};
pub use page_context::{
    FrameSnapshot, PageContext, CHART_REDRAW_SECONDS, CHART_TURNS, DEFAULT_CHART_KEYS,
    FIRST_CHART_TURN, LABS_TURN, ROUND_TURNS, WORDS_TURN,
};
pub use preset_picker::PresetPicker;
pub use projector_toggle::ProjectorToggle;
pub use recovery::force_panic_for_tests;
pub use scenario_files::ScenarioFiles;
pub use scene_legend::SceneLegend;
pub use second_patient::SecondPatient;
pub use service_worker::register_service_worker;
pub use setting_slider::SettingSlider;
pub use share_link::ShareLink;
pub use shortcuts_dialog::ShortcutsDialog;
pub use teacher_panel::TeacherPanel;
pub use time_chart::TimeChart;
pub use time_controls::TimeControls;
pub use tour_panel::TourPanel;
pub use treatment_panel::TreatmentPanel;
pub use why_panel::WhyPanel;

use std::collections::VecDeque;

use leptos::ev;
use leptos::prelude::*;

use crate::model::SettingKey;
use crate::strings::{t, Lang};
use crate::teaching::tour::TourProgress;
use crate::view::drawing::factory_scene::{describe_scene, ScenePart};
use crate::view::session::classroom::HiddenPanel;
use crate::view::session::page_link::parse_query;
use crate::view::session::simulation::Simulation;

/// Frames of work time kept for the frame-time report.
const FRAME_TIMES_KEPT: usize = 600;

/// Mounts the app on the page's body.
pub fn mount() {
    recovery::install_panic_hook();
    leptos::mount::mount_to_body(App);
    register_service_worker();
}

/// A tour's or a case's words in the page's language, with lab quantities in `units`.
pub(crate) fn prose(text: &str, units: crate::view::units::Units) -> String {
    crate::view::units::render_prose(t().tr(text), units)
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

/// The whole page. It renders itself anew in each language (keyed by the language, so a new
/// language builds the page anew: a reactive closure would also compile code to patch the old
/// page into the new one, 48 KB of wasm never needed). What outlives a rendering is in
/// [`PageRoot`]; every signal, memo and effect belongs to the rendering ([`LivePage`] says why).
#[component]
pub fn App() -> impl IntoView {
    let query = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default();
    let (request, link_notices) = parse_query(&query, t());
    let mut simulation = Simulation::open(&request);
    if let Some(speed) = request.classroom.speed_days_per_second {
        simulation.set_speed(speed);
    }
    let opened_tour = request
        .tour
        .and_then(crate::teaching::tours::find)
        .map(|tour| {
            let step = (request.step.max(1) as usize - 1).min(tour.len().saturating_sub(1));
            tour.open_step(step, &mut simulation);
            TourProgress {
                tour,
                step,
                outcome: None,
            }
        });
    // Compare mode's second patient: a contrasting preset, on the first patient's clock.
    let simulation_b = Simulation::open_preset(Some(if request.preset == Some("inflammation") {
        "iron_deficiency"
    } else {
        "inflammation"
    }));
    let root = PageRoot {
        simulation: StoredValue::new_local(simulation),
        simulation_b: StoredValue::new_local(simulation_b),
        classroom: StoredValue::new(request.classroom.clone()),
        lang: RwSignal::new(Lang::En),
        lang_switched: RwSignal::new(false),
        renderings: StoredValue::new_local(Renderings {
            live: None,
            next: PageState {
                tour: opened_tour,
                case: None,
                compare: request.compare,
                why_lab: None,
                notices: link_notices,
                projector: request.projector,
                units: request.units,
                animation_seconds: 0.0,
                case_to_open: request.case.and_then(crate::teaching::cases::find),
                // `lang=`: English shows at once; another language as soon as its words arrive.
                lang_to_open: (request.lang != Lang::En).then_some(request.lang),
            },
        }),
        reduced_motion: prefers_reduced_motion(),
    };
    let frame_loop = drive_frames(root);
    on_cleanup(move || frame_loop.stop());
    view! {
        <For each=move || [root.lang.get()] key=|lang| *lang let:_lang>
            {page(root)}
        </For>
    }
}

/// The one clock: each frame advances the page's simulations and publishes to the page rendered
/// now (the clock outlives the renderings, so a language switch costs the simulation no time).
fn drive_frames(root: PageRoot) -> FrameLoopHandle {
    let reduced_motion = root.reduced_motion;
    let mut since_chart_redraw = 0.0;
    let (mut round, mut turns_left) = (0_u64, 0_usize);
    let mut frame_times: VecDeque<f64> = VecDeque::with_capacity(FRAME_TIMES_KEPT);
    start_frame_loop(move |_now_ms, elapsed_seconds| {
        let Some(LivePage {
            context,
            patient_b,
            compare,
            ..
        }) = page_context::live_page(root.renderings)
        else {
            return;
        };
        let started_ms = now_ms();
        let (moved, playing) = context
            .simulation
            .try_update_value(|simulation| {
                recovery::panic_if_asked();
                (
                    simulation.advance_real_time(elapsed_seconds),
                    simulation.playing(),
                )
            })
            .unwrap_or((false, false));
        // While playing, one heavy piece a frame: a round of turns starts every
        // CHART_REDRAW_SECONDS; its first turn the lab report catches up, its second the other
        // words and numbers, then each chart redraws on a frame of its own.
        since_chart_redraw += elapsed_seconds;
        if moved && since_chart_redraw >= CHART_REDRAW_SECONDS {
            since_chart_redraw = 0.0;
            round += 1;
            turns_left = ROUND_TURNS;
        }
        let turn = (turns_left > 0).then(|| ROUND_TURNS - turns_left);
        if let Some(turn) = turn {
            context.turn.set((round, turn));
            turns_left -= 1;
        }
        // When the clock stops by itself, the words and the charts catch up at once.
        let catch_up = match turn {
            _ if !playing => CatchUp::All,
            Some(LABS_TURN) => CatchUp::Labs,
            Some(WORDS_TURN) => CatchUp::Words,
            _ => CatchUp::Nothing,
        };
        if moved && !playing {
            context.history_version.update(|version| *version += 1);
        }
        if playing || moved {
            let shown = context
                .snapshot
                .with_untracked(|shown| shown.animation_seconds);
            let animation_seconds = if reduced_motion || !playing {
                shown
            } else {
                shown + elapsed_seconds
            };
            context.publish_at(animation_seconds, catch_up);
        }
        // Patient B follows patient A's clock, day for day (Reset All starts B again too).
        if compare.get_untracked() {
            let day = context.with_simulation(Simulation::day);
            let moved_b = patient_b
                .simulation
                .try_update_value(|second| {
                    let behind = day - second.day();
                    if behind < -1e-9 {
                        second.reset_all();
                        second.set_playing(false);
                        second.advance_days(day);
                        true
                    } else if behind > 1e-9 {
                        second.advance_days(behind);
                        true
                    } else {
                        false
                    }
                })
                .unwrap_or(false);
            if moved_b {
                let shown = context
                    .snapshot
                    .with_untracked(|shown| shown.animation_seconds);
                patient_b.publish_at(shown, catch_up);
                // While playing, patient B's line is redrawn with patient A's charts, in turns.
                if !playing {
                    patient_b.history_version.update(|version| *version += 1);
                }
            }
        }
        if moved && recovery::save_due() {
            context.keep_state();
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
    })
}

/// The page in the current language, with its signals ([`LivePage`]).
fn page(root: PageRoot) -> impl IntoView {
    // What the link asks for once, the first page does.
    let (live, case_to_open, lang_to_open) = root
        .renderings
        .try_update_value(|renderings| {
            let state = std::mem::take(&mut renderings.next);
            let (case_to_open, lang_to_open) = (state.case_to_open, state.lang_to_open);
            let live = LivePage::new(root, state);
            renderings.live = Some(live);
            (live, case_to_open, lang_to_open)
        })
        .expect("the page's root outlives its renderings");
    let LivePage {
        context,
        patient_b,
        compare,
        tour,
        case,
        why_lab,
    } = live;
    provide_context(context);
    recovery::keep_state_from_now_on(context);
    if let Some(lang) = lang_to_open {
        switch_language(context, lang);
    }
    if let Some(file) = case_to_open {
        open_case(context, file, |_| ());
    }
    let shortcuts_open = RwSignal::new(false);
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
        if event.key() == "?" && !target_wants_keys {
            event.prevent_default();
            shortcuts_open.set(true);
        } else if event.code() == "Space" && !target_wants_keys && !event.alt_key() {
            event.prevent_default();
            context.change(Simulation::toggle_playing);
        } else if event.alt_key() && event.code() == "KeyR" {
            event.prevent_default();
            context.reset_all();
        }
    });
    on_cleanup(move || keys.remove());

    let frame_stats = move || context.frame_stats.get();
    let reduced_motion = root.reduced_motion;
    let playing: Signal<_> =
        Memo::new(move |_| context.snapshot.with(|snapshot| snapshot.playing)).into();
    let labs: Signal<_> = context.labs().into();
    let scene = Signal::derive(move || {
        context
            .snapshot
            .with(|snapshot| (snapshot.scene.clone(), snapshot.animation_seconds))
    });
    // The parts' captions and the scene's words follow the words' turns (the drawing, every frame).
    let scene_now: Signal<_> =
        Memo::new(move |_| context.shown.with(|snapshot| snapshot.scene.clone())).into();
    // Memoised: the hidden text changes in the DOM only when the words do.
    let scene_words = Memo::new(move |_| scene_now.with(|scene| describe_scene(scene, t())));
    let labs_and_week_ago: Signal<_> = context.labs_and_week_ago().into();
    let why_chain = context.why_chain(why_lab);
    // While a mystery patient is being worked out, the page does not show what would give it away.
    let case_hidden =
        move || case.with(|case| case.as_ref().is_some_and(|progress| !progress.submitted));
    let tour_highlights = Signal::derive(move || {
        tour.with(|tour| {
            tour.as_ref()
                .map(|progress| {
                    progress
                        .current()
                        .highlight
                        .iter()
                        .map(|mark| mark.id())
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    // Reset All ends a tour, as it resets the other view choices.
    let resets_seen = std::cell::Cell::new(context.view_reset.get_untracked());
    Effect::new(move || {
        let resets = context.view_reset.get();
        if resets != resets_seen.replace(resets) {
            tour.set(None);
        }
    });
    let why_parts = Signal::derive(move || {
        why_chain.with(|chain| {
            chain
                .as_ref()
                .map(|(_, chain)| {
                    chain
                        .links
                        .iter()
                        .filter_map(|link| ScenePart::showing(link.quantity))
                        .map(ScenePart::id)
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    let highlighted = Signal::derive(move || {
        let mut ids: Vec<&'static str> = why_parts.get();
        ids.extend(tour_highlights.get());
        ids
    });
    let close_why = Callback::new(move |()| why_lab.set(None));
    let projector = context.projector;
    let palette = Signal::derive(move || context.palette());
    let classroom = root.classroom;
    let embed = classroom.with_value(|classroom| classroom.embed);
    let panel_shown = move |panel: HiddenPanel| {
        classroom.with_value(|classroom| !classroom.hidden_panels.contains(&panel))
    };
    let sliders: Vec<SettingKey> = classroom.with_value(|classroom| {
        SettingKey::MAIN
            .into_iter()
            .filter(|key| !classroom.hidden.contains(key))
            .collect()
    });
    let life_alarm = Signal::derive(move || {
        context.shown.with(|snapshot| {
            (snapshot.labs.life_threatening > 0.5).then_some(snapshot.labs.hb_g_dl)
        })
    });
    view! {
        <div class="page" class:projector=move || projector.get() class:embed=embed>
            <header class="app-header" hidden=embed>
                <h1>{t().app_title}</h1>
                <p class="tagline">{t().app_tagline}</p>
                <div class="header-patient" class:hidden-for-case=case_hidden>
                    <PresetPicker/>
                </div>
                <ShareLink/>
                <ScenarioFiles/>
                <div class="classroom-bar">
                    <ProjectorToggle projector=projector/>
                    <TeacherPanel projector=projector/>
                </div>
            </header>
            // One main landmark for everything but the header; it stays when a case hides
            // the patient.
            <main class="workspace">
                // An embedded page has no header, but a screen reader still finds its name.
                {embed.then(|| view! { <h1 class="visually-hidden">{t().app_title}</h1> })}
                <ActivityBar tour=tour case=case compare=compare/>
                <Show when=move || tour.with(Option::is_some)>
                    {move || later::arriving(later::tour_panel(tour))}
                </Show>
                <Show when=move || case.with(Option::is_some)>
                    {move || later::arriving(later::case_panel(case))}
                </Show>
                <Notices notices=context.notices/>
                <LifeAlarm alarm=life_alarm units=context.units.into()/>
                <TimeControls/>
                <ShortcutsDialog open=shortcuts_open/>
                <LiveSummary labs=labs playing=playing units=context.units.into()/>
                <div
                    class="layout"
                    class:comparing=move || compare.get()
                    class:hidden-for-case=case_hidden
                >
                    <section class="scene" aria-label=t().factory_canvas_label>
                        <div class="factory">
                            <FactoryCanvas scene=scene palette=palette units=context.units.into() reduced_motion=reduced_motion/>
                            <FactoryParts scene=scene_now highlighted=highlighted/>
                        </div>
                        <p class="visually-hidden" id="scene-description" data-testid="scene-description">
                            {move || scene_words.get()}
                        </p>
                        <SceneLegend palette=palette folded=projector.into()/>
                        <div id="why-panel">
                            <Show when=move || why_chain.with(Option::is_some)>
                                {move || later::arriving(later::why_panel(why_chain.into(), close_why, context.units.into()))}
                            </Show>
                        </div>
                    </section>
                    <section class="controls" data-patient="a" aria-labelledby="settings-heading">
                        <h2 id="settings-heading">{t().settings_heading}</h2>
                        {sliders
                            .into_iter()
                            .map(|key| view! { <SettingSlider key=key/> })
                            .collect_view()}
                        <div hidden=!panel_shown(HiddenPanel::Treatments)><TreatmentPanel/></div>
                        <div hidden=!panel_shown(HiddenPanel::B12Relay)><B12RelayView/></div>
                    </section>
                    <section class="labs" data-patient="a" aria-labelledby="labs-heading">
                        <LabPanel labs=labs_and_week_ago why=why_lab marked=tour_highlights units=context.units/>
                        <div hidden=!panel_shown(HiddenPanel::Interpretation)>
                            <LabInterpretation labs=labs/>
                        </div>
                    </section>
                    <Show when=move || compare.get()>
                        {move || later::arriving(later::second_patient(patient_b))}
                    </Show>
                    <section class="charts" aria-labelledby="chart-heading" hidden=!panel_shown(HiddenPanel::Charts)>
                        <LabCharts second=patient_b compare=compare.into()/>
                        <ExportBar/>
                    </section>
                    <section class="stain" aria-labelledby="stain-heading" hidden=!panel_shown(HiddenPanel::Stain)>
                        <MarrowStainView labs=labs palette=palette/>
                    </section>
                </div>
                <div hidden=!panel_shown(HiddenPanel::About)><AboutModel/></div>
                <div
                    hidden
                    data-testid="frame-stats"
                    data-p50-ms=move || format!("{:.3}", frame_stats().0)
                    data-p95-ms=move || format!("{:.3}", frame_stats().1)
                    data-frames=move || frame_stats().2
                ></div>
            </main>
        </div>
    }
}
