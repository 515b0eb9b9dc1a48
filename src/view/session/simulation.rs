//! The page's simulation: the patient, the clock controls (play, speed, step, skip, jump, reset) and
//! the daily history the charts and trend arrows read. Pure Rust, outside the reactive graph: the
//! frame loop advances it and publishes a snapshot (style.md, principles 2 and 6).

use crate::charts::{ChartEvent, ChartEventKind};
use crate::model::{Event, Labs, Patient, Scenario, SettingKey, Settings};
use crate::presets::{Preset, DEFAULT_PRESET};

use super::page_link::{share_query, LinkView, PageRequest};
use super::treatment_order::{OrderChoice, Regimen, TreatmentOrder};

/// The speeds offered, simulated days per real second.
pub const SPEEDS_DAYS_PER_SECOND: [f64; 3] = [1.0, 7.0, 30.0];
/// The speed the page starts at.
pub const DEFAULT_SPEED_DAYS_PER_SECOND: f64 = 1.0;
/// What "skip forward" adds, days.
pub const SKIP_DAYS: f64 = 30.0;
/// Daily samples kept for the charts (ten years).
pub const MAX_HISTORY_DAYS: usize = 3650;

/// The simulation behind the page.
#[derive(Clone, Debug)]
pub struct Simulation {
    patient: Patient,
    preset: &'static str,
    playing: bool,
    speed_days_per_second: f64,
    /// One sample per whole simulated day, oldest first.
    history: Vec<Labs>,
    /// What the student did and when, one mark per kind per day (the charts draw them).
    events: Vec<ChartEvent>,
    /// Treatments given so far: each changes the state at once, so the charts redraw.
    treatments_given: usize,
    /// The mystery patient shown instead of a preset, with the patient as they presented (Reset
    /// All returns to it).
    case: Option<(&'static str, Patient)>,
    /// What the student did since the preset opened, in order, for the share link to replay.
    actions: Vec<Action>,
    /// The scenario file opened instead of a preset (Reset All returns to it).
    opened: Option<Scenario>,
}

/// Something the student did, on a day (the model's grid day), that a share link replays.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Action {
    Set {
        day: f64,
        key: SettingKey,
        value: f64,
    },
    Give {
        day: f64,
        choice: OrderChoice,
        dose: f64,
        days: f64,
    },
    Jump {
        day: f64,
    },
}

impl Action {
    pub fn day(&self) -> f64 {
        match *self {
            Action::Set { day, .. } | Action::Give { day, .. } | Action::Jump { day } => day,
        }
    }
}

/// The order a `Give` action stands for: the menu choice's usual order with the dose and, where
/// the form asks for it, the course length given.
pub fn order_of(choice: OrderChoice, dose: f64, days: f64) -> TreatmentOrder {
    let mut order = choice.usual();
    order.dose = dose;
    if choice.asks_days() {
        order.days = days;
    }
    order
}

impl Simulation {
    /// Opens a preset (the default one if `None`), condition developed, at day 0, playing.
    pub fn open_preset(id: Option<&str>) -> Simulation {
        let preset = id
            .and_then(Preset::find)
            .or_else(|| Preset::find(DEFAULT_PRESET))
            .expect("the default preset exists");
        let patient = preset.patient();
        let mut simulation = Simulation {
            patient,
            preset: preset.id,
            playing: true,
            speed_days_per_second: DEFAULT_SPEED_DAYS_PER_SECOND,
            history: Vec::new(),
            events: Vec::new(),
            treatments_given: 0,
            case: None,
            actions: Vec::new(),
            opened: None,
        };
        simulation.history.push(simulation.patient.labs());
        simulation
    }

    /// Opens a mystery patient as they present, paused, keeping the speed.
    pub fn load_case(&mut self, id: &'static str, patient: Patient) {
        let speed = self.speed_days_per_second;
        *self = Simulation::open_preset(None);
        self.speed_days_per_second = speed;
        self.playing = false;
        self.patient = patient.clone();
        self.history = vec![self.patient.labs()];
        self.case = Some((id, patient));
    }

    /// Opens a scenario file's patient at day 0 with its events scheduled, as `marrow-sim` runs
    /// it (`Scenario::patient`, then day by day), paused, keeping the speed and the preset shown.
    pub fn load_scenario(&mut self, scenario: Scenario) {
        let speed = self.speed_days_per_second;
        let preset = self.preset;
        *self = Simulation::open_preset(Some(preset));
        self.speed_days_per_second = speed;
        self.playing = false;
        self.patient = scenario.patient();
        self.history = vec![self.patient.labs()];
        self.opened = Some(scenario);
    }

