//! The lab report the panel shows: which labs, in which order, how each is printed, its reference
//! range and its trend. Units, ranges and groups come from the model's [`LabKey::spec`], printed
//! in the units the student chose ([`crate::view::units`]).

use crate::i18n::localize_number;
use crate::model::{Flag, LabGroup, LabKey, Labs};
use crate::strings::t;
use crate::view::units::{display_decimals, display_range, display_unit, display_value, Units};

/// One line of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LabLine {
    /// The lab; its sample key names the `lab-KEY` hook.
    pub key: LabKey,
    /// Decimals printed.
    pub decimals: usize,
}

const fn line(key: LabKey, decimals: usize) -> LabLine {
    LabLine { key, decimals }
}

/// The report's lines in the order of a printed lab report: exactly the labs whose spec has a
/// group (tested below); the panel prints them group by group.
pub const LAB_LINES: [LabLine; 29] = [
    // Blood count
    line(LabKey::Hemoglobin, 1),
    line(LabKey::Hematocrit, 0),
    line(LabKey::RedCells, 2),
    line(LabKey::Mcv, 0),
    line(LabKey::Mch, 1),
    line(LabKey::Mchc, 1),
    line(LabKey::Rdw, 1),
    // Reticulocytes
    line(LabKey::Reticulocytes, 2),
    line(LabKey::ReticulocytesAbsolute, 0),
    line(LabKey::ReticulocyteProductionIndex, 2),
    // Iron studies
    line(LabKey::SerumIron, 0),
    line(LabKey::Tibc, 0),
    line(LabKey::TransferrinSaturation, 0),
    line(LabKey::Ferritin, 0),
    line(LabKey::SolubleTransferrinReceptor, 2),
    // Hormones and signals
    line(LabKey::Erythropoietin, 0),
    line(LabKey::Hepcidin, 0),
    line(LabKey::Il6, 0),
    // B12, folate and metabolites
    line(LabKey::VitaminB12, 0),
    line(LabKey::SerumFolate, 1),
    line(LabKey::RedCellFolate, 0),
    line(LabKey::Homocysteine, 1),
    line(LabKey::MethylmalonicAcid, 2),
    line(LabKey::Ldh, 0),
    line(LabKey::NerveDamageIndex, 2),
    // Marrow and iron stores
    line(LabKey::MarrowIronGrade, 1),
    line(LabKey::Sideroblasts, 0),
    line(LabKey::StorageIron, 0),
    line(LabKey::BodyIron, 0),
];

/// The lines of one report group, in report order.
pub fn group_lines(group: LabGroup) -> impl Iterator<Item = LabLine> {
    LAB_LINES
        .into_iter()
        .filter(move |line| line.key.spec().group == Some(group))
}

/// Every lab the panel shows, in report order.
pub fn panel_keys() -> impl Iterator<Item = LabKey> {
    LAB_LINES.into_iter().map(|line| line.key)
}

/// Which way a lab is heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trend {
    Rising,
    Falling,
    Steady,
}

impl Trend {
    /// The arrow printed next to the value.
    pub const fn arrow(self) -> &'static str {
        match self {
            Trend::Rising => "↑",
            Trend::Falling => "↓",
            Trend::Steady => "→",
        }
    }

    /// The `data-trend` value.
    pub const fn as_str(self) -> &'static str {
        match self {
            Trend::Rising => "rising",
            Trend::Falling => "falling",
            Trend::Steady => "steady",
        }
    }
}

/// Days back the trend compares with.
pub const TREND_DAYS: f64 = 7.0;
/// A change smaller than this share of the value (or of the reference range's width) is steady.
const STEADY_SHARE: f64 = 0.02;

/// The trend of `key` from `earlier` labs to `now`.
pub fn trend(key: LabKey, earlier: &Labs, now: &Labs) -> Trend {
    let (before, after) = (earlier.value(key), now.value(key));
    let spec = key.spec();
    let range_width = spec.high.map_or(0.0, |high| high - spec.low.unwrap_or(0.0));
    let threshold = (STEADY_SHARE * before.abs().max(range_width)).max(1e-9);
    if after - before > threshold {
        Trend::Rising
    } else if before - after > threshold {
        Trend::Falling
    } else {
        Trend::Steady
    }
}

/// A value (conventional, as the model computes it) as the report prints it in `units`.
pub fn format_value(line: &LabLine, units: Units, value: f64) -> String {
    let value = display_value(line.key, units, value);
    if value.is_finite() {
        let printed = format!(
            "{value:.*}",
            display_decimals(line.key, units, line.decimals)
        );
        localize_number(&printed, t().lang().decimal_sign())
    } else {
        "—".to_string()
    }
}

