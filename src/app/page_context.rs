//! What the page's components share: the simulation (outside the reactive graph), the snapshot one
//! frame publishes, and the few page-wide signals. Display components take narrow signals derived
//! from the snapshot; only the controls that change the simulation hold the [`PageContext`].

use leptos::prelude::*;

use crate::model::{CausalChain, LabKey, Labs, SettingKey, Settings};
use crate::palette::Palette;
use crate::strings::Lang;
use crate::teaching::case::CaseProgress;
use crate::teaching::cases::CaseFile;
use crate::teaching::tour::TourProgress;
use crate::view::drawing::factory_scene::FactoryScene;
use crate::view::lab_report::TREND_DAYS;
use crate::view::session::classroom::Classroom;
use crate::view::session::page_link::LinkView;
use crate::view::session::simulation::Simulation;
use crate::view::units::Units;

/// The labs the charts show when the page opens (issue: Hb, MCV, ferritin, reticulocytes).
pub const DEFAULT_CHART_KEYS: [LabKey; 4] = [
    LabKey::Hemoglobin,
    LabKey::Mcv,
    LabKey::Ferritin,
    LabKey::Reticulocytes,
];
/// Real seconds between two rounds of redraws while playing: the charts and the page's words and
/// numbers follow days, not frames (four refreshes a second are easy to read; sixty are a blur
/// and, on a slow laptop, most of the frame's time).
pub const CHART_REDRAW_SECONDS: f64 = 0.25;
/// While playing, the charts redraw in turns, one chart a frame (at most this many turns: the
/// most charts a page shows), so no frame draws them all: on a slow laptop a frame that redraws
/// four charts is the one that misses its 16 ms.
pub const CHART_TURNS: usize = crate::view::session::classroom::MAX_CHARTS;
/// The turn of a round in which the lab report's numbers ([`PageContext::shown_labs`]) catch up
/// with the simulation.
pub const LABS_TURN: usize = 0;
/// The turn in which the rest of the page's words and numbers ([`PageContext::shown`]) catch up.
/// A frame of its own: with the lab report it was the round's dearest frame (issue 12).
pub const WORDS_TURN: usize = 1;
/// The turn of the chart at position 0; the chart at position N has turn `FIRST_CHART_TURN + N`.
pub const FIRST_CHART_TURN: usize = 2;
/// Frames in one round of turns: the labs, the words, then each chart.
pub const ROUND_TURNS: usize = FIRST_CHART_TURN + CHART_TURNS;

/// Which of the page's words and numbers a published frame brings up to date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CatchUp {
    /// Only what moves with the frames ([`PageContext::snapshot`]).
    Nothing,
    /// And the lab report ([`PageContext::shown_labs`]).
    Labs,
    /// And the rest of the words and numbers ([`PageContext::shown`]).
    Words,
    /// Everything: after a change, and whenever the clock is stopped.
    All,
}

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
    /// The lab report's labs: now and [`TREND_DAYS`] ago.
    pub(crate) fn lab_report(&self) -> (Labs, Labs) {
        (self.labs.clone(), self.labs_week_ago.clone())
    }

    pub(crate) fn of(simulation: &Simulation, animation_seconds: f64) -> FrameSnapshot {
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
    pub(crate) simulation: StoredValue<Simulation, LocalStorage>,
    /// The frame's snapshot, published every frame: what moves with the frames (the factory's
    /// animation, the day counter, the play button) follows it.
    pub snapshot: RwSignal<FrameSnapshot>,
    /// The snapshot the page's words and numbers show (lab report, summary, interpretation,
    /// captions, sliders, the marrow stain): the same as `snapshot` after every change and while
    /// paused; while playing, caught up once per round of turns ([`WORDS_TURN`]), so that no
    /// frame recomputes every line of words, and none does that and draws a chart.
    pub shown: RwSignal<FrameSnapshot>,
    /// The labs the lab report shows, now and [`TREND_DAYS`] ago: as `shown`, but caught up on a
    /// turn of their own ([`LABS_TURN`]) while playing.
    pub shown_labs: RwSignal<(Labs, Labs)>,
    /// Bumped when the charts should redraw from the history at once (a change, a step, a jump).
    pub history_version: RwSignal<u64>,
    /// While playing: (round, turn): in each round, the labs catch up on [`LABS_TURN`], the
    /// words on [`WORDS_TURN`], and the chart at position N redraws on turn
    /// [`FIRST_CHART_TURN`]` + N`. Both patients share it (a chart draws both).
    pub turn: RwSignal<(u64, usize)>,
    /// Bumped by Reset All so view-only settings (chart picks) return to their defaults.
    pub view_reset: RwSignal<u64>,
    /// Notices for the student (ignored link parts and the like).
    pub notices: RwSignal<Vec<String>>,
    /// Projector mode (`mode=projector`, `projector-toggle`).
    pub projector: RwSignal<bool>,
    /// The teacher's choices the page opened with (`lock=`, `hide=`, `speed=`, `charts=`,
    /// `embed=1`); share links carry them on.
    pub classroom: StoredValue<Classroom>,
    /// Frame work time percentiles (p50, p95) in ms and frames measured, for the end-to-end report.
    pub frame_stats: RwSignal<(f64, f64, usize)>,
    /// Which patient this is in compare mode: `"a"` (the page's own) or `"b"`.
    pub patient: &'static str,
    /// The units labs are printed in (`units-select`, `units=`); both patients share it.
    pub units: RwSignal<Units>,
    /// The page's language (`lang-select`, `lang=`): the page renders itself again when it changes.
    pub lang: RwSignal<Lang>,
    /// Set by `lang-select` so that the select gets the focus back after the page renders again.
    pub lang_switched: RwSignal<bool>,
    /// The page rendered now and the state the next one starts from.
    pub(crate) renderings: StoredValue<Renderings, LocalStorage>,
}