    /// The scenario file opened, if the patient came from one.
    pub fn opened(&self) -> Option<&Scenario> {
        self.opened.as_ref()
    }

    /// The scenario this patient began as at day 0: the opened file's, else the preset's; none
    /// for a mystery case (its file would give the diagnosis away).
    pub fn start_scenario(&self) -> Option<Scenario> {
        if self.case.is_some() {
            return None;
        }
        match &self.opened {
            Some(scenario) => Some(scenario.clone()),
            None => Preset::find(self.preset).and_then(|preset| preset.scenario().ok()),
        }
    }

    /// The mystery patient's id, if one is open.
    pub fn case(&self) -> Option<&'static str> {
        self.case.as_ref().map(|(id, _)| *id)
    }

    /// Opens what a share link asks for: the preset, its settings changed at day 0, then `day` days
    /// simulated.
    pub fn open(request: &PageRequest) -> Simulation {
        let mut simulation = Simulation::open_preset(request.preset);
        for &(key, value) in &request.settings {
            simulation.set_setting(key, value);
        }
        simulation.replay(&request.actions);
        simulation.advance_days(request.day - simulation.day());
        // A shared state opens as it was shared: the student presses play.
        if request.day > 0.0 || !request.actions.is_empty() {
            simulation.playing = false;
        }
        simulation
    }

    pub fn patient(&self) -> &Patient {
        &self.patient
    }
    pub fn preset(&self) -> &'static str {
        self.preset
    }
    pub fn settings(&self) -> Settings {
        self.patient.settings
    }
    pub fn day(&self) -> f64 {
        self.patient.day()
    }
    pub fn playing(&self) -> bool {
        self.playing
    }
    pub fn speed_days_per_second(&self) -> f64 {
        self.speed_days_per_second
    }
    pub fn history(&self) -> &[Labs] {
        &self.history
    }
    /// The marked days, in the order they were marked.
    pub fn events(&self) -> &[ChartEvent] {
        &self.events
    }

    /// What the charts show, in brief: it changes whenever a chart would look different.
    pub fn charted(&self) -> (&'static str, usize, f64, usize, usize) {
        (
            self.preset,
            self.history.len(),
            self.history.last().map_or(0.0, |labs| labs.day),
            self.events.len(),
            self.treatments_given,
        )
    }

    pub fn set_playing(&mut self, playing: bool) {
        self.playing = playing;
    }

    pub fn toggle_playing(&mut self) {
        self.playing = !self.playing;
    }

    /// Sets the speed if it is one of [`SPEEDS_DAYS_PER_SECOND`]; other values are ignored.
    pub fn set_speed(&mut self, days_per_second: f64) {
        if SPEEDS_DAYS_PER_SECOND.contains(&days_per_second) {
            self.speed_days_per_second = days_per_second;
        }
    }

    /// Advances by a frame's real time if playing. Returns whether the day moved.
    pub fn advance_real_time(&mut self, real_seconds: f64) -> bool {
        if !self.playing || real_seconds <= 0.0 {
            return false;
        }
        let before = self.patient.day();
        self.advance_days(real_seconds * self.speed_days_per_second);
        self.patient.day() != before
    }

    /// Advances by `days`, recording a history sample at every whole day passed.
    pub fn advance_days(&mut self, days: f64) {
        if days.is_nan() || days <= 0.0 || !days.is_finite() {
            return;
        }
        let target = self.patient.day() + days;
        let mut next_whole_day = self.patient.day().floor() + 1.0;
        while next_whole_day <= target + 1e-9 {
            self.patient.advance_to(next_whole_day);
            self.record();
            next_whole_day += 1.0;
        }
        // What is left of a day is stepped (carried inside the model until a whole step).
        let rest = target - self.patient.day();
        if rest > 0.0 {
            self.patient.step(rest);
        }
    }

    /// One day on, whether playing or not.
    pub fn step_day(&mut self) {
        self.advance_days(1.0);
    }

    /// [`SKIP_DAYS`] on at once.
    pub fn skip_forward(&mut self) {
        self.advance_days(SKIP_DAYS);
    }

    /// Jumps to the long-run state of the current settings (the day count stays).
    pub fn jump_to_settled(&mut self) {
        self.actions.push(Action::Jump {
            day: self.patient.day(),
        });
        self.patient.jump_to_settled();
        self.mark_event(ChartEventKind::Jump);
        self.record();
    }

    /// Changes a setting from now on; out-of-range values are refused (the sliders cannot make
    /// them, a share link is checked before).
    pub fn set_setting(&mut self, key: SettingKey, value: f64) -> bool {
        if key.check(value).is_err() || self.patient.settings.get(key) == value {
            return false;
        }
        let day = self.patient.day();
        self.patient.apply(&Event::set(day, vec![(key, value)]));
        self.mark_event(ChartEventKind::SettingChange);
        // A slider dragged within one step is one action: its last value.
        match self.actions.last_mut() {
            Some(Action::Set {
                day: last_day,
                key: last_key,
                value: last_value,
            }) if *last_day == day && *last_key == key => *last_value = value,
            _ => self.actions.push(Action::Set { day, key, value }),
        }
        true
    }

    /// What the student did since the preset opened, in order.
    pub fn actions(&self) -> &[Action] {
        &self.actions
    }

    /// Replays `actions` (from a share link) from where the patient stands: each on its day.
    pub fn replay(&mut self, actions: &[Action]) {
        for action in actions {
            self.advance_days(action.day() - self.day());
            match *action {
                Action::Set { key, value, .. } => {
                    self.set_setting(key, value);
                }
                Action::Give {
                    choice, dose, days, ..
                } => self.give(&order_of(choice, dose, days)),
                Action::Jump { .. } => self.jump_to_settled(),
            }
        }
    }

    /// Gives a checked order now: what is due today is applied at once (courses the model runs
    /// start today); the later doses of a regimen are scheduled on the patient and given as their
    /// days come. The charts mark today. Reset All and opening a preset drop what is scheduled.
    pub fn give(&mut self, order: &TreatmentOrder) {
        let day = self.patient.day();
        let choice = match order.regimen {
            Regimen::B12Replacement => OrderChoice::B12Course,
            Regimen::AsGiven => OrderChoice::Treatment(order.treatment),
        };
        self.actions.push(Action::Give {
            day,
            choice,
            dose: order.dose,
            days: order.days,
        });
        let (now, later): (Vec<Event>, Vec<Event>) = order
            .events(day)
            .into_iter()
            .partition(|event| event.day <= day + 1e-9);
        for event in &now {
            self.patient.apply(event);
        }
        self.patient.schedule(later);
        self.treatments_given += 1;
        self.mark_event(ChartEventKind::Treatment);
    }

    /// Opens another preset at day 0, keeping the speed.
    pub fn load_preset(&mut self, id: &str) {
        let speed = self.speed_days_per_second;
        let playing = self.playing;
        *self = Simulation::open_preset(Some(id));
        self.speed_days_per_second = speed;
        self.playing = playing;
    }

    /// Reset All: the current preset at day 0, playing at the default speed, history cleared.
    pub fn reset_all(&mut self) {
        match self.case.take() {
            Some((id, patient)) => {
                *self = Simulation::open_preset(None);
                self.load_case(id, patient);
            }
            None => match self.opened.take() {
                Some(scenario) => {
                    self.load_scenario(scenario);
                    self.playing = true;
                    self.speed_days_per_second = DEFAULT_SPEED_DAYS_PER_SECOND;
                }
                None => *self = Simulation::open_preset(Some(self.preset)),
            },
        }
    }

    /// The labs `days` before now (the oldest kept if the history is shorter).
    pub fn labs_days_ago(&self, days: f64) -> &Labs {
        let wanted = self.day() - days;
        self.history
            .iter()
            .rev()
            .find(|labs| labs.day <= wanted + 1e-9)
            .or_else(|| self.history.first())
            .expect("the history always holds day 0")
    }

    /// The share link's query for the current state, shown as `view` says.
    pub fn share_query(&self, view: LinkView) -> String {
        if let Some(id) = self.case() {
            return format!("?case={id}{}", view.query_tail());
        }
        share_query(self.preset, &self.actions, self.day(), view)
    }

    fn record(&mut self) {
        self.history.push(self.patient.labs());
        if self.history.len() > MAX_HISTORY_DAYS {
            let excess = self.history.len() - MAX_HISTORY_DAYS;
            self.history.drain(..excess);
        }
    }

    /// Marks today for `kind` (once per kind a day, however long a slider is dragged).
    fn mark_event(&mut self, kind: ChartEventKind) {
        let event = ChartEvent {
            day: self.day().floor(),
            kind,
        };
        if !self
            .events
            .iter()
            .rev()
            .take_while(|marked| marked.day == event.day)
            .any(|marked| *marked == event)
        {
            self.events.push(event);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strings::ENGLISH;
    use crate::view::session::page_link::parse_query;
    use ChartEventKind::{Jump, SettingChange, Treatment};

    /// The marks the charts draw, as (day, kind).
    fn marks(simulation: &Simulation) -> Vec<(f64, ChartEventKind)> {
        simulation
            .events()
            .iter()
            .map(|event| (event.day, event.kind))
            .collect()
    }

    #[test]
    fn playing_advances_by_real_time_times_speed_and_records_each_day() {
        let mut simulation = Simulation::open_preset(None);
        simulation.set_speed(30.0);
        for _ in 0..60 {
            simulation.advance_real_time(1.0 / 60.0);
        }
        assert!(
            (simulation.day() - 30.0).abs() < 0.26,
            "{}",
            simulation.day()
        );
        assert_eq!(simulation.history().len(), 31);
        assert_eq!(simulation.history()[30].day, 30.0);
        simulation.set_playing(false);
        assert!(!simulation.advance_real_time(1.0));
        simulation.step_day();
        simulation.skip_forward();
        assert!((simulation.day() - 61.0).abs() < 0.26);
        simulation.set_speed(12.0);
        assert_eq!(
            simulation.speed_days_per_second(),
            30.0,
            "only offered speeds"
        );
    }

    #[test]
    fn a_link_opens_the_preset_with_its_changes_at_the_asked_day() {
        let (request, _) = parse_query("preset=ckd&il6_pg_per_ml=20&day=45", &ENGLISH);
        let simulation = Simulation::open(&request);
        assert_eq!(simulation.preset(), "ckd");
        assert_eq!(simulation.settings().il6_pg_per_ml, 20.0);
        assert_eq!(simulation.day(), 45.0);
        assert_eq!(marks(&simulation), [(0.0, SettingChange)]);
        assert_eq!(
            simulation.share_query(LinkView::default()),
            "?preset=ckd&il6_pg_per_ml=20&day=45"
        );
    }

    #[test]
    fn reset_all_returns_to_the_preset_at_day_0() {
        let mut simulation = Simulation::open_preset(Some("iron_deficiency"));
        let fresh = simulation.patient().labs();
        simulation.set_setting(SettingKey::IronIntake, 40.0);
        simulation.set_speed(7.0);
        simulation.set_playing(false);
        simulation.advance_days(100.0);
        simulation.reset_all();
        assert_eq!(simulation.day(), 0.0);
        assert_eq!(simulation.patient().labs(), fresh);
        assert!(simulation.playing());
        assert_eq!(
            simulation.speed_days_per_second(),
            DEFAULT_SPEED_DAYS_PER_SECOND
        );
        assert_eq!(simulation.history().len(), 1);
        assert!(simulation.events().is_empty());
    }

    #[test]
    fn jumping_to_the_long_run_shows_the_condition_developed() {
        let mut simulation = Simulation::open_preset(None);
        simulation.set_setting(SettingKey::IntrinsicFactor, 0.0);
        simulation.advance_days(10.0);
        assert!(simulation.patient().labs().mcv_fl < 96.0, "not yet");
        simulation.jump_to_settled();
        assert!(simulation.patient().labs().mcv_fl > 100.0);
        assert_eq!(simulation.day(), 10.0);
        assert_eq!(marks(&simulation), [(0.0, SettingChange), (10.0, Jump)]);
    }

    #[test]
    fn the_charts_fingerprint_changes_once_per_dragged_day() {
        let mut simulation = Simulation::open_preset(None);
        let start = simulation.charted();
        simulation.set_setting(SettingKey::IronIntake, 10.0);
        let dragged = simulation.charted();
        assert_ne!(dragged, start);
        simulation.set_setting(SettingKey::IronIntake, 9.0);
        simulation.set_speed(7.0);
        assert_eq!(simulation.charted(), dragged);
        simulation.step_day();
        assert_ne!(simulation.charted(), dragged);
        assert_eq!(
            marks(&simulation),
            [(0.0, SettingChange)],
            "one mark for the drag"
        );
    }

    #[test]
    fn each_kind_is_marked_once_a_day_and_every_treatment_redraws() {
        let mut simulation = Simulation::open_preset(Some("iron_deficiency"));
        let transfusion = crate::view::session::treatment_order::usual_order(
            crate::model::Treatment::Transfusion,
        );
        simulation.advance_days(3.5);
        simulation.set_setting(SettingKey::IronIntake, 30.0);
        simulation.give(&transfusion);
        let once = simulation.charted();
        // A second unit the same day changes the blood at once: no new mark, but a redraw.
        simulation.give(&transfusion);
        assert_ne!(simulation.charted(), once);
        simulation.set_setting(SettingKey::IronIntake, 20.0);
        simulation.jump_to_settled();
        simulation.step_day();
        simulation.give(&transfusion);
        assert_eq!(
            marks(&simulation),
            [
                (3.0, SettingChange),
                (3.0, Treatment),
                (3.0, Jump),
                (4.0, Treatment)
            ]
        );
    }

    #[test]
    fn a_b12_injection_given_from_the_page_refills_the_stores() {
        let mut simulation = Simulation::open_preset(Some("b12_deficiency"));
        let before = simulation.patient().labs().b12_stores_ug;
        simulation.give(&crate::view::session::treatment_order::usual_order(
            crate::model::Treatment::B12Injection,
        ));
        simulation.advance_days(3.0);
        assert!(simulation.patient().labs().b12_stores_ug > before + 100.0);
        assert_eq!(marks(&simulation), [(0.0, Treatment)]);
        // A course runs on: oral iron keeps being absorbed for its days.
        let mut simulation = Simulation::open_preset(Some("iron_deficiency"));
        simulation.give(&crate::view::session::treatment_order::usual_order(
            crate::model::Treatment::OralIron,
        ));
        simulation.advance_days(30.0);
        assert!(simulation.patient().labs().iron_absorbed_mg_total > 200.0);
    }

    #[test]
    fn the_b12_course_gives_its_later_doses_by_itself_and_reset_all_cancels_them() {
        use crate::view::session::treatment_order::OrderChoice;
        let mut simulation = Simulation::open_preset(Some("b12_deficiency"));
        let untreated = simulation.patient().labs().b12_stores_ug;
        simulation.give(&OrderChoice::B12Course.usual());
        simulation.advance_days(1.0);
        let after_first = simulation.patient().labs().b12_stores_ug;
        // Six more loading doses, 15 % of each 1 mg retained.
        simulation.advance_days(13.0);
        let after_loading = simulation.patient().labs().b12_stores_ug;
        assert!(
            after_loading > after_first + 600.0,
            "{after_first:.0} → {after_loading:.0}"
        );
        assert_eq!(
            simulation.events(),
            &[ChartEvent {
                day: 0.0,
                kind: ChartEventKind::Treatment
            }],
            "one order, one mark"
        );
        simulation.reset_all();
        simulation.advance_days(200.0);
        assert!(simulation.patient().labs().b12_stores_ug <= untreated + 1.0);
    }

    #[test]
    fn the_trend_compares_with_a_week_ago() {
        let mut simulation = Simulation::open_preset(None);
        simulation.advance_days(20.0);
        assert_eq!(simulation.labs_days_ago(7.0).day, 13.0);
        assert_eq!(simulation.labs_days_ago(100.0).day, 0.0);
    }

    #[test]
    fn a_share_link_rebuilds_the_same_patient_with_what_was_done_on_its_days() {
        let mut original = Simulation::open_preset(Some("inflammation"));
        // Played in uneven frames, as the page does.
        for _ in 0..37 {
            original.advance_real_time(0.016 * 7.0);
        }
        original.set_setting(SettingKey::IronIntake, 4.0);
        original.set_setting(SettingKey::IronIntake, 5.0);
        for _ in 0..51 {
            original.advance_real_time(0.023 * 7.0);
        }
        original.give(&OrderChoice::Treatment(crate::model::Treatment::IvIron).usual());
        original.advance_days(13.3);
        original.give(&OrderChoice::B12Course.usual());
        original.set_setting(SettingKey::Il6, 3.0);
        original.advance_days(20.0);
        original.jump_to_settled();
        original.advance_days(original.day().ceil() + 41.0 - original.day());
        assert_eq!(original.day().fract(), 0.0);
        let query = original.share_query(LinkView::default());
        assert!(query.len() < 2000, "{}", query.len());
        let (request, notices) = parse_query(&query, &ENGLISH);
        assert!(notices.is_empty(), "{notices:?}");
        let reopened = Simulation::open(&request);
        assert_eq!(reopened.day(), original.day(), "{query}");
        assert_eq!(
            reopened.patient().labs(),
            original.patient().labs(),
            "{query}"
        );
    }
}
