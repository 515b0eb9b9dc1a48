//! Every piece of text the page shows, in one catalogue (style.md, principle 10). Templates use
//! named placeholders (`{value}`), filled by [`fill`].

use crate::charts::ChartEventKind;
use crate::model::{LabGroup, LabKey, SettingKey, Treatment};

/// The page's words in one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Strings {
    pub app_title: &'static str,
    pub app_tagline: &'static str,
    pub factory_canvas_label: &'static str,
    pub settings_heading: &'static str,
    pub chart_heading: &'static str,
    pub chart_pick_label: &'static str,
    pub sim_day_label: &'static str,
    /// Also in `index.html`'s `<noscript>` (it shows before any Rust runs; a test keeps them equal).
    pub wasm_required: &'static str,

    // Time controls.
    pub play: &'static str,
    pub pause: &'static str,
    pub step_day: &'static str,
    pub speed_label: &'static str,
    /// `{value}` simulated days per second (more than one); one day per second has its own words.
    pub speed_option: &'static str,
    pub speed_option_one: &'static str,
    pub skip_forward: &'static str,
    pub jump_settled: &'static str,
    pub jump_settled_hint: &'static str,
    pub reset_all: &'static str,
    pub keyboard_hint: &'static str,

    // Presets and sharing.
    pub preset_label: &'static str,
    pub preset_look_at: &'static str,
    pub share_link: &'static str,
    pub share_link_hint: &'static str,
    pub notices_heading: &'static str,
    pub life_alarm_heading: &'static str,
    /// `{hb}` in g/dL.
    pub life_alarm_severe_anemia: &'static str,
    pub life_alarm_hypovolemia: &'static str,
    pub dismiss: &'static str,
    /// `{parameter}`: an unknown query parameter.
    pub notice_unknown_parameter: &'static str,
    /// `{parameter}`, `{value}`, `{range}`: a setting that is not a number in range.
    pub notice_bad_setting: &'static str,
    /// `{value}`, `{choices}`: an unknown preset id.
    pub notice_bad_preset: &'static str,
    /// `{value}`, `{max}`: a bad `day`.
    pub notice_bad_day: &'static str,
    /// `{parameter}`, `{value}`, `{choices}`: a value not among the allowed ones.
    pub notice_bad_choice: &'static str,
    /// `{parameter}`, `{value}`: a value the contract names but this version does not offer yet.
    pub notice_not_available: &'static str,

    // Lab panel.
    pub labs_heading: &'static str,
    pub lab_column_test: &'static str,
    pub lab_column_result: &'static str,
    pub lab_column_range: &'static str,
    pub lab_column_flag: &'static str,
    pub lab_column_unit: &'static str,
    pub trend_up: &'static str,
    pub trend_down: &'static str,
    pub trend_steady: &'static str,
    pub flag_low: &'static str,
    pub flag_high: &'static str,

    // The factory scene (`{value}` etc. are filled by the scene).
    pub scene_gut: &'static str,
    pub scene_diet_iron: &'static str,
    pub scene_warehouse: &'static str,
    pub scene_warehouse_iron: &'static str,
    pub scene_liver: &'static str,
    pub scene_hepcidin: &'static str,
    pub scene_transferrin: &'static str,
    pub scene_kidney: &'static str,
    pub scene_epo: &'static str,
    pub scene_blueprints: &'static str,
    pub scene_b12: &'static str,
    pub scene_folate: &'static str,
    pub scene_floor: &'static str,
    pub scene_output: &'static str,

    // Marrow iron stain.
    pub stain_heading: &'static str,
    pub stain_label: &'static str,
    /// `{grade}` and `{sideroblasts}`.
    pub stain_caption: &'static str,
    pub stain_legend: &'static str,

    // Treatments.
    pub treatments_heading: &'static str,
    pub treatment_label: &'static str,
    pub treatment_dose_label: &'static str,
    pub treatment_days_label: &'static str,
    pub treatment_give: &'static str,
    /// `{name}`, `{day}`: what was just given.
    pub treatment_given: &'static str,
    /// `{value}`, `{max}`, `{unit}`.
    pub treatment_bad_dose: &'static str,
    /// `{value}`, `{max}`.
    pub treatment_bad_days: &'static str,

    // B12 absorption relay.
    pub relay_heading: &'static str,
    pub relay_intro: &'static str,
    /// `{absorbed}` and `{intake}` µg/day.
    pub relay_result: &'static str,

    // Charts (issue 9)
    /// The title under a chart's day axis.
    pub chart_day_axis: &'static str,
    /// Legend entries for the three kinds of marked day (see [`Strings::chart_event_label`]).
    pub chart_event_treatment: &'static str,
    pub chart_event_setting_change: &'static str,
    pub chart_event_jump: &'static str,
}

