//! The lab report the panel shows: which labs, in which groups, how each is printed, its reference
//! range (from the model's one table) and its trend.

use crate::model::labs::reference_range;
use crate::model::{Flag, Labs};

/// One line of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LabLine {
    /// The contract's sample key (`hb_g_dl`); also names the `lab-KEY` hook.
    pub key: &'static str,
    /// Decimals printed.
    pub decimals: usize,
}

const fn line(key: &'static str, decimals: usize) -> LabLine {
    LabLine { key, decimals }
}

/// The report's groups, in the order of a printed lab report; group names are in the strings.
pub const LAB_GROUPS: [&[LabLine]; 6] = [
    &[
        line("hb_g_dl", 1),
        line("hct_percent", 0),
        line("rbc_10e12_per_l", 2),
        line("mcv_fl", 0),
        line("mch_pg", 1),
        line("mchc_g_dl", 1),
        line("rdw_percent", 1),
    ],
    &[
        line("retic_percent", 2),
        line("retic_abs_10e9_per_l", 0),
        line("rpi", 2),
    ],
    &[
        line("serum_iron_ug_dl", 0),
        line("tibc_ug_dl", 0),
        line("tsat_percent", 0),
        line("ferritin_ng_ml", 0),
        line("stfr_mg_l", 2),
    ],
    &[
        line("epo_mu_ml", 0),
        line("hepcidin_ng_ml", 0),
        line("il6_pg_per_ml", 0),
    ],
    &[
        line("b12_pg_ml", 0),
        line("folate_ng_ml", 1),
        line("rbc_folate_ng_ml", 0),
        line("homocysteine_umol_l", 1),
        line("mma_umol_l", 2),
        line("ldh_u_l", 0),
        line("neuro_damage_index", 2),
    ],
    &[
        line("marrow_iron_grade", 1),
        line("sideroblasts_percent", 0),
        line("storage_iron_mg", 0),
        line("body_iron_mg", 0),
    ],
];

/// Every key the panel shows.
pub fn panel_keys() -> impl Iterator<Item = &'static str> {
    LAB_GROUPS
        .iter()
        .flat_map(|group| group.iter().map(|line| line.key))
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
pub fn trend(key: &str, earlier: &Labs, now: &Labs) -> Trend {
    let (Some(before), Some(after)) = (earlier.get(key), now.get(key)) else {
        return Trend::Steady;
    };
    let range_width = reference_range(key)
        .and_then(|range| Some(range.high? - range.low.unwrap_or(0.0)))
        .unwrap_or(0.0);
    let threshold = (STEADY_SHARE * before.abs().max(range_width)).max(1e-9);
    if after - before > threshold {
        Trend::Rising
    } else if before - after > threshold {
        Trend::Falling
    } else {
        Trend::Steady
    }
}

/// A value as the report prints it.
pub fn format_value(line: &LabLine, value: f64) -> String {
    if value.is_finite() {
        format!("{value:.*}", line.decimals)
    } else {
        "—".to_string()
    }
}

/// The reference range as printed ("13.5–17.5", "< 0.4"), or empty when the lab has none.
pub fn format_range(key: &str) -> String {
    let Some(range) = reference_range(key) else {
        return String::new();
    };
    let number = |value: f64| {
        if value.fract() == 0.0 {
            format!("{value:.0}")
        } else {
            format!("{value}")
        }
    };
    match (range.low, range.high) {
        (Some(low), Some(high)) => format!("{}–{}", number(low), number(high)),
        (None, Some(high)) => format!("< {}", number(high)),
        (Some(low), None) => format!("> {}", number(low)),
        (None, None) => String::new(),
    }
}

/// The unit printed after the value.
pub fn unit(key: &str) -> &'static str {
    match key {
        "storage_iron_mg" | "body_iron_mg" => "mg",
        _ => reference_range(key).map_or("", |range| range.unit),
    }
}

/// One rendered line: what the panel prints for a lab now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabReading {
    pub value: String,
    pub flag: Flag,
    pub trend: Trend,
}

/// What the panel prints for `line`, given the labs now and a week ago.
pub fn reading(line: &LabLine, now: &Labs, week_ago: &Labs) -> LabReading {
    LabReading {
        value: format_value(line, now.get(line.key).unwrap_or(f64::NAN)),
        flag: now.flag(line.key),
        trend: trend(line.key, week_ago, now),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Patient, Settings};
    use crate::strings::ENGLISH;

    #[test]
    fn every_panel_lab_is_a_contract_sample_key_with_a_label() {
        let labs = Labs::default();
        for key in panel_keys() {
            assert!(labs.get(key).is_some(), "{key} is not a sample key");
            assert!(!ENGLISH.lab_label(key).is_empty(), "{key} has no label");
        }
        assert_eq!(panel_keys().count(), 29);
    }

    #[test]
    fn ranges_print_like_a_lab_report() {
        assert_eq!(format_range("hb_g_dl"), "13.5–17.5");
        assert_eq!(format_range("mma_umol_l"), "< 0.4");
        assert_eq!(format_range("storage_iron_mg"), "");
        assert_eq!(unit("ferritin_ng_ml"), "ng/mL");
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
        assert_eq!(trend("hb_g_dl", &before, &after), Trend::Falling);
        assert_eq!(trend("epo_mu_ml", &before, &after), Trend::Rising);
        assert_eq!(trend("b12_pg_ml", &before, &after), Trend::Steady);
        let line = LAB_GROUPS[0][0];
        let shown = reading(&line, &after, &before);
        assert_eq!(shown.trend.arrow(), "↓");
        assert_eq!(shown.value, format!("{:.1}", after.hb_g_dl));
    }
}