/// The page rendered last and the state the next rendering starts from.
#[derive(Default)]
pub(crate) struct Renderings {
    /// The page rendered last (once the first is built): what a language switch keeps, and whom
    /// a fetch that ends after a switch reports to.
    pub live: Option<LivePage>,
    /// What the next page starts from (it takes it).
    pub next: PageState,
}

/// The signals of the page as it is rendered now, in one language. They are created with the page
/// and disposed with it: a Leptos effect that is dropped stays listed, as a dead entry, by every
/// signal or memo it read (reactive_graph 0.2.16 has no unsubscribe on drop), so signals that
/// outlived the page collected one entry per text and attribute at every language switch
/// (about 30 KB of WebAssembly memory per switch). Signals owned by the page go with it, their
/// lists too. The few handles that do outlive the page ([`PageContext::lang`],
/// [`PageContext::lang_switched`]) are only read untracked inside it, so nothing in it
/// subscribes to them.
#[derive(Clone, Copy)]
pub(crate) struct LivePage {
    pub context: PageContext,
    /// Compare mode's second patient.
    pub patient_b: PageContext,
    pub compare: RwSignal<bool>,
    pub tour: RwSignal<Option<TourProgress>>,
    pub case: RwSignal<Option<CaseProgress>>,
    /// The lab the why-panel explains, if open.
    pub why_lab: RwSignal<Option<LabKey>>,
}

/// What a language switch carries from the page it takes down to the one it builds, as plain
/// values (the simulations live outside the reactive graph and simply stay).
#[derive(Default)]
pub(crate) struct PageState {
    pub tour: Option<TourProgress>,
    pub case: Option<CaseProgress>,
    pub compare: bool,
    pub why_lab: Option<LabKey>,
    pub notices: Vec<String>,
    pub projector: bool,
    pub units: Units,
    /// Real seconds of animation shown so far (the factory's motion goes on where it was).
    pub animation_seconds: f64,
    /// The mystery patient the link names (`case=`), opened once, by the first page.
    pub case_to_open: Option<CaseFile>,
    /// The language the link names (`lang=`) if not English, shown once its words arrive.
    pub lang_to_open: Option<Lang>,
}