pub const ENGLISH: Strings = Strings {
    app_title: "Marrow Factory",
    app_tagline: "The bone marrow as a red-cell factory: set its supplies and signals, watch the blood count.",
    factory_canvas_label: "Animated bone-marrow factory: iron arrives through gates that hepcidin locks, the kidney sends EPO orders, workers on the marrow floor build red cells from iron and the B12 and folate blueprints, and red cells leave on the conveyor.",
    settings_heading: "Supplies and signals",
    chart_heading: "Time course",
    chart_pick_label: "Labs to chart",
    sim_day_label: "Day",
    wasm_required: "Marrow Factory needs a browser with WebAssembly and JavaScript enabled.",

    play: "Play",
    pause: "Pause",
    step_day: "Step 1 day",
    speed_label: "Speed",
    speed_option: "{value} days/s",
    speed_option_one: "1 day/s",
    skip_forward: "Skip 30 days",
    jump_settled: "Jump to long run",
    jump_settled_hint: "Jump to the state these settings lead to after years",
    reset_all: "Reset all",
    keyboard_hint: "Space: play/pause · Alt+R: reset all",

    preset_label: "Patient",
    preset_look_at: "What to look at",
    share_link: "Share link",
    share_link_hint: "A link that opens this patient, these settings and this day",
    notices_heading: "Notices",
    life_alarm_heading: "Life-threatening.",
    life_alarm_severe_anemia: "Hemoglobin is {hb} g/dL: too little oxygen reaches the heart and brain. A real patient would be transfused now; the model keeps running to show where untreated disease leads.",
    life_alarm_hypovolemia: "More than 40 % of the blood volume is gone (hemorrhagic shock). A real patient needs fluids and blood now; hemoglobin has not fallen yet because plasma has not had time to refill.",
    dismiss: "Dismiss",
    notice_unknown_parameter: "Ignored the link's “{parameter}”: not a setting or option of this page.",
    notice_bad_setting: "Ignored {parameter}={value}: it must be a number from {range}.",
    notice_bad_preset: "Ignored preset={value}: the patients are {choices}.",
    notice_bad_day: "Ignored day={value}: it must be a whole number of days from 0 to {max}.",
    notice_bad_choice: "Ignored {parameter}={value}: choose one of {choices}.",
    notice_not_available: "{parameter}={value} is not available in this version yet; showing the default.",

    labs_heading: "Lab report",
    lab_column_test: "Test",
    lab_column_result: "Result",
    lab_column_range: "Reference",
    lab_column_flag: "Flag",
    lab_column_unit: "Unit",
    trend_up: "rising",
    trend_down: "falling",
    trend_steady: "steady",
    flag_low: "low",
    flag_high: "high",

    scene_gut: "Gut dock",
    scene_diet_iron: "Diet {value} %",
    scene_warehouse: "Macrophages",
    scene_warehouse_iron: "Stores {value} %",
    scene_liver: "Liver",
    scene_hepcidin: "hepcidin ×{value}",
    scene_transferrin: "Transferrin {value} % full",
    scene_kidney: "Kidney (EPO)",
    scene_epo: "EPO {value} mU/mL",
    scene_blueprints: "DNA blueprints",
    scene_b12: "B12",
    scene_folate: "Folate",
    scene_floor: "Marrow floor: erythroid workforce ×{value}",
    scene_output: "Red cells out ×{output} · Hb {hb} g/dL",

    stain_heading: "Marrow iron stain (Prussian blue)",
    stain_label: "Marrow smear stained for iron: blue granules in macrophages show stored iron; blue dots around erythroblast nuclei are sideroblasts.",
    stain_caption: "Macrophage iron grade {grade} of 6 · sideroblasts {sideroblasts} %",
    stain_legend: "Large cells: macrophages (iron store). Small cells: erythroblasts; a blue ring of dots means iron reached them.",

    treatments_heading: "Treatments and events",
    treatment_label: "Give",
    treatment_dose_label: "Dose",
    treatment_days_label: "For (days)",
    treatment_give: "Give now",
    treatment_given: "Day {day}: {name} given.",
    treatment_bad_dose: "Not given: the dose “{value}” must be a number above 0 and at most {max} {unit}.",
    treatment_bad_days: "Not given: the course length “{value}” must be from 1 to {max} days.",

    relay_heading: "B12 absorption relay",
    relay_intro: "Food B12 must be passed along four hand-offs before the ileum can take it up.",
    relay_result: "Absorbed {absorbed} µg/day of {intake} µg/day eaten",

    // Charts (issue 9)
    chart_day_axis: "day",
    chart_event_treatment: "Treatment",
    chart_event_setting_change: "Setting changed",
    chart_event_jump: "Jump to long run",
};

