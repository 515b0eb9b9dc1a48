//! Every piece of text the page shows, in one catalogue (style.md, principle 10).

use crate::model::SettingKey;

/// The page's words in one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Strings {
    pub app_title: &'static str,
    pub app_tagline: &'static str,
    pub factory_canvas_label: &'static str,
    pub settings_heading: &'static str,
    pub chart_heading: &'static str,
    pub sim_day_label: &'static str,
    pub wasm_required: &'static str,
}

pub const ENGLISH: Strings = Strings {
    app_title: "Marrow Factory",
    app_tagline: "The bone marrow as a red-cell factory: set its supplies and signals, watch the blood count.",
    factory_canvas_label: "Animated bone-marrow factory: red cells leave on the conveyor at the production rate.",
    settings_heading: "Supplies and signals",
    chart_heading: "Time course",
    sim_day_label: "Day",
    wasm_required: "Marrow Factory needs a browser with WebAssembly and JavaScript enabled.",
};

impl Strings {
    /// The slider label a student reads for a setting.
    pub const fn setting_label(&self, key: SettingKey) -> &'static str {
        match key {
            SettingKey::IronIntake => "Dietary iron",
            SettingKey::BloodLoss => "Chronic blood loss",
            SettingKey::B12Intake => "Dietary vitamin B12",
            SettingKey::FolateIntake => "Dietary folate",
            SettingKey::Il6 => "Inflammation (IL-6)",
            SettingKey::Egfr => "Kidney function (eGFR)",
            SettingKey::MarrowInfiltration => "Marrow infiltration",
            SettingKey::GastricAcid => "Gastric acid and pepsin",
            SettingKey::PancreaticProtease => "Pancreatic proteases",
            SettingKey::IntrinsicFactor => "Intrinsic factor",
            SettingKey::IlealUptake => "Ileal uptake (cubam)",
        }
    }
}