/// What outlives the page's renderings: the simulations (outside the reactive graph), the
/// teacher's choices, the language, and the page's state between two renderings. Nothing in the
/// page subscribes to the two signals here (see [`LivePage`]).
#[derive(Clone, Copy)]
pub(crate) struct PageRoot {
    pub simulation: StoredValue<Simulation, LocalStorage>,
    /// Compare mode's second patient.
    pub simulation_b: StoredValue<Simulation, LocalStorage>,
    pub classroom: StoredValue<Classroom>,
    pub lang: RwSignal<Lang>,
    pub lang_switched: RwSignal<bool>,
    pub renderings: StoredValue<Renderings, LocalStorage>,
    /// Whether the student asked the system for reduced motion.
    pub reduced_motion: bool,
}

/// The page rendered last, if any.
pub(crate) fn live_page(renderings: StoredValue<Renderings, LocalStorage>) -> Option<LivePage> {
    renderings.with_value(|renderings| renderings.live)
}

impl LivePage {
    /// The page's signals, created under the current owner (the page's) from `state`.
    pub(crate) fn new(root: PageRoot, state: PageState) -> LivePage {
        let snapshot = root
            .simulation
            .with_value(|simulation| FrameSnapshot::of(simulation, state.animation_seconds));
        let context = PageContext {
            simulation: root.simulation,
            shown_labs: RwSignal::new(snapshot.lab_report()),
            shown: RwSignal::new(snapshot.clone()),
            snapshot: RwSignal::new(snapshot),
            history_version: RwSignal::new(0),
            turn: RwSignal::new((0, 0)),
            view_reset: RwSignal::new(0),
            notices: RwSignal::new(state.notices),
            projector: RwSignal::new(state.projector),
            classroom: root.classroom,
            frame_stats: RwSignal::new((0.0, 0.0, 0)),
            patient: "a",
            units: RwSignal::new(state.units),
            lang: root.lang,
            lang_switched: root.lang_switched,
            renderings: root.renderings,
        };
        LivePage {
            context,
            patient_b: context.second_patient(root.simulation_b),
            compare: RwSignal::new(state.compare),
            tour: RwSignal::new(state.tour),
            case: RwSignal::new(state.case),
            why_lab: RwSignal::new(state.why_lab),
        }
    }

    /// The page's state now (what the link asked for once, the first page has done).
    pub(crate) fn state(&self) -> PageState {
        PageState {
            tour: self.tour.get_untracked(),
            case: self.case.get_untracked(),
            compare: self.compare.get_untracked(),
            why_lab: self.why_lab.get_untracked(),
            notices: self.context.notices.get_untracked(),
            projector: self.context.projector.get_untracked(),
            units: self.context.units.get_untracked(),
            animation_seconds: self
                .context
                .snapshot
                .with_untracked(|snapshot| snapshot.animation_seconds),
            case_to_open: None,
            lang_to_open: None,
        }
    }
}

impl PageContext {
    /// The page's context (provided by [`App`]).
    pub fn get() -> PageContext {
        use_context::<PageContext>().expect("PageContext is provided by App")
    }

    /// A second patient beside this one (compare mode): its own simulation, snapshot and
    /// history, the page's notices and view settings.
    pub(crate) fn second_patient(
        &self,
        simulation: StoredValue<Simulation, LocalStorage>,
    ) -> PageContext {
        let snapshot = simulation.with_value(|simulation| FrameSnapshot::of(simulation, 0.0));
        PageContext {
            simulation,
            shown_labs: RwSignal::new(snapshot.lab_report()),
            shown: RwSignal::new(snapshot.clone()),
            snapshot: RwSignal::new(snapshot),
            history_version: RwSignal::new(0),
            patient: "b",
            ..*self
        }
    }

    /// The page rendered now (a fetch that ends after a language switch reports to it, not to
    /// the page it started from).
    pub(crate) fn live_page(&self) -> Option<LivePage> {
        live_page(self.renderings)
    }

    /// An element id unique on the page: patient B's ids carry a `b-` prefix (test ids do not:
    /// tests find patient B's controls inside `data-patient="b"`).
    pub fn dom_id(&self, name: &str) -> String {
        if self.patient == "a" {
            name.to_string()
        } else {
            format!("{}-{name}", self.patient)
        }
    }

    /// The colours to draw with now (tracks projector mode).
    pub fn palette(&self) -> Palette {
        if self.projector.get() {
            Palette::PROJECTOR
        } else {
            Palette::STANDARD
        }
    }