/// A converted reference limit to three significant figures, never rounding away whole digits,
/// without trailing zeros (8.95, 32.2, 148, 1423).
fn significant(value: f64) -> String {
    let whole_digits = value.abs().log10().floor();
    let decimals = if whole_digits.is_finite() {
        (2.0 - whole_digits).max(0.0) as usize
    } else {
        0
    };
    let printed = format!("{value:.decimals$}");
    if printed.contains('.') {
        printed
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    } else {
        printed
    }
}

/// The reference range as printed in `units` ("13.5–17.5", "< 0.4"; in SI "135–175",
/// "8.95–32.2"), or empty when the lab has none.
pub fn format_range(key: LabKey, units: Units) -> String {
    let converted = display_range(key, units) != (key.spec().low, key.spec().high);
    let sign = t().lang().decimal_sign();
    let number = |value: f64| {
        let printed = if converted {
            significant(value)
        } else if value.fract() == 0.0 {
            format!("{value:.0}")
        } else {
            format!("{value}")
        };
        localize_number(&printed, sign)
    };
    match display_range(key, units) {
        (Some(low), Some(high)) => format!("{}–{}", number(low), number(high)),
        (None, Some(high)) => format!("< {}", number(high)),
        (Some(low), None) => format!("> {}", number(low)),
        (None, None) => String::new(),
    }
}

/// The unit printed after the value in `units`.
pub const fn unit(key: LabKey, units: Units) -> &'static str {
    display_unit(key, units)
}

/// One rendered line: what the panel prints for a lab now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabReading {
    pub value: String,
    pub flag: Flag,
    pub trend: Trend,
}

/// What the panel prints for `line` in `units`, given the labs now and a week ago. The flag and
/// the trend do not depend on the units.
pub fn reading(line: &LabLine, units: Units, now: &Labs, week_ago: &Labs) -> LabReading {
    LabReading {
        value: format_value(line, units, now.value(line.key)),
        flag: now.flag(line.key),
        trend: trend(line.key, week_ago, now),
    }
}

/// The labs the live summary reads out, in order.
pub const SUMMARY_LABS: [LabKey; 5] = [
    LabKey::Hemoglobin,
    LabKey::Mcv,
    LabKey::Ferritin,
    LabKey::TransferrinSaturation,
    LabKey::ReticulocyteProductionIndex,
];

