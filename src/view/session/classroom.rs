//! A teacher's choices for a class (contract section 5): `embed=1`, `lock=KEY,KEY`,
//! `hide=KEY,KEY`, `speed=N` and `charts=KEY,KEY`. Read from a link part by part (a bad part is
//! named and the rest kept) and written back by the teacher panel.

use crate::model::{LabKey, SettingKey};
use crate::view::session::simulation::SPEEDS_DAYS_PER_SECOND;

/// Most labs charted at once (a 2 × 3 grid stays readable).
pub const MAX_CHARTS: usize = 6;

/// A panel a teacher may hide with `hide=` (beside the setting keys).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HiddenPanel {
    Treatments,
    B12Relay,
    Charts,
    Stain,
    Interpretation,
    About,
}

impl HiddenPanel {
    pub const ALL: [HiddenPanel; 6] = [
        HiddenPanel::Treatments,
        HiddenPanel::B12Relay,
        HiddenPanel::Charts,
        HiddenPanel::Stain,
        HiddenPanel::Interpretation,
        HiddenPanel::About,
    ];

    /// The key a link names the panel by.
    pub const fn key(self) -> &'static str {
        match self {
            HiddenPanel::Treatments => "treatments",
            HiddenPanel::B12Relay => "b12_relay",
            HiddenPanel::Charts => "charts",
            HiddenPanel::Stain => "stain",
            HiddenPanel::Interpretation => "interpretation",
            HiddenPanel::About => "about",
        }
    }

    pub fn from_key(key: &str) -> Option<HiddenPanel> {
        HiddenPanel::ALL
            .into_iter()
            .find(|panel| panel.key() == key)
    }
}

/// What a teacher chose for the class.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Classroom {
    /// `embed=1`: no header, fits an iframe.
    pub embed: bool,
    /// `lock=`: sliders shown but disabled.
    pub locked: Vec<SettingKey>,
    /// `hide=`: sliders not shown.
    pub hidden: Vec<SettingKey>,
    /// `hide=`: panels not shown.
    pub hidden_panels: Vec<HiddenPanel>,
    /// `speed=N`: days per second, one of [`SPEEDS_DAYS_PER_SECOND`].
    pub speed_days_per_second: Option<f64>,
    /// `charts=`: the charted labs, at most [`MAX_CHARTS`].
    pub charts: Option<Vec<LabKey>>,
}

/// Splits a `KEY,KEY` list, reading each item with `read`; returns what was read and the items
/// that could not be (unknown, repeated or beyond `most`).
fn read_list<T: PartialEq>(
    value: &str,
    most: usize,
    read: impl Fn(&str) -> Option<T>,
) -> (Vec<T>, Vec<String>) {
    let mut kept = Vec::new();
    let mut bad = Vec::new();
    for item in value
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
    {
        match read(item) {
            Some(read) if !kept.contains(&read) && kept.len() < most => kept.push(read),
            _ => bad.push(item.to_string()),
        }
    }
    (kept, bad)
}

impl Classroom {
    /// Reads one classroom parameter. `None` if `name` is not one; otherwise the items (or the
    /// whole value) that were ignored, and the choices to name in the notice.
    pub fn read(&mut self, name: &str, value: &str) -> Option<(Vec<String>, String)> {
        let setting_choices = || {
            SettingKey::MAIN
                .iter()
                .map(|key| key.key())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let bad = match name {
            "embed" => {
                match value {
                    "1" => self.embed = true,
                    "0" => self.embed = false,
                    _ => return Some((vec![value.to_string()], "0, 1".to_string())),
                }
                Vec::new()
            }
            "lock" => {
                let (keys, bad) = read_list(value, usize::MAX, SettingKey::from_key);
                self.locked = keys;
                return Some((bad, setting_choices()));
            }
            "hide" => {
                let (keys, bad) = read_list(value, usize::MAX, |item| {
                    SettingKey::from_key(item)
                        .map(Ok)
                        .or_else(|| HiddenPanel::from_key(item).map(Err))
                });
                self.hidden = keys.iter().filter_map(|key| key.ok()).collect();
                self.hidden_panels = keys.iter().filter_map(|key| key.err()).collect();
                let panels = HiddenPanel::ALL.map(HiddenPanel::key).join(", ");
                return Some((bad, format!("{}, {panels}", setting_choices())));
            }
            "speed" => {
                let speeds = SPEEDS_DAYS_PER_SECOND
                    .map(|speed| speed.to_string())
                    .join(", ");
                match value.trim().parse::<f64>() {
                    Ok(speed) if SPEEDS_DAYS_PER_SECOND.contains(&speed) => {
                        self.speed_days_per_second = Some(speed);
                        Vec::new()
                    }
                    _ => return Some((vec![value.to_string()], speeds)),
                }
            }
            "charts" => {
                let (keys, bad) = read_list(value, MAX_CHARTS, |item| {
                    crate::view::lab_report::panel_keys().find(|key| key.key() == item)
                });
                if !keys.is_empty() {
                    self.charts = Some(keys);
                }
                // The notice names the choices in the page's words (`Strings::chart_choices`).
                return Some((bad, String::new()));
            }
            _ => return None,
        };
        Some((bad, String::new()))
    }

    /// The link parameters of these choices, each after a `&` (empty when nothing was chosen).
    pub fn query_tail(&self) -> String {
        let mut tail = String::new();
        let list = |keys: Vec<&str>| keys.join(",");
        if !self.locked.is_empty() {
            tail.push_str("&lock=");
            tail.push_str(&list(self.locked.iter().map(|key| key.key()).collect()));
        }
        if !self.hidden.is_empty() || !self.hidden_panels.is_empty() {
            let mut keys: Vec<&str> = self.hidden.iter().map(|key| key.key()).collect();
            keys.extend(self.hidden_panels.iter().map(|panel| panel.key()));
            tail.push_str("&hide=");
            tail.push_str(&list(keys));
        }
        if let Some(speed) = self.speed_days_per_second {
            tail.push_str(&format!("&speed={speed}"));
        }
        if let Some(charts) = &self.charts {
            tail.push_str("&charts=");
            tail.push_str(&list(charts.iter().map(|key| key.key()).collect()));
        }
        if self.embed {
            tail.push_str("&embed=1");
        }
        tail
    }
}

/// Where a teacher's link starts the class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClassStart {
    Preset(&'static str),
    Case(&'static str),
    Tour(&'static str),
}

/// The query a teacher's link carries: the start, then the classroom choices, then projector mode.
pub fn teacher_query(start: ClassStart, classroom: &Classroom, projector: bool) -> String {
    let start = match start {
        ClassStart::Preset(id) => format!("preset={id}"),
        ClassStart::Case(id) => format!("case={id}"),
        ClassStart::Tour(id) => format!("tour={id}"),
    };
    let projector = if projector { "&mode=projector" } else { "" };
    format!("?{start}{}{projector}", classroom.query_tail())
}
