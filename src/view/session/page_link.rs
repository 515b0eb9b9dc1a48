//! The page's query parameters (contract section 4): reading a share link into a request with a
//! notice for every part that was ignored, and writing the link for the current state.

use crate::model::{SettingKey, Settings};
use crate::presets::Preset;
use crate::strings::{fill, Strings};
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
    pub day: u32,
    /// `mode=projector`: larger type and stronger contrast.
    pub projector: bool,
    /// `tour=ID` and `step=N` (1-based): a guided tour opened at that step.
    pub tour: Option<&'static str>,
    pub step: u32,
    /// `compare=1`: a second patient beside the first.
    pub compare: bool,
    /// `case=ID`: a mystery patient.
    pub case: Option<&'static str>,
    /// `units=conventional|si`: the units labs are printed in.
    pub units: Units,
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
                            &format!("{} to {} {}", spec.min, spec.max, spec.unit),
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
            "day" => match value.trim().parse::<u32>() {
                Ok(day) if day <= MAX_LINK_DAY => request.day = day,
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
                None => notices.push(fill(
                    strings.notice_bad_choice,
                    &[
                        ("parameter", "tour"),
                        ("value", &shown(&value)),
                        ("choices", &crate::teaching::tours::ids()),
                    ],
                )),
            },
            "case" => match crate::teaching::cases::find(&value) {
                Some(case) => request.case = Some(case.id),
                None => notices.push(fill(
                    strings.notice_bad_choice,
                    &[
                        ("parameter", "case"),
                        ("value", &shown(&value)),
                        ("choices", &crate::teaching::cases::ids()),
                    ],
                )),
            },
            "step" => match value.trim().parse::<u32>() {
                Ok(step) if (1..=99).contains(&step) => request.step = step,
                _ => notices.push(fill(
                    strings.notice_bad_choice,
                    &[
                        ("parameter", "step"),
                        ("value", &shown(&value)),
                        ("choices", "1 to 99"),
                    ],
                )),
            },
            "compare" => match value.as_str() {
                "1" => request.compare = true,
                "0" => request.compare = false,
                _ => notices.push(fill(
                    strings.notice_bad_choice,
                    &[
                        ("parameter", "compare"),
                        ("value", &shown(&value)),
                        ("choices", "0, 1"),
                    ],
                )),
            },
            "mode" => match value.as_str() {
                "projector" => request.projector = true,
                _ => notices.push(fill(
                    strings.notice_bad_choice,
                    &[
                        ("parameter", "mode"),
                        ("value", &shown(&value)),
                        ("choices", "projector"),
                    ],
                )),
            },
            "units" => match Units::from_id(&value) {
                Some(units) => request.units = units,
                None => notices.push(fill(
                    strings.notice_bad_choice,
                    &[
                        ("parameter", "units"),
                        ("value", &shown(&value)),
                        ("choices", &Units::ids()),
                    ],
                )),
            },
            "lang" => {
                let (default, other) = ("en", "es");
                if value == other {
                    notices.push(fill(
                        strings.notice_not_available,
                        &[("parameter", &name), ("value", &value)],
                    ));
                } else if value != default {
                    notices.push(fill(
                        strings.notice_bad_choice,
                        &[
                            ("parameter", &name),
                            ("value", &shown(&value)),
                            ("choices", &format!("{default}, {other}")),
                        ],
                    ));
                }
            }
            _ => notices.push(fill(
                strings.notice_unknown_parameter,
                &[("parameter", &shown(&name))],
            )),
        }
    }
    (request, notices)
}

/// How the page is shown, beside the patient: carried by a share link as it stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LinkView {
    /// `mode=projector`.
    pub projector: bool,
    /// `units=si` (conventional units, the default, are left out).
    pub units: Units,
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
        tail
    }
}

/// The query string for the current state: the preset, every setting that differs from the
/// preset's own, the whole day, then projector mode and SI units if on.
pub fn share_query(
    preset: &str,
    preset_settings: &Settings,
    settings: &Settings,
    day: f64,
    view: LinkView,
) -> String {
    let mut parts = vec![format!("preset={preset}")];
    for key in SettingKey::ALL {
        let value = settings.get(key);
        if value != preset_settings.get(key) {
            parts.push(format!("{}={value}", key.key()));
        }
    }
    let day = day.max(0.0).floor() as u32;
    if day > 0 {
        parts.push(format!("day={}", day.min(MAX_LINK_DAY)));
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
        assert_eq!(request.day, 90);
        assert!(request.projector);
    }

    #[test]
    fn every_bad_part_is_ignored_with_a_notice_that_names_it() {
        let (request, notices) = parse_query(
            "preset=vampire&iron_intake_mg_per_day=400&folate_intake_ug_per_day=lots&day=-3&colour=red&mode=cinema&lang=es&%ZZ=1&b12_intake_ug_per_day=NaN",
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
            "lang=es",
            "b12_intake_ug_per_day=NaN",
        ] {
            assert!(
                notices.iter().any(|notice| notice.contains(expected)),
                "no notice mentions {expected}: {notices:#?}"
            );
        }
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
    fn the_share_link_round_trips() {
        let preset = Preset::find("inflammation").unwrap();
        let preset_settings = preset.scenario().unwrap().settings;
        let mut settings = preset_settings;
        settings.set(SettingKey::IronIntake, 3.5).unwrap();
        let query = share_query(
            preset.id,
            &preset_settings,
            &settings,
            42.7,
            LinkView::default(),
        );
        assert_eq!(
            query,
            "?preset=inflammation&iron_intake_mg_per_day=3.5&day=42"
        );
        let (request, notices) = parse_query(&query, &ENGLISH);
        assert!(notices.is_empty());
        assert_eq!(request.preset, Some("inflammation"));
        assert_eq!(request.settings, vec![(SettingKey::IronIntake, 3.5)]);
        assert_eq!(request.day, 42);
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

        let settings = Settings::default();
        let si = LinkView {
            projector: true,
            units: Units::Si,
        };
        let query = share_query("healthy", &settings, &settings, 0.0, si);
        assert_eq!(query, "?preset=healthy&mode=projector&units=si");
        let (request, notices) = parse_query(&query, &ENGLISH);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!((request.projector, request.units), (true, Units::Si));
        let conventional = LinkView::default();
        assert_eq!(
            share_query("healthy", &settings, &settings, 0.0, conventional),
            "?preset=healthy"
        );
    }
}
