//! The page's query parameters (contract section 4): reading a share link into a request with a
//! notice for every part that was ignored, and writing the link for the current state.

use crate::model::SettingKey;
use crate::names::OrderChoice;

use super::classroom::Classroom;
use super::simulation::Action;
use crate::presets::Preset;
use crate::strings::{fill, Lang, Strings};
use crate::view::units::Units;

/// The longest `day=` a link may ask for (ten years, simulated at load).
pub const MAX_LINK_DAY: u32 = 3650;

/// What a link asks the page to show.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageRequest {
    /// Preset id, if the link named a valid one.
    pub preset: Option<&'static str>,
    /// Settings to apply over the preset's, in the link's order.
    pub settings: Vec<(SettingKey, f64)>,
    /// Days to simulate before showing the page.
    pub day: f64,
    /// `mode=projector`: larger type and stronger contrast.
    pub projector: bool,
    /// `tour=ID` and `step=N` (1-based): a guided tour opened at that step.
    pub tour: Option<&'static str>,
    pub step: u32,
    /// `compare=1`: a second patient beside the first.
    pub compare: bool,
    /// `case=ID`: a mystery patient.
    pub case: Option<&'static str>,
    /// `log=…`: what the student did, replayed on its days (settings moved, treatments given,
    /// jumps), so the link rebuilds the same patient.
    pub actions: Vec<Action>,
    /// `units=conventional|si`: the units labs are printed in.
    pub units: Units,
    /// `lang=en|es`: the page's language.
    pub lang: Lang,
    /// A teacher's choices: `embed=`, `lock=`, `hide=`, `speed=`, `charts=`.
    pub classroom: Classroom,
}

/// Writes actions as `DAY:s:KEY:VALUE`, `DAY:g:ORDER:DOSE:DAYS` or `DAY:j`, joined by `~`.
pub fn encode_actions(actions: &[Action]) -> String {
    actions
        .iter()
        .map(|action| match *action {
            Action::Set { day, key, value } => format!("{day}:s:{}:{value}", key.key()),
            Action::Give {
                day,
                choice,
                dose,
                days,
            } => format!("{day}:g:{}:{dose}:{days}", choice.key()),
            Action::Jump { day } => format!("{day}:j"),
        })
        .collect::<Vec<_>>()
        .join("~")
}

/// Reads what [`encode_actions`] wrote; each action that cannot be used is left out and named.
pub fn decode_actions(text: &str) -> (Vec<Action>, Vec<String>) {
    let mut actions = Vec::new();
    let mut bad = Vec::new();
    let mut last_day = 0.0;
    for item in text.split('~').filter(|item| !item.is_empty()) {
        let fields: Vec<&str> = item.split(':').collect();
        let number = |index: usize| {
            fields
                .get(index)
                .and_then(|field| field.parse::<f64>().ok())
        };
        let day = number(0)
            .filter(|day| day.is_finite() && (last_day..=f64::from(MAX_LINK_DAY)).contains(day));
        let action = match (day, fields.get(1).copied()) {
            (Some(day), Some("s")) if fields.len() == 4 => fields
                .get(2)
                .and_then(|key| SettingKey::from_key(key))
                .zip(number(3))
                .filter(|(key, value)| key.check(*value).is_ok())
                .map(|(key, value)| Action::Set { day, key, value }),
            (Some(day), Some("g")) if fields.len() == 5 => fields
                .get(2)
                .and_then(|key| OrderChoice::from_key(key))
                .zip(number(3).zip(number(4)))
                .filter(|(choice, (dose, days))| {
                    let treatment = choice.treatment();
                    (0.0..=treatment.max_dose()).contains(dose)
                        && (1.0..=crate::model::scenario::MAX_COURSE_DAYS).contains(days)
                })
                .map(|(choice, (dose, days))| Action::Give {
                    day,
                    choice,
                    dose,
                    days,
                }),
            (Some(day), Some("j")) if fields.len() == 2 => Some(Action::Jump { day }),
            _ => None,
        };
        match action {
            Some(action) => {
                last_day = action.day();
                actions.push(action);
            }
            None => bad.push(shown(item)),
        }
    }
    (actions, bad)
}