/// Fills `{name}` placeholders in a template.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

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

    /// A treatment's name in the treatments menu.
    pub const fn treatment_name(&self, treatment: Treatment) -> &'static str {
        match treatment {
            Treatment::Bleed => "Acute bleed",
            Treatment::Transfusion => "Red-cell transfusion",
            Treatment::IvIron => "Intravenous iron",
            Treatment::B12Injection => "Vitamin B12 injection",
            Treatment::OralIron => "Oral iron course",
            Treatment::FolicAcid => "Folic acid course",
            Treatment::Esa => "Epoetin (ESA) course",
            Treatment::AntiIl6 => "Anti-IL-6 (tocilizumab) course",
        }
    }

    /// What each step of the B12 relay does, for the relay view.
    pub const fn relay_step(&self, key: SettingKey) -> &'static str {
        match key {
            SettingKey::GastricAcid => {
                "Stomach: acid and pepsin free B12 from food protein; R-protein (haptocorrin) guards it."
            }
            SettingKey::PancreaticProtease => {
                "Duodenum: pancreatic enzymes digest haptocorrin and release B12."
            }
            SettingKey::IntrinsicFactor => {
                "Intrinsic factor from the stomach's parietal cells picks B12 up and carries it."
            }
            SettingKey::IlealUptake => {
                "Terminal ileum: cubam receptors take the intrinsic factor–B12 complex up."
            }
            _ => "",
        }
    }

    /// Clinical landmarks on a slider's scale: (value, label).
    pub const fn landmarks(&self, key: SettingKey) -> &'static [(f64, &'static str)] {
        match key {
            SettingKey::IronIntake => &[(8.0, "men's RDA"), (18.0, "women's RDA")],
            SettingKey::BloodLoss => &[(3.0, "heavy periods"), (15.0, "GI bleed")],
            SettingKey::B12Intake => &[(2.4, "RDA"), (25.0, "supplement")],
            SettingKey::FolateIntake => {
                &[(100.0, "poor diet"), (400.0, "RDA"), (600.0, "pregnancy")]
            }
            SettingKey::Il6 => &[(2.0, "normal"), (60.0, "arthritis"), (150.0, "sepsis")],
            SettingKey::Egfr => &[
                (15.0, "G5"),
                (30.0, "G4"),
                (45.0, "G3b"),
                (60.0, "G3a"),
                (90.0, "G1–2"),
            ],
            SettingKey::MarrowInfiltration => &[(10.0, "MGUS"), (60.0, "advanced myeloma")],
            SettingKey::GastricAcid => &[(0.0, "PPI / atrophy"), (100.0, "normal")],
            SettingKey::PancreaticProtease => &[(0.0, "pancreatic failure"), (100.0, "normal")],
            SettingKey::IntrinsicFactor => &[(0.0, "pernicious anemia"), (100.0, "normal")],
            SettingKey::IlealUptake => &[(0.0, "ileal resection / Crohn"), (100.0, "normal")],
        }
    }

    /// The legend entry for a kind of marked day on the charts.
    pub const fn chart_event_label(&self, kind: ChartEventKind) -> &'static str {
        match kind {
            ChartEventKind::Treatment => self.chart_event_treatment,
            ChartEventKind::SettingChange => self.chart_event_setting_change,
            ChartEventKind::Jump => self.chart_event_jump,
        }
    }

    /// The name of a lab on the report and on its chart.
    pub const fn lab_label(&self, key: LabKey) -> &'static str {
        match key {
            LabKey::Day => "Day",
            LabKey::Hemoglobin => "Hemoglobin",
            LabKey::Hematocrit => "Hematocrit",
            LabKey::RedCells => "Red cells",
            LabKey::Mcv => "MCV (cell size)",
            LabKey::Mch => "MCH (Hb per cell)",
            LabKey::Mchc => "MCHC",
            LabKey::Rdw => "RDW (size spread)",
            LabKey::Reticulocytes => "Reticulocytes",
            LabKey::ReticulocytesAbsolute => "Reticulocytes, absolute",
            LabKey::ReticulocyteProductionIndex => "Reticulocyte production index",
            LabKey::SerumIron => "Serum iron",
            LabKey::Tibc => "TIBC (transferrin)",
            LabKey::TransferrinSaturation => "Transferrin saturation",
            LabKey::Ferritin => "Ferritin",
            LabKey::SolubleTransferrinReceptor => "Soluble transferrin receptor",
            LabKey::Erythropoietin => "Erythropoietin (EPO)",
            LabKey::Hepcidin => "Hepcidin",
            LabKey::Il6 => "IL-6",
            LabKey::VitaminB12 => "Vitamin B12",
            LabKey::SerumFolate => "Serum folate",
            LabKey::RedCellFolate => "Red-cell folate",
            LabKey::Homocysteine => "Homocysteine",
            LabKey::MethylmalonicAcid => "Methylmalonic acid",
            LabKey::Ldh => "LDH",
            LabKey::NerveDamageIndex => "Nerve damage index",
            LabKey::MarrowIronGrade => "Marrow iron grade",
            LabKey::Sideroblasts => "Sideroblasts",
            LabKey::BodyIron => "Body iron",
            LabKey::StorageIron => "Storage iron",
            LabKey::IronAbsorbedTotal => "Iron absorbed, total",
            LabKey::IronLostTotal => "Iron lost, total",
            LabKey::B12Stores => "B12 stores",
            LabKey::FolateStores => "Folate stores",
            LabKey::IronGivenTotal => "Iron given, total",
            LabKey::HepcidinRelative => "Hepcidin, relative to health",
            LabKey::LifeThreatening => "Life-threatening",
        }
    }

    /// The heading of a lab report group.
    pub const fn lab_group(&self, group: LabGroup) -> &'static str {
        match group {
            LabGroup::BloodCount => "Blood count",
            LabGroup::Reticulocytes => "Reticulocytes",
            LabGroup::IronStudies => "Iron studies",
            LabGroup::HormonesAndSignals => "Hormones and signals",
            LabGroup::B12FolateAndMetabolites => "B12, folate and metabolites",
            LabGroup::MarrowAndIronStores => "Marrow and iron stores",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_by_name() {
        assert_eq!(
            fill(ENGLISH.scene_output, &[("output", "1.0"), ("hb", "15.3")]),
            "Red cells out ×1.0 · Hb 15.3 g/dL"
        );
    }

    #[test]
    fn the_noscript_text_is_the_catalogue_s() {
        assert!(include_str!("../index.html").contains(ENGLISH.wasm_required));
    }

    #[test]
    fn landmarks_lie_on_their_sliders() {
        for key in SettingKey::ALL {
            let spec = key.spec();
            let landmarks = ENGLISH.landmarks(key);
            assert!(!landmarks.is_empty(), "{} has no landmarks", spec.key);
            for (value, label) in landmarks {
                assert!(
                    (spec.min..=spec.max).contains(value),
                    "{}: {label} at {value} is off the scale",
                    spec.key
                );
            }
        }
    }
}