    /// The labs shown (see [`PageContext::shown_labs`]; a memo: every reader shares one copy).
    pub fn labs(&self) -> Memo<Labs> {
        let shown = self.shown_labs;
        Memo::new(move |_| shown.with(|(labs, _)| labs.clone()))
    }

    /// The labs shown and [`TREND_DAYS`] before them, for the lab report's values and trends.
    pub fn labs_and_week_ago(&self) -> Memo<(Labs, Labs)> {
        let shown = self.shown_labs;
        Memo::new(move |_| shown.get())
    }

    /// The causal chain of the lab `why` names, for the why-panel: recomputed when the lab, the
    /// quarter-day, the settings, the Hb or the ferritin change (a treatment given today moves
    /// them), not on every frame.
    pub fn why_chain(&self, why: RwSignal<Option<LabKey>>) -> Memo<Option<(LabKey, CausalChain)>> {
        let context = *self;
        let moment = Memo::new(move |_| {
            let lab = why.get()?;
            Some(context.shown.with(|snapshot| {
                (
                    lab,
                    (snapshot.day * 4.0).floor() as i64,
                    snapshot.settings,
                    (snapshot.labs.hb_g_dl * 100.0).round() as i64,
                    snapshot.labs.ferritin_ng_ml.round() as i64,
                )
            }))
        });
        Memo::new(move |_| {
            let (lab, ..) = moment.get()?;
            Some((
                lab,
                context.with_simulation(|simulation| simulation.patient().causal_chain(lab)),
            ))
        })
    }

    /// Reads the simulation.
    pub fn with_simulation<T>(&self, read: impl FnOnce(&Simulation) -> T) -> T {
        self.simulation.with_value(read)
    }

    /// Changes the simulation and publishes the result at once (the same frame).
    pub fn change(&self, change: impl FnOnce(&mut Simulation)) {
        let (charted_before, playing_before) =
            self.with_simulation(|simulation| (simulation.charted(), simulation.playing()));
        self.simulation.update_value(change);
        self.publish();
        self.keep_state();
        // Charts redraw only when what they show changed (a slider drag marks one event a day),
        // and when the clock stops: while playing they redraw in turns, so some are a turn behind.
        let (charted, playing) =
            self.with_simulation(|simulation| (simulation.charted(), simulation.playing()));
        if charted != charted_before || (playing_before && !playing) {
            self.history_version.update(|version| *version += 1);
        }
    }

    /// The share link's query for the page as it stands: the patient and what the student did on
    /// its days, projector mode and units, then the teacher's choices.
    pub fn share_query(&self) -> String {
        let view = LinkView {
            projector: self.projector.get_untracked(),
            units: self.units.get_untracked(),
            lang: self.lang.get_untracked(),
        };
        let mut query = self.with_simulation(|simulation| simulation.share_query(view));
        query.push_str(&self.classroom.with_value(Classroom::query_tail));
        query
    }

    /// Keeps the page's state in the browser as the last good state for crash recovery (the share
    /// link describes patient A only, so patient B's changes keep nothing).
    pub fn keep_state(&self) {
        if self.patient != "a" {
            return;
        }
        let start_again = self.classroom.with_value(Classroom::query_tail);
        super::recovery::keep_state(&self.share_query(), &start_again);
    }

    /// Publishes a snapshot of the simulation as it is now, words and numbers included.
    pub fn publish(&self) {
        let animation_seconds = self
            .snapshot
            .with_untracked(|shown| shown.animation_seconds);
        self.publish_at(animation_seconds, CatchUp::All);
    }

    /// Publishes a snapshot for the frame, and brings the words and numbers that `catch_up` names
    /// up to date (their turn, or the clock stopped).
    pub(crate) fn publish_at(&self, animation_seconds: f64, catch_up: CatchUp) {
        let snapshot = self
            .simulation
            .with_value(|simulation| FrameSnapshot::of(simulation, animation_seconds));
        if matches!(catch_up, CatchUp::Labs | CatchUp::All) {
            self.shown_labs.set(snapshot.lab_report());
        }
        if matches!(catch_up, CatchUp::Words | CatchUp::All) {
            self.shown.set(snapshot.clone());
        }
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