/// Decodes `%XX` escapes and `+` of a query component; invalid escapes are kept as written.
fn decode(component: &str) -> String {
    let bytes = component.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'+' => decoded.push(b' '),
            b'%' if index + 2 < bytes.len() => {
                let hex = |byte: u8| (byte as char).to_digit(16);
                match (hex(bytes[index + 1]), hex(bytes[index + 2])) {
                    (Some(high), Some(low)) => {
                        decoded.push((high * 16 + low) as u8);
                        index += 2;
                    }
                    _ => decoded.push(b'%'),
                }
            }
            byte => decoded.push(byte),
        }
        index += 1;
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

/// Keeps a notice short and printable, whatever the link held.
fn shown(value: &str) -> String {
    let cleaned: String = value.chars().filter(|c| !c.is_control()).take(40).collect();
    if value.chars().count() > 40 {
        format!("{cleaned}…")
    } else {
        cleaned
    }
}

/// Reads a query string (with or without its leading `?`). Never fails: whatever cannot be used
/// is left out and explained in a notice.
pub fn parse_query(query: &str, strings: &Strings) -> (PageRequest, Vec<String>) {
    let mut request = PageRequest::default();
    let mut notices = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let (name, value) = (decode(name), decode(value));
        if let Some(key) = SettingKey::from_key(&name) {
            let spec = key.spec();
            match value
                .trim()
                .parse::<f64>()
                .ok()
                .map(|number| key.check(number))
            {
                Some(Ok(number)) => request.settings.push((key, number)),
                _ => notices.push(fill(
                    strings.notice_bad_setting,
                    &[
                        ("parameter", &name),
                        ("value", &shown(&value)),
                        (
                            "range",
                            &fill(
                                strings.value_range(),
                                &[
                                    ("low", &spec.min.to_string()),
                                    ("high", &spec.max.to_string()),
                                    ("unit", strings.unit(spec.unit)),
                                ],
                            ),
                        ),
                    ],
                )),
            }
            continue;
        }
        match name.as_str() {
            "preset" => match Preset::find(&value) {
                Some(preset) => request.preset = Some(preset.id),
                None => notices.push(fill(
                    strings.notice_bad_preset,
                    &[("value", &shown(&value)), ("choices", &Preset::ids())],
                )),
            },
            // Whole days, or the quarter days of the model's grid that a shared state can be on.
            "day" => match value.trim().parse::<f64>() {
                Ok(day) if (0.0..=f64::from(MAX_LINK_DAY)).contains(&day) => request.day = day,
                _ => notices.push(fill(
                    strings.notice_bad_day,
                    &[
                        ("value", &shown(&value)),
                        ("max", &MAX_LINK_DAY.to_string()),
                    ],
                )),
            },
            "tour" => match crate::teaching::tours::find(&value) {
                Some(tour) => request.tour = Some(tour.id),
                None => notices.push(bad_choice(
                    strings,
                    "tour",
                    &value,
                    &crate::teaching::tours::ids(),
                )),
            },
            "log" => {
                let (actions, bad) = decode_actions(&value);
                request.actions = actions;
                for item in bad {
                    notices.push(fill(strings.notice_bad_action, &[("value", &item)]));
                }
            }
            "case" => match crate::teaching::cases::find(&value) {
                Some(case) => request.case = Some(case.id),
                None => notices.push(bad_choice(
                    strings,
                    "case",
                    &value,
                    &crate::teaching::cases::ids(),
                )),
            },
            "step" => match value.trim().parse::<u32>() {
                Ok(step) if (1..=99).contains(&step) => request.step = step,
                _ => {
                    let range = fill(
                        strings.value_range(),
                        &[("low", "1"), ("high", "99"), ("unit", "")],
                    );
                    notices.push(bad_choice(strings, "step", &value, range.trim_end()))
                }
            },
            "compare" => match value.as_str() {
                "1" => request.compare = true,
                "0" => request.compare = false,
                _ => notices.push(bad_choice(strings, "compare", &value, "0, 1")),
            },
            "mode" => match value.as_str() {
                "projector" => request.projector = true,
                _ => notices.push(bad_choice(strings, "mode", &value, "projector")),
            },
            "units" => match Units::from_id(&value) {
                Some(units) => request.units = units,
                None => notices.push(bad_choice(strings, "units", &value, &Units::ids())),
            },
            "lang" => match Lang::from_id(&value) {
                Some(lang) => request.lang = lang,
                None => notices.push(bad_choice(strings, "lang", &value, &Lang::ids())),
            },
            _ => match request.classroom.read(&name, &value) {
                Some((bad, choices)) => {
                    let choices = if name == "charts" {
                        fill(
                            strings.chart_choices(),
                            &[("max", &super::classroom::MAX_CHARTS.to_string())],
                        )
                    } else {
                        choices
                    };
                    for item in bad {
                        notices.push(bad_choice(strings, &name, &item, &choices));
                    }
                }
                None => notices.push(fill(
                    strings.notice_unknown_parameter,
                    &[("parameter", &shown(&name))],
                )),
            },
        }
    }
    (request, notices)
}