/// What the polite live region says (`live-summary`): the day, the key labs with their flags in
/// words, and how many other labs are out of range.
pub fn live_summary(labs: &Labs, units: Units, strings: &crate::strings::Strings) -> String {
    let flag_word = |key: LabKey| match labs.flag(key) {
        Flag::Low => strings.flag_low,
        Flag::High => strings.flag_high,
        Flag::Normal => strings.summary_normal(),
    };
    let parts: Vec<String> = SUMMARY_LABS
        .into_iter()
        .map(|key| {
            let value = display_value(key, units, labs.value(key));
            let decimals = display_decimals(key, units, if value.abs() >= 100.0 { 0 } else { 1 });
            let shown = format!("{value:.decimals$}");
            let with_unit = if unit(key, units).is_empty() {
                shown
            } else {
                format!("{shown} {}", unit(key, units))
            };
            format!("{} {with_unit}, {}", strings.lab_label(key), flag_word(key))
        })
        .collect();
    let others = panel_keys()
        .filter(|key| !SUMMARY_LABS.contains(key) && labs.flag(*key) != Flag::Normal)
        .count();
    crate::strings::fill(
        strings.summary_template(),
        &[
            ("day", &format!("{:.0}", labs.day.floor())),
            ("labs", &parts.join("; ")),
            ("others", &others.to_string()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Patient, Settings};
    use crate::strings::ENGLISH;

    #[test]
    fn the_panel_shows_exactly_the_labs_with_a_group_each_with_a_label() {
        for key in LabKey::ALL {
            let shown = panel_keys().filter(|shown| *shown == key).count();
            let grouped = key.spec().group.is_some();
            assert_eq!(shown, usize::from(grouped), "{key}: on the panel {shown}×");
        }
        for key in panel_keys() {
            assert!(!ENGLISH.lab_label(key).is_empty(), "{key} has no label");
        }
        assert_eq!(panel_keys().count(), 29);
    }

    #[test]
    fn printed_group_by_group_the_lines_keep_the_report_order() {
        let printed: Vec<LabLine> = LabGroup::ALL.into_iter().flat_map(group_lines).collect();
        assert_eq!(printed, LAB_LINES);
    }

    #[test]
    fn ranges_print_like_a_lab_report() {
        let conventional = Units::Conventional;
        assert_eq!(format_range(LabKey::Hemoglobin, conventional), "13.5–17.5");
        assert_eq!(
            format_range(LabKey::MethylmalonicAcid, conventional),
            "< 0.4"
        );
        assert_eq!(format_range(LabKey::StorageIron, conventional), "");
        assert_eq!(unit(LabKey::Ferritin, conventional), "ng/mL");
        assert_eq!(unit(LabKey::StorageIron, conventional), "mg");
    }

    #[test]
    fn trends_follow_the_change_over_a_week() {
        let mut patient = Patient::new(Settings {
            blood_loss_ml_per_day: 30.0,
            ..Settings::default()
        });
        let before = patient.labs();
        patient.advance_to(TREND_DAYS);
        let after = patient.labs();
        assert_eq!(trend(LabKey::Hemoglobin, &before, &after), Trend::Falling);
        assert_eq!(
            trend(LabKey::Erythropoietin, &before, &after),
            Trend::Rising
        );
        assert_eq!(trend(LabKey::VitaminB12, &before, &after), Trend::Steady);
        let line = LAB_LINES[0];
        let shown = reading(&line, Units::Conventional, &after, &before);
        assert_eq!(shown.trend.arrow(), "↓");
        assert_eq!(shown.value, format!("{:.1}", after.hb_g_dl));
    }

    #[test]
    fn the_live_summary_reads_the_key_labs_with_their_flags() {
        let labs = crate::presets::Preset::find("iron_deficiency")
            .unwrap()
            .patient()
            .labs();
        let said = live_summary(&labs, Units::Conventional, &ENGLISH);
        assert!(live_summary(&labs, Units::Si, &ENGLISH)
            .contains(&format!("{:.0} g/L", labs.hb_g_dl * 10.0)));
        assert!(said.starts_with("Day 0:"), "{said}");
        assert!(
            said.contains(&format!(
                "Hemoglobin {:.1} g/dL, {}",
                labs.hb_g_dl, ENGLISH.flag_low
            )),
            "{said}"
        );
        assert!(said.contains("Ferritin"), "{said}");
        let healthy = Patient::new(Settings::default()).labs();
        assert!(
            live_summary(&healthy, Units::Conventional, &ENGLISH).contains("; 0 other"),
            "{}",
            live_summary(&healthy, Units::Conventional, &ENGLISH)
        );
    }

    #[test]
    fn in_si_the_report_prints_converted_values_units_and_ranges() {
        let si = Units::Si;
        let ranges = [
            (LabKey::Hemoglobin, "g/L", "135–175"),
            (LabKey::Mchc, "g/L", "320–360"),
            (LabKey::SerumIron, "µmol/L", "8.95–32.2"),
            (LabKey::Tibc, "µmol/L", "44.8–73.4"),
            (LabKey::Ferritin, "µg/L", "30–300"),
            (LabKey::VitaminB12, "pmol/L", "148–664"),
            (LabKey::SerumFolate, "nmol/L", "6.8–38.5"),
            (LabKey::RedCellFolate, "nmol/L", "317–1423"),
            // No conventional/SI difference: as in conventional units.
            (LabKey::Homocysteine, "µmol/L", "5–15"),
            (LabKey::MethylmalonicAcid, "µmol/L", "< 0.4"),
            (LabKey::Hepcidin, "ng/mL", "20–200"),
            (LabKey::Ldh, "U/L", "140–280"),
        ];
        for (key, expected_unit, expected_range) in ranges {
            assert_eq!(unit(key, si), expected_unit, "{key}");
            assert_eq!(format_range(key, si), expected_range, "{key}");
        }
        let mut patient = crate::presets::Preset::find("iron_deficiency")
            .unwrap()
            .patient();
        let week_ago = patient.labs();
        patient.advance_to(patient.labs().day + TREND_DAYS);
        let now = patient.labs();
        for line in LAB_LINES {
            let conventional = reading(&line, Units::Conventional, &now, &week_ago);
            let shown = reading(&line, si, &now, &week_ago);
            // Flags and trends do not change with the units.
            assert_eq!(shown.flag, conventional.flag, "{}", line.key);
            assert_eq!(shown.trend, conventional.trend, "{}", line.key);
        }
        let line_of = |key: LabKey| *LAB_LINES.iter().find(|line| line.key == key).unwrap();
        let value = |key: LabKey| reading(&line_of(key), si, &now, &week_ago).value;
        assert_eq!(
            value(LabKey::Hemoglobin),
            format!("{:.0}", now.hb_g_dl * 10.0)
        );
        assert_eq!(
            value(LabKey::SerumIron),
            format!("{:.1}", now.serum_iron_ug_dl * 0.179)
        );
        assert_eq!(
            value(LabKey::Ferritin),
            format!("{:.0}", now.ferritin_ng_ml)
        );
        assert_eq!(
            value(LabKey::VitaminB12),
            format!("{:.0}", now.b12_pg_ml * 0.738)
        );
        assert_eq!(value(LabKey::Mcv), format!("{:.0}", now.mcv_fl));
        assert_eq!(
            format_value(&line_of(LabKey::Hemoglobin), si, f64::NAN),
            "—"
        );
    }
}