/// The notice for a value that is not among a parameter's allowed `choices`.
fn bad_choice(strings: &Strings, parameter: &str, value: &str, choices: &str) -> String {
    fill(
        strings.notice_bad_choice,
        &[
            ("parameter", parameter),
            ("value", &shown(value)),
            ("choices", choices),
        ],
    )
}

/// How the page is shown, beside the patient: carried by a share link as it stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LinkView {
    /// `mode=projector`.
    pub projector: bool,
    /// `units=si` (conventional units, the default, are left out).
    pub units: Units,
    /// `lang=es` (English, the default, is left out).
    pub lang: Lang,
}

impl LinkView {
    /// The link parameters of this view (`&mode=projector&units=si`), each after a `&`.
    pub fn query_tail(&self) -> String {
        let mut tail = String::new();
        if self.projector {
            tail.push_str("&mode=projector");
        }
        if self.units != Units::default() {
            tail.push_str("&units=");
            tail.push_str(self.units.id());
        }
        if self.lang != Lang::default() {
            tail.push_str("&lang=");
            tail.push_str(self.lang.id());
        }
        tail
    }
}

/// The query string for the current state: the preset, what the student did (settings moved,
/// treatments given, jumps, each on its day), the whole day, then projector mode and SI units.
pub fn share_query(preset: &str, actions: &[Action], day: f64, view: LinkView) -> String {
    let mut parts = vec![format!("preset={preset}")];
    // Settings moved before the clock started read as plain setting parameters; the rest, on
    // their days, as the log.
    let at_start = actions
        .iter()
        .take_while(|action| matches!(action, Action::Set { day, .. } if *day == 0.0))
        .count();
    let mut start_settings: Vec<(SettingKey, f64)> = Vec::new();
    for action in &actions[..at_start] {
        if let Action::Set { key, value, .. } = *action {
            start_settings.retain(|(kept, _)| *kept != key);
            start_settings.push((key, value));
        }
    }
    for (key, value) in start_settings {
        parts.push(format!("{}={value}", key.key()));
    }
    if at_start < actions.len() {
        parts.push(format!("log={}", encode_actions(&actions[at_start..])));
    }
    let day = day.clamp(0.0, f64::from(MAX_LINK_DAY));
    if day > 0.0 {
        parts.push(format!("day={day}"));
    }
    format!("?{}{}", parts.join("&"), view.query_tail())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strings::ENGLISH;

    #[test]
    fn a_good_link_is_read_without_notices() {
        let (request, notices) = parse_query(
            "?preset=ckd&il6_pg_per_ml=40&egfr_ml_per_min=12.5&day=90&mode=projector&lang=en&units=conventional",
            &ENGLISH,
        );
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(request.preset, Some("ckd"));
        assert_eq!(
            request.settings,
            vec![(SettingKey::Il6, 40.0), (SettingKey::Egfr, 12.5)]
        );
        assert_eq!(request.day, 90.0);
        assert!(request.projector);
    }

    #[test]
    fn every_bad_part_is_ignored_with_a_notice_that_names_it() {
        let (request, notices) = parse_query(
            "preset=vampire&iron_intake_mg_per_day=400&folate_intake_ug_per_day=lots&day=-3&colour=red&mode=cinema&lang=fr&%ZZ=1&b12_intake_ug_per_day=NaN",
            &ENGLISH,
        );
        assert_eq!(request, PageRequest::default());
        assert_eq!(notices.len(), 9, "{notices:#?}");
        for expected in [
            "preset=vampire",
            "iron_intake_mg_per_day=400",
            "0 to 40 mg/day",
            "folate_intake_ug_per_day=lots",
            "day=-3",
            "“colour”",
            "mode=cinema",
            "lang=fr",
            "b12_intake_ug_per_day=NaN",
        ] {
            assert!(
                notices.iter().any(|notice| notice.contains(expected)),
                "no notice mentions {expected}: {notices:#?}"
            );
        }
    }

    #[test]
    fn the_language_is_read_from_a_link_and_written_into_one_when_not_english() {
        let (request, notices) = parse_query("?preset=healthy&lang=es", &ENGLISH);
        assert_eq!((request.lang, notices.len()), (Lang::Es, 0));
        let (request, notices) = parse_query("lang=fr", &ENGLISH);
        assert_eq!(request.lang, Lang::En);
        assert!(
            notices[0].contains("lang=fr") && notices[0].contains("en, es"),
            "{notices:?}"
        );
        let view = LinkView {
            lang: Lang::Es,
            ..LinkView::default()
        };
        assert_eq!(view.query_tail(), "&lang=es");
        assert_eq!(LinkView::default().query_tail(), "");
    }

    #[test]
    fn escapes_are_decoded_and_hostile_values_are_shortened() {
        let (request, _) = parse_query("preset=iron%5Fdeficiency", &ENGLISH);
        assert_eq!(request.preset, Some("iron_deficiency"));
        let long = "x".repeat(5000);
        let (_, notices) = parse_query(&format!("preset={long}"), &ENGLISH);
        assert!(notices[0].len() < 300);
        // A truncated escape, or one cut through a multi-byte character, is kept as written.
        for query in ["preset=%E", "preset=%é9", "%"] {
            let (_, notices) = parse_query(query, &ENGLISH);
            assert_eq!(notices.len(), 1, "{query}");
        }
    }

    #[test]
    fn the_share_link_round_trips_what_the_student_did() {
        let actions = vec![
            Action::Set {
                day: 0.0,
                key: SettingKey::IronIntake,
                value: 3.5,
            },
            Action::Give {
                day: 12.25,
                choice: OrderChoice::Treatment(crate::model::Treatment::OralIron),
                dose: 100.0,
                days: 90.0,
            },
            Action::Give {
                day: 30.0,
                choice: OrderChoice::B12Course,
                dose: 1000.0,
                days: 14.0,
            },
            Action::Jump { day: 40.5 },
        ];
        let query = share_query("inflammation", &actions, 42.7, LinkView::default());
        assert_eq!(
            query,
            "?preset=inflammation&iron_intake_mg_per_day=3.5&log=12.25:g:oral_iron:100:90~30:g:b12_course:1000:14~40.5:j&day=42.7"
        );
        let (request, notices) = parse_query(&query, &ENGLISH);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(request.preset, Some("inflammation"));
        assert_eq!(request.settings, vec![(SettingKey::IronIntake, 3.5)]);
        assert_eq!(request.actions, actions[1..]);
        assert_eq!(request.day, 42.7);
    }

    #[test]
    fn a_bad_step_of_the_log_is_named_and_the_rest_kept() {
        let (actions, bad) =
            decode_actions("1:s:il6_pg_per_ml:30~2:s:il6_pg_per_ml:9999~3:g:magic:1:1~0.5:j~4:j~x");
        assert_eq!(
            actions,
            vec![
                Action::Set {
                    day: 1.0,
                    key: SettingKey::Il6,
                    value: 30.0
                },
                Action::Jump { day: 4.0 }
            ]
        );
        // Out of range, an unknown order, a day going backwards, and nonsense.
        assert_eq!(bad.len(), 4, "{bad:?}");
    }

    #[test]
    fn classroom_parameters_are_read_and_bad_items_named() {
        use crate::model::LabKey;
        use crate::view::session::classroom::HiddenPanel;
        let (request, notices) = parse_query(
            "?preset=ckd&lock=iron_intake_mg_per_day,bogus&hide=egfr_ml_per_min,stain,nope&speed=7&charts=hb_g_dl,mcv_fl,zzz&embed=1",
            &ENGLISH,
        );
        let classroom = &request.classroom;
        assert_eq!(request.preset, Some("ckd"));
        assert!(classroom.embed);
        assert_eq!(classroom.locked, vec![SettingKey::IronIntake]);
        assert_eq!(classroom.hidden, vec![SettingKey::Egfr]);
        assert_eq!(classroom.hidden_panels, vec![HiddenPanel::Stain]);
        assert_eq!(classroom.speed_days_per_second, Some(7.0));
        assert_eq!(
            classroom.charts,
            Some(vec![LabKey::Hemoglobin, LabKey::Mcv])
        );
        assert_eq!(notices.len(), 3, "{notices:#?}");
        for expected in ["lock=bogus", "hide=nope", "charts=zzz"] {
            assert!(
                notices.iter().any(|notice| notice.contains(expected)),
                "no notice mentions {expected}: {notices:#?}"
            );
        }
    }

    #[test]
    fn bad_speed_embed_and_too_many_charts_are_named() {
        let (request, notices) = parse_query(
            "speed=5&embed=yes&charts=hb_g_dl,mcv_fl,ferritin_ng_ml,retic_percent,hb_g_dl,mch_pg,rdw_percent,hct_percent,tsat_percent",
            &ENGLISH,
        );
        assert_eq!(request.classroom.speed_days_per_second, None);
        assert!(!request.classroom.embed);
        assert_eq!(request.classroom.charts.as_ref().map(Vec::len), Some(6));
        assert!(notices.iter().any(|notice| notice.contains("speed=5")));
        assert!(notices.iter().any(|notice| notice.contains("embed=yes")));
        // The repeated key, and what comes after the sixth.
        assert!(
            notices
                .iter()
                .any(|notice| notice.contains("charts=hb_g_dl")),
            "{notices:#?}"
        );
    }

    #[test]
    fn the_teacher_link_reads_back_as_chosen() {
        use crate::model::LabKey;
        use crate::view::session::classroom::{teacher_query, ClassStart, Classroom, HiddenPanel};
        let classroom = Classroom {
            embed: true,
            locked: vec![SettingKey::Il6],
            hidden: vec![SettingKey::Egfr, SettingKey::IronIntake],
            hidden_panels: vec![HiddenPanel::About],
            speed_days_per_second: Some(30.0),
            charts: Some(vec![LabKey::Ferritin]),
        };
        for start in [
            ClassStart::Preset("myeloma"),
            ClassStart::Tour("iron_heist"),
            ClassStart::Case(crate::teaching::cases::CASES[0].id),
        ] {
            let query = teacher_query(start, &classroom, true);
            let (request, notices) = parse_query(&query, &ENGLISH);
            assert!(notices.is_empty(), "{query}: {notices:?}");
            assert_eq!(request.classroom, classroom, "{query}");
            assert!(request.projector);
            let started = match start {
                ClassStart::Preset(id) => request.preset == Some(id),
                ClassStart::Tour(id) => request.tour == Some(id),
                ClassStart::Case(id) => request.case == Some(id),
            };
            assert!(started, "{query}");
        }
        assert_eq!(
            teacher_query(ClassStart::Preset("healthy"), &Classroom::default(), false),
            "?preset=healthy"
        );
    }

    #[test]
    fn units_are_read_from_a_link_and_written_into_one_when_si() {
        let (request, notices) = parse_query("?preset=iron_deficiency&units=si", &ENGLISH);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(request.units, Units::Si);
        let (request, _) = parse_query("units=conventional", &ENGLISH);
        assert_eq!(request.units, Units::Conventional);
        let (request, notices) = parse_query("units=xyz", &ENGLISH);
        assert_eq!(request.units, Units::Conventional);
        assert_eq!(notices.len(), 1);
        assert!(notices[0].contains("units=xyz"), "{notices:?}");
        assert!(notices[0].contains("conventional, si"), "{notices:?}");

        let si = LinkView {
            projector: true,
            units: Units::Si,
            lang: Lang::En,
        };
        let query = share_query("healthy", &[], 0.0, si);
        assert_eq!(query, "?preset=healthy&mode=projector&units=si");
        let (request, notices) = parse_query(&query, &ENGLISH);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!((request.projector, request.units), (true, Units::Si));
        let conventional = LinkView::default();
        assert_eq!(
            share_query("healthy", &[], 0.0, conventional),
            "?preset=healthy"
        );
    }
}
