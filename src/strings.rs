//! Every piece of text the page shows, in one catalogue (style.md, principle 10). Templates use
//! named placeholders (`{value}`), filled by [`fill`].
//!
//! English is the source language and lives here, in Rust, so a missing word is a compile error.
//! Other languages are catalogues keyed by the English text (as gettext does): a JSON object per
//! part of the page in `assets/i18n/LANG/`, fetched when a student picks the language and applied by
//! [`Strings::translated`]. Placeholders keep their names in every language (`tests/i18n.rs`
//! checks that each translation has the same ones), plural forms are chosen by the Unicode plural
//! rules (`intl_pluralrules`), and numbers take the language's decimal sign in [`fill`].

pub use crate::i18n::{fill, set_current, t, Catalogue, Lang};

use crate::model::{Judged, LabGroup, LabKey, Quantity, Reading, SettingKey, Treatment};
use crate::names::{ChartEventKind, LegendEntry, OrderChoice, ScenePart, SmearFinding};
use crate::teaching::case::Panel;
use crate::view::session::classroom::HiddenPanel;
use crate::view::units::Units;

/// Declares the catalogue's fields (all `&'static str`) once, so that translating them and listing
/// them for the completeness test cannot miss one.
macro_rules! strings_struct {
    ($($(#[$meta:meta])* $field:ident,)*) => {
        /// The page's words in one language.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct Strings {
            $($(#[$meta])* pub $field: &'static str,)*
            /// The translation of the words the methods return; `None` for the English source.
            pub catalogue: Option<&'static Catalogue>,
        }

        impl Strings {
            /// This catalogue with every field and method translated by `catalogue`.
            pub fn translated(&self, catalogue: &'static Catalogue) -> Strings {
                Strings {
                    $($field: catalogue.tr(self.$field),)*
                    catalogue: Some(catalogue),
                }
            }

            /// Every field's words (the completeness test walks them).
            pub fn field_words(&self) -> Vec<&'static str> {
                vec![$(self.$field),*]
            }
        }
    };
}

strings_struct! {
    app_title,
    app_tagline,
    factory_canvas_label,
    settings_heading,
    chart_heading,
    chart_pick_label,
    sim_day_label,
    /// Also in `index.html`'s `<noscript>` (it shows before any Rust runs; a test keeps them equal).
    wasm_required,

    // Time controls.
    play,
    pause,
    step_day,
    speed_label,
    /// `{value}` simulated days per second (more than one); one day per second has its own words.
    speed_option,
    speed_option_one,
    skip_forward,
    jump_settled,
    jump_settled_hint,
    reset_all,
    keyboard_hint,

    // Presets and sharing.
    preset_label,
    preset_look_at,
    share_link,
    share_link_hint,
    notices_heading,
    life_alarm_heading,
    /// `{hb}` with its unit (g/dL or g/L, as the page's units).
    life_alarm_severe_anemia,
    life_alarm_hypovolemia,
    dismiss,
    /// `{parameter}`: an unknown query parameter.
    notice_unknown_parameter,
    /// `{parameter}`, `{value}`, `{range}`: a setting that is not a number in range.
    notice_bad_setting,
    /// `{value}`: a part of a link's `log` that could not be replayed.
    notice_bad_action,
    /// `{value}`, `{choices}`: an unknown preset id.
    notice_bad_preset,
    /// `{value}`, `{max}`: a bad `day`.
    notice_bad_day,
    /// `{parameter}`, `{value}`, `{choices}`: a value not among the allowed ones.
    notice_bad_choice,
    /// `{parameter}`, `{value}`: a value the contract names but this version does not offer yet.
    notice_not_available,

    // Lab panel.
    labs_heading,
    lab_column_test,
    lab_column_result,
    lab_column_range,
    lab_column_flag,
    lab_column_unit,
    trend_up,
    trend_down,
    trend_steady,
    flag_low,
    flag_high,

    // The factory scene (`{value}` etc. are filled by the scene).
    scene_gut,
    scene_diet_iron,
    scene_warehouse,
    scene_warehouse_iron,
    scene_liver,
    scene_hepcidin,
    scene_transferrin,
    scene_kidney,
    scene_epo,
    scene_blueprints,
    scene_b12,
    scene_folate,
    scene_floor,
    scene_output,

    // Marrow iron stain.
    stain_heading,
    stain_label,
    /// `{grade}` and `{sideroblasts}`.
    stain_caption,
    stain_legend,

    // Treatments.
    treatments_heading,
    treatment_label,
    treatment_dose_label,
    treatment_days_label,
    treatment_give,
    /// `{name}`, `{day}`: what was just given.
    treatment_given,
    /// `{value}`, `{max}`, `{unit}`.
    treatment_bad_dose,
    /// `{value}`, `{max}`.
    treatment_bad_days,

    // B12 absorption relay.
    relay_heading,
    relay_intro,
    /// `{absorbed}` and `{intake}` µg/day.
    relay_result,

    // Treatment courses and About (issue 9)
    /// The B12 replacement course in the treatments menu (its timetable is in the name).
    b12_course_name,
    /// Shown under the menu while the B12 course is chosen.
    b12_course_hint,
    /// The dose label of the B12 course (each injection's dose).
    b12_course_dose_label,
    /// The summary of the "About the model" section.
    about_heading,
    about_intro,
    /// While the notes load; and when they cannot (`{reason}`).
    about_loading,
    about_failed,
    // Charts (issue 9)
    /// The title under a chart's day axis.
    chart_day_axis,
    /// Legend entries for the three kinds of marked day (see [`Strings::chart_event_label`]).
    chart_event_treatment,
    chart_event_setting_change,
    chart_event_jump,
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
    life_alarm_severe_anemia: "Hemoglobin is {hb}: too little oxygen reaches the heart and brain. A real patient would be transfused now; the model keeps running to show where untreated disease leads.",
    life_alarm_hypovolemia: "More than 40 % of the blood volume is gone (hemorrhagic shock). A real patient needs fluids and blood now; hemoglobin has not fallen yet because plasma has not had time to refill.",
    dismiss: "Dismiss",
    notice_unknown_parameter: "Ignored the link's “{parameter}”: not a setting or option of this page.",
    notice_bad_setting: "Ignored {parameter}={value}: it must be a number from {range}.",
    notice_bad_action: "Ignored {value} in the link's log: a step the page cannot replay (day, setting or treatment out of range or unknown).",
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
    scene_output: "Red cells out ×{output}, called for ×{called} · Hb {hb}",

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

    // Treatment courses and About (issue 9)
    b12_course_name: "Vitamin B12 course (1 mg alternate days × 2 weeks, then every 3 months)",
    b12_course_hint: "Seven injections over two weeks, then one every 3 months for ten simulated years. Later doses are given as their days come; Reset all or another patient cancels them, and the share link does not carry them.",
    b12_course_dose_label: "Each injection",
    about_heading: "About the model: what is modelled, what is simplified, how it was checked",
    about_loading: "Loading the model's notes…",
    about_failed: "The model's notes could not be loaded ({reason}). They are in src/model/README.md in the repository.",
    about_intro: "The teachers' notes of the model behind this page (src/model/README.md), with its validation table and sources.",
    // Charts (issue 9)
    chart_day_axis: "day",
    chart_event_treatment: "Treatment",
    chart_event_setting_change: "Setting changed",
    chart_event_jump: "Jump to long run",
    catalogue: None,
};

impl Strings {
    /// The language these words are in.
    pub fn lang(&self) -> Lang {
        self.catalogue.map_or(Lang::En, |catalogue| catalogue.lang)
    }

    /// `english` in this catalogue's language. Tours, cases and presets pass their text here.
    pub fn tr<'a>(&self, english: &'a str) -> &'a str {
        match self.catalogue {
            Some(catalogue) => catalogue.tr(english),
            None => english,
        }
    }
}

impl Strings {
    /// The slider label a student reads for a setting.
    pub fn setting_label(&self, key: SettingKey) -> &'static str {
        self.tr(match key {
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
        })
    }

    /// A treatment's name in the treatments menu.
    pub fn treatment_name(&self, treatment: Treatment) -> &'static str {
        self.tr(match treatment {
            Treatment::Bleed => "Acute bleed",
            Treatment::Transfusion => "Red-cell transfusion",
            Treatment::IvIron => "Intravenous iron",
            Treatment::B12Injection => "Vitamin B12 injection",
            Treatment::OralIron => "Oral iron course",
            Treatment::FolicAcid => "Folic acid course",
            Treatment::Esa => "Epoetin (ESA) course",
            Treatment::AntiIl6 => "Anti-IL-6 (tocilizumab) course",
        })
    }

    /// An entry's name in the treatments menu: the treatment's, or the regimen's.
    pub fn order_name(&self, choice: OrderChoice) -> &'static str {
        self.tr(match choice {
            OrderChoice::Treatment(treatment) => self.treatment_name(treatment),
            OrderChoice::B12Course => self.b12_course_name,
        })
    }

    /// What each step of the B12 relay does, for the relay view.
    pub fn relay_step(&self, key: SettingKey) -> &'static str {
        self.tr(
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
        )
    }

    /// A station of the B12 relay, as its diagram names it (short).
    pub fn relay_station(&self, key: SettingKey) -> &'static str {
        self.tr(match key {
            SettingKey::GastricAcid => "Acid",
            SettingKey::PancreaticProtease => "Proteases",
            SettingKey::IntrinsicFactor => "Intrinsic factor",
            SettingKey::IlealUptake => "Cubam",
            _ => "",
        })
    }

    /// Clinical landmarks on a slider's scale: (value, label).
    pub fn landmarks(&self, key: SettingKey) -> Vec<(f64, &'static str)> {
        let marks: &'static [(f64, &'static str)] = match key {
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
        };
        marks
            .iter()
            .map(|&(value, words)| (value, self.tr(words)))
            .collect()
    }

    /// The legend entry for a kind of marked day on the charts.
    pub fn chart_event_label(&self, kind: ChartEventKind) -> &'static str {
        self.tr(match kind {
            ChartEventKind::Treatment => self.chart_event_treatment,
            ChartEventKind::SettingChange => self.chart_event_setting_change,
            ChartEventKind::Jump => self.chart_event_jump,
        })
    }

    /// The name of a lab on the report and on its chart.
    pub fn lab_label(&self, key: LabKey) -> &'static str {
        self.tr(match key {
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
        })
    }

    /// The heading of a lab report group.
    pub fn lab_group(&self, group: LabGroup) -> &'static str {
        self.tr(match group {
            LabGroup::BloodCount => "Blood count",
            LabGroup::Reticulocytes => "Reticulocytes",
            LabGroup::IronStudies => "Iron studies",
            LabGroup::HormonesAndSignals => "Hormones and signals",
            LabGroup::B12FolateAndMetabolites => "B12, folate and metabolites",
            LabGroup::MarrowAndIronStores => "Marrow and iron stores",
        })
    }
}

/// The why-panel and the lab interpretation (issue 9). Methods rather than fields so that each
/// quantity's words are found by an exhaustive match.
impl Strings {
    /// The name of a quantity of the causal trace.
    pub fn quantity_label(&self, quantity: Quantity) -> &'static str {
        self.tr(match quantity {
            Quantity::Setting(key) => self.setting_label(key),
            Quantity::Lab(key) => self.lab_label(key),
            Quantity::Ferroportin => "Ferroportin (the iron gates)",
            Quantity::MacrophageIron => "Iron waiting in macrophages",
            Quantity::ErythroidIronSupply => "Iron reaching the erythroblasts",
            Quantity::ErythroidMass => "Erythroblasts on the floor",
            Quantity::Erythroferrone => "Erythroferrone",
            Quantity::RedCellOutput => "Red-cell output",
            Quantity::RedCellSurvival => "Red-cell survival",
            Quantity::DnaSynthesis => "DNA synthesis",
            Quantity::B12Absorbed => "B12 absorbed",
            Quantity::Esa => "Epoetin given (ESA)",
            Quantity::IvIron => "IV iron being processed",
        })
    }

    /// One sentence on what a quantity does to the next link of the trace.
    pub fn quantity_explanation(&self, quantity: Quantity) -> &'static str {
        self.tr(
        match quantity {
            Quantity::Setting(key) => match key {
                SettingKey::IronIntake => "Diet iron is the only way iron enters the body.",
                SettingKey::BloodLoss => "Every millilitre of blood lost takes about 0.5 mg of iron and its red cells with it.",
                SettingKey::B12Intake => "B12 comes only from animal foods; the relay can absorb only what the diet brings.",
                SettingKey::FolateIntake => "Folate stores last only months, so a poor diet empties them quickly.",
                SettingKey::Il6 => "IL-6 is the inflammatory signal: it makes the liver release hepcidin, blunts EPO and slows the marrow.",
                SettingKey::Egfr => "The kidney's cells sense oxygen and make EPO; failing kidneys send less, and red cells live shorter lives.",
                SettingKey::MarrowInfiltration => "Plasma cells take the marrow's space and kill erythroblasts.",
                SettingKey::GastricAcid => "Acid frees B12 from food proteins: the relay's first step.",
                SettingKey::PancreaticProtease => "Pancreatic proteases free B12 from haptocorrin so intrinsic factor can take it.",
                SettingKey::IntrinsicFactor => "Intrinsic factor carries B12 to the ileum; in pernicious anemia it is destroyed.",
                SettingKey::IlealUptake => "The terminal ileum's cubam receptor takes up the B12–intrinsic factor complex.",
            },
            Quantity::Lab(key) => match key {
                LabKey::Day => "The day of the simulation.",
                LabKey::Hemoglobin => "Hemoglobin sets how much oxygen the blood carries; the kidney senses it.",
                LabKey::Hematocrit => "Hematocrit is the share of blood taken by red cells.",
                LabKey::RedCells => "Hemoglobin is red cells × hemoglobin in each.",
                LabKey::Mcv => "Cell volume follows DNA synthesis (big cells) and iron (small cells).",
                LabKey::Mch => "Each cell's hemoglobin is the iron it got while it was being built.",
                LabKey::Mchc => "MCHC is hemoglobin per volume of cell.",
                LabKey::Rdw => "RDW is the spread of cell sizes.",
                LabKey::Reticulocytes => "Reticulocytes are the newest red cells: the marrow's output today.",
                LabKey::ReticulocytesAbsolute => "The absolute count is the marrow's output today.",
                LabKey::ReticulocyteProductionIndex => "The RPI corrects the count for the anemia; below 2 in anemia the marrow is not answering.",
                LabKey::SerumIron => "Serum iron is the iron transferrin carries from the gates to the marrow.",
                LabKey::Tibc => "TIBC is transferrin: the liver makes more when stores are low and less in inflammation.",
                LabKey::TransferrinSaturation => "Saturation = serum iron ÷ TIBC: how full the carriers are.",
                LabKey::Ferritin => "Serum ferritin mirrors the stores, and rises in inflammation too.",
                LabKey::SolubleTransferrinReceptor => "Iron-hungry and more numerous erythroblasts shed more transferrin receptor.",
                LabKey::Erythropoietin => "EPO keeps CFU-E progenitors alive: it sets how many workers reach the floor.",
                LabKey::Hepcidin => "Hepcidin, from the liver, destroys ferroportin and so locks iron in.",
                LabKey::Il6 => "IL-6 is the inflammatory signal.",
                LabKey::VitaminB12 => "Serum B12 follows the body's B12 stores.",
                LabKey::SerumFolate => "Serum folate follows recent intake.",
                LabKey::RedCellFolate => "Red-cell folate needs B12 to leave the methyl trap.",
                LabKey::Homocysteine => "Homocysteine piles up when methionine synthase lacks B12 or folate.",
                LabKey::MethylmalonicAcid => "MMA piles up when its enzyme lacks B12 (not folate).",
                LabKey::Ldh => "LDH leaks from cells dying in the marrow or the blood.",
                LabKey::NerveDamageIndex => "Nerves need B12 for myelin.",
                LabKey::MarrowIronGrade => "Stainable marrow iron mirrors the stores.",
                LabKey::Sideroblasts => "Sideroblasts are erythroblasts with iron granules to spare.",
                LabKey::BodyIron => "Body iron is what came in minus what was lost.",
                LabKey::StorageIron => "Stores fill when macrophages cannot export their iron.",
                LabKey::IronAbsorbedTotal => "Iron absorbed since day 0.",
                LabKey::IronLostTotal => "Iron lost since day 0.",
                LabKey::B12Stores => "The liver's B12 store feeds DNA synthesis and the nerves.",
                LabKey::FolateStores => "Folate stores feed DNA synthesis.",
                LabKey::IronGivenTotal => "Iron given by mouth or vein adds to body iron.",
                LabKey::HepcidinRelative => "Hepcidin relative to health.",
                LabKey::LifeThreatening => "Whether the state is life-threatening.",
            },
            Quantity::Ferroportin => "Ferroportin is the only door iron leaves cells by; hepcidin shuts it.",
            Quantity::MacrophageIron => "Macrophages recycle the iron of old red cells and pass it out through ferroportin.",
            Quantity::ErythroidIronSupply => "Erythroblasts without enough iron make small, pale cells, or die.",
            Quantity::ErythroidMass => "A bigger erythroid marrow takes up more iron and sends more erythroferrone.",
            Quantity::Erythroferrone => "Erythroferrone from busy erythroblasts tells the liver to make less hepcidin.",
            Quantity::RedCellOutput => "Red-cell output is judged against what the anemia calls for.",
            Quantity::RedCellSurvival => "Red cells that are lost or die early must be replaced faster.",
            Quantity::DnaSynthesis => "Without DNA synthesis erythroblasts cannot divide: they grow large and many die in the marrow.",
            Quantity::B12Absorbed => "Absorbed B12 refills the liver's store.",
            Quantity::Esa => "Injected epoetin does the kidney's job.",
            Quantity::IvIron => "IV iron sits in macrophages while they process it, raising ferritin.",
        }
        )
    }

    /// The why-panel's heading: `{lab}`.
    pub fn why_heading(&self) -> &'static str {
        self.tr("Why is {lab} where it is?")
    }

    /// Shown when a lab sits at its healthy value.
    pub fn why_nothing(&self) -> &'static str {
        self.tr("{lab} is at its healthy value: nothing upstream is pushing it.")
    }

    /// The hint before any lab is chosen.
    pub fn why_hint(&self) -> &'static str {
        self.tr("Choose any lab value in the report to see the chain of causes that moved it.")
    }

    /// "Close" on the why-panel.
    pub fn why_close(&self) -> &'static str {
        self.tr("Close")
    }

    /// A link's value relative to its reference: `{fold}` and `{reference}`.
    pub fn why_fold(&self, judged: Judged) -> &'static str {
        self.tr(match judged {
            Judged::Health => "×{fold} of a healthy adult's {reference}",
            Judged::CalledFor => "×{fold} of the {reference} this Hb calls for",
        })
    }

    /// The lab interpretation's heading.
    pub fn interpretation_heading(&self) -> &'static str {
        self.tr("Interpretation")
    }

    /// The marrow's response: `{rpi}`.
    pub fn interpretation_marrow(&self, reading: Reading) -> &'static str {
        self.tr(match reading {
            Reading::Adequate => "Marrow response adequate for the anemia (RPI {rpi} ≥ 2).",
            Reading::Inadequate => {
                "Marrow response inadequate for the anemia (RPI {rpi} < 2): hypoproliferative."
            }
            _ => "No anemia: the marrow has nothing extra to answer (RPI {rpi}).",
        })
    }

    /// EPO against the Hb: `{ratio}`, `{expected}`.
    pub fn interpretation_epo(&self, reading: Reading) -> &'static str {
        self.tr(
        match reading {
            Reading::Adequate => "EPO appropriate for the Hb (observed/expected {ratio}; a healthy kidney would send ≈ {expected} mU/mL).",
            Reading::Inadequate => "EPO inappropriately low for the Hb (observed/expected {ratio} ≤ 0.9; a healthy kidney would send ≈ {expected} mU/mL).",
            _ => "EPO judged against the Hb only in anemia (observed/expected {ratio}).",
        }
        )
    }

    /// sTfR/log ferritin: `{index}`.
    pub fn interpretation_stfr(&self, reading: Reading) -> &'static str {
        self.tr(
        match reading {
            Reading::Inflammation => "sTfR/log ferritin {index} < 1: stores are there; if anemic, think inflammation.",
            Reading::IronDeficiency => "sTfR/log ferritin {index} > 2: the marrow is short of iron (iron deficiency, with or without inflammation).",
            _ => "sTfR/log ferritin {index}: between the cut-offs of 1 and 2.",
        }
        )
    }

    /// Mentzer: `{index}`.
    pub fn interpretation_mentzer(&self, reading: Reading) -> &'static str {
        self.tr(
        match reading {
            Reading::IronDeficiency => "Mentzer index {index} > 13: a microcytosis of iron deficiency rather than thalassemia trait.",
            Reading::ThalassemiaTrait => "Mentzer index {index} < 13: consider thalassemia trait.",
            _ => "Mentzer index {index} (judged only in a microcytosis).",
        }
        )
    }

    /// Hepcidin relative to health: `{fold}`.
    pub fn interpretation_hepcidin(&self) -> &'static str {
        self.tr("Hepcidin ×{fold} of the model's healthy adult.")
    }

    /// The hint on each lab value.
    pub fn lab_why_hint(&self) -> &'static str {
        self.tr("Why? Show the chain of causes")
    }

    /// A factory part's name.
    pub fn scene_part_name(&self, part: ScenePart) -> &'static str {
        self.tr(match part {
            ScenePart::GutDock => "Receiving dock (gut)",
            ScenePart::GutGate => "Gut ferroportin gate",
            ScenePart::Warehouse => "Warehouse (macrophages and stores)",
            ScenePart::WarehouseGate => "Warehouse ferroportin gate",
            ScenePart::Liver => "Liver (hepcidin)",
            ScenePart::Transferrin => "Transferrin carriers",
            ScenePart::Kidney => "Command centre (kidney, EPO)",
            ScenePart::Blueprints => "Blueprint office (B12 and folate)",
            ScenePart::Floor => "Factory floor (erythroblasts)",
            ScenePart::Squatters => "Squatters (myeloma plasma cells)",
            ScenePart::CytokineSmoke => "Cytokine smoke (IL-6)",
            ScenePart::Shipping => "Shipping (red cells to the blood)",
        })
    }

    /// What a factory part does, in one sentence.
    pub fn scene_part_role(&self, part: ScenePart) -> &'static str {
        self.tr(
        match part {
            ScenePart::GutDock => "Diet iron arrives here; the duodenum takes in more when stores are low or the blood is short of oxygen.",
            ScenePart::GutGate => "Ferroportin lets absorbed iron into the blood; hepcidin locks it.",
            ScenePart::Warehouse => "Macrophages eat old red cells and keep their iron in ferritin crates.",
            ScenePart::WarehouseGate => "The only way out for recycled iron: ferroportin, which hepcidin destroys.",
            ScenePart::Liver => "The liver makes hepcidin when stores are full or IL-6 is high, and less when the marrow calls for iron.",
            ScenePart::Transferrin => "Transferrin carries iron from the gates to the floor; its saturation is TSAT.",
            ScenePart::Kidney => "The kidney senses oxygen and sends EPO orders: more when Hb falls, fewer when the kidney fails.",
            ScenePart::Blueprints => "B12 and folate let erythroblasts copy DNA and divide; without them, cells stall as megaloblasts.",
            ScenePart::Floor => "Erythroblasts build hemoglobin with iron, divide, and eject their nucleus to become red cells.",
            ScenePart::Squatters => "Myeloma plasma cells take the floor's stations and kill erythroblasts.",
            ScenePart::CytokineSmoke => "IL-6 slows the workers, blunts EPO and tells the liver to lock the gates.",
            ScenePart::Shipping => "Finished red cells leave for the blood, sized by MCV and coloured by MCH.",
        }
        )
    }

    /// A factory part's value now (placeholders as filled by `ScenePart::value`).
    pub fn scene_part_value(&self, part: ScenePart) -> &'static str {
        self.tr(
        match part {
            ScenePart::GutDock => "Diet iron {value} % of a healthy diet",
            ScenePart::GutGate | ScenePart::WarehouseGate => "Gate {value} % open",
            ScenePart::Warehouse => "Stores {value} % of a healthy adult's",
            ScenePart::Liver => "Hepcidin ×{value} of health",
            ScenePart::Transferrin => "Transferrin {value} % saturated",
            ScenePart::Kidney => "EPO {epo} mU/mL; kidney capacity {capacity} %",
            ScenePart::Blueprints => "B12 {b12} %, folate {folate} %; DNA synthesis {dna} %",
            ScenePart::Floor => "Workers ×{workers} of health; iron supply {iron} %",
            ScenePart::Squatters => "{value} % of the marrow taken",
            ScenePart::CytokineSmoke => "IL-6 response {value} % of its maximum",
            ScenePart::Shipping => "Output ×{output} of health (the anemia calls for ×{called}); MCV {mcv} fL, MCH {mch} pg",
        }
        )
    }

    /// The scene legend's heading.
    pub fn legend_heading(&self) -> &'static str {
        self.tr("Legend")
    }

    /// The legend's entries, in order.
    pub fn legend_entry(&self, entry: LegendEntry) -> &'static str {
        self.tr(match entry {
            LegendEntry::Iron => "Iron (brown dots and crates)",
            LegendEntry::Hepcidin => "Hepcidin lock and bars on a gate",
            LegendEntry::EpoOrder => "EPO order from the kidney",
            LegendEntry::Worker => "Erythroblast worker (redder = more iron)",
            LegendEntry::StarvedWorker => "Iron-starved worker (pale)",
            LegendEntry::Megaloblast => "Stalled megaloblast (no DNA blueprint)",
            LegendEntry::PlasmaCell => "Myeloma plasma cell (squatter)",
            LegendEntry::Cytokine => "Cytokine smoke (IL-6)",
            LegendEntry::RedCell => "Red cell shipped (size = MCV, colour = MCH)",
        })
    }

    /// Prompt on the scene's parts for keyboard and touch users.
    pub fn scene_parts_hint(&self) -> &'static str {
        self.tr("Point at, tap or tab to any part of the factory to see what it does.")
    }
}

/// The teaching layer's controls (issue 10): tours, cases, compare.
impl Strings {
    pub fn activity_heading(&self) -> &'static str {
        self.tr("Learn")
    }
    pub fn tour_select_label(&self) -> &'static str {
        self.tr("Guided tour")
    }
    pub fn tour_none(&self) -> &'static str {
        self.tr("— none (free exploration) —")
    }
    /// After a right prediction: `{answer}` is the model's answer.
    pub fn tour_right(&self) -> &'static str {
        self.tr("Right: {answer}.")
    }
    /// After a wrong prediction: `{answer}` is the model's answer.
    pub fn tour_wrong(&self) -> &'static str {
        self.tr("Not quite. The model's answer: {answer}.")
    }
    /// The answers of a "which way will it go?" question: (`data-choice` id, words).
    pub fn direction_choices(&self) -> [(&'static str, &'static str); 3] {
        let choices = [
            ("up", "It will rise"),
            ("down", "It will fall"),
            ("same", "It will stay about the same"),
        ];
        choices.map(|(id, words)| (id, self.tr(words)))
    }
    pub fn tour_back(&self) -> &'static str {
        self.tr("Back")
    }
    pub fn tour_next(&self) -> &'static str {
        self.tr("Next")
    }
    /// Next, before the step's question is answered.
    pub fn tour_skip(&self) -> &'static str {
        self.tr("Skip")
    }
    pub fn tour_exit(&self) -> &'static str {
        self.tr("Leave the tour")
    }
    pub fn tour_hint(&self) -> &'static str {
        self.tr("Predict first, then watch the model run. Leaving keeps the patient as it stands.")
    }
    pub fn case_select_label(&self) -> &'static str {
        self.tr("Mystery patient")
    }
    pub fn case_none(&self) -> &'static str {
        self.tr("— none —")
    }
    pub fn case_history(&self) -> &'static str {
        self.tr("History")
    }
    pub fn case_vitals(&self) -> &'static str {
        self.tr("Examination")
    }
    pub fn case_orders(&self) -> &'static str {
        self.tr("Order tests (a blood count first)")
    }
    /// `{count}` panels ordered so far.
    pub fn case_count(&self) -> &'static str {
        self.tr("Panels ordered: {count}")
    }
    pub fn case_diagnosis(&self) -> &'static str {
        self.tr("Your diagnosis")
    }
    pub fn case_treatment(&self) -> &'static str {
        self.tr("Your treatment")
    }
    pub fn case_choose(&self) -> &'static str {
        self.tr("— choose —")
    }
    pub fn case_submit(&self) -> &'static str {
        self.tr("Submit and watch the next months")
    }
    pub fn case_right(&self) -> &'static str {
        self.tr("Right on both counts.")
    }
    pub fn case_wrong(&self) -> &'static str {
        self.tr("Not quite.")
    }
    /// `{answer}`: the right diagnosis or treatment.
    pub fn case_right_answer(&self) -> &'static str {
        self.tr("The answer: {answer}.")
    }
    pub fn case_mechanism(&self) -> &'static str {
        self.tr("What happened")
    }
    /// `{done}` cases finished, `{right}` of them right.
    pub fn case_record(&self) -> &'static str {
        self.tr("Cases finished in this browser: {done}, {right} right.")
    }
    pub fn case_leave(&self) -> &'static str {
        self.tr("Leave the case")
    }
    /// `{value}`: eGFR in mL/min/1.73 m².
    pub fn case_egfr(&self) -> &'static str {
        self.tr("eGFR {value} mL/min/1.73 m²")
    }
    /// A test panel's name on its order button.
    pub fn panel_name(&self, panel: Panel) -> &'static str {
        self.tr(match panel {
            Panel::Cbc => "Blood count (CBC)",
            Panel::Smear => "Blood smear",
            Panel::Iron => "Iron studies",
            Panel::B12Folate => "B12 and folate",
            Panel::Metabolites => "Homocysteine, MMA, LDH",
            Panel::Kidney => "Kidney function",
            Panel::Hormones => "EPO, hepcidin, IL-6",
            Panel::Marrow => "Marrow aspirate (iron stain)",
        })
    }
    /// A smear finding in words.
    pub fn smear_finding(&self, finding: SmearFinding) -> &'static str {
        self.tr(match finding {
            SmearFinding::Normocytic => "Red cells of normal size and colour.",
            SmearFinding::Microcytic => "Small red cells (microcytes).",
            SmearFinding::Macrocytic => "Large, oval red cells (macro-ovalocytes).",
            SmearFinding::Hypochromic => "Pale cells with a wide central pallor (hypochromia).",
            SmearFinding::Anisocytosis => "Cells of very different sizes (anisocytosis).",
            SmearFinding::PencilCells => "Elongated pencil cells.",
            SmearFinding::HypersegmentedNeutrophils => {
                "Hypersegmented neutrophils (six or more nuclear lobes)."
            }
            SmearFinding::Polychromasia => "Bluish young red cells (polychromasia).",
            SmearFinding::Rouleaux => "Red cells stacked like coins (rouleaux).",
        })
    }
    /// The live summary: `{day}`, `{labs}` (each "name value unit, flag"), `{others}`.
    pub fn summary_template(&self) -> &'static str {
        self.tr("Day {day}: {labs}; {others} other labs out of range.")
    }
    pub fn summary_normal(&self) -> &'static str {
        self.tr("normal")
    }
    pub fn shortcuts_heading(&self) -> &'static str {
        self.tr("Keyboard shortcuts")
    }
    pub fn shortcuts_open(&self) -> &'static str {
        self.tr("Shortcuts (?)")
    }
    pub fn shortcuts_close(&self) -> &'static str {
        self.tr("Close")
    }
    /// (keys, what they do), in the dialog's order.
    pub fn shortcuts(&self) -> [(&'static str, &'static str); 6] {
        let shortcuts = [
            ("Space", "Play or pause (when no control has the focus)"),
            ("Alt + R", "Reset all"),
            ("?", "Show this list"),
            ("Esc", "Close this list"),
            (
                "Tab / Shift + Tab",
                "Move between controls and the factory's parts",
            ),
            ("Arrows, Page Up/Down, Home/End", "Move a focused slider"),
        ];
        shortcuts.map(|(keys, words)| (self.tr(keys), self.tr(words)))
    }
    pub fn compare_label(&self) -> &'static str {
        self.tr("Compare two patients")
    }
    pub fn patient_a(&self) -> &'static str {
        self.tr("Patient A")
    }
    pub fn patient_b(&self) -> &'static str {
        self.tr("Patient B")
    }
}

// Units (issue 11)
impl Strings {
    /// The label of `units-select`.
    pub fn units_select_label(&self) -> &'static str {
        self.tr("Units")
    }
    /// An option of `units-select`, with examples of its units.
    pub fn units_name(&self, units: Units) -> &'static str {
        self.tr(match units {
            Units::Conventional => "Conventional (g/dL, µg/dL)",
            Units::Si => "SI (g/L, µmol/L)",
        })
    }
}

// Offline and export (issue 11)
impl Strings {
    /// The name the installed app goes by (the web app manifest's `name` and `short_name`).
    pub fn install_name(&self) -> &'static str {
        self.tr(self.app_title)
    }
    pub fn export_label(&self) -> &'static str {
        self.tr("Export")
    }
    pub fn export_csv(&self) -> &'static str {
        self.tr("Download CSV")
    }
    pub fn export_csv_hint(&self) -> &'static str {
        self.tr("Every simulated day's lab values, one row a day, as a spreadsheet file (CSV)")
    }
    pub fn export_png(&self) -> &'static str {
        self.tr("Download chart")
    }
    pub fn export_png_hint(&self) -> &'static str {
        self.tr("The first chart as a picture (PNG)")
    }
    pub fn print_summary(&self) -> &'static str {
        self.tr("Print summary")
    }
    pub fn print_summary_hint(&self) -> &'static str {
        self.tr("One page: the patient's settings, the lab report with flags and the charts")
    }
}

// Scenario files (issue 11)
impl Strings {
    pub fn scenario_files_label(&self) -> &'static str {
        self.tr("Scenario file")
    }
    pub fn save_scenario(&self) -> &'static str {
        self.tr("Save scenario")
    }
    pub fn save_scenario_hint(&self) -> &'static str {
        self.tr(
        "The patient's start, settings and what you did on which day, as a scenario file (JSON) that opens here and in marrow-sim"
        )
    }
    pub fn open_scenario(&self) -> &'static str {
        self.tr("Open scenario")
    }
    pub fn open_scenario_hint(&self) -> &'static str {
        self.tr("Open a scenario file (JSON): the patient it describes replaces this one")
    }
    /// The saved file's `name`: the scenario it began as and the day it was saved.
    pub fn scenario_saved_name(&self) -> &'static str {
        self.tr("{name}, saved on day {day}")
    }
    /// In the saved file's `description` and a notice: `{days}` lists the jumps' days.
    pub fn scenario_jump_left_out(&self) -> &'static str {
        self.tr(
        "Left out of this file: the jump to the long run on day {days}. A scenario file cannot express a jump, so from that day on this file's patient differs from the one saved."
        )
    }
    pub fn scenario_case_refused(&self) -> &'static str {
        self.tr(
        "A mystery case cannot be saved as a scenario file: the file would give its diagnosis away."
        )
    }
    /// A refused file: `{file}` its name, `{problem}` the field and the allowed range.
    pub fn scenario_refused(&self) -> &'static str {
        self.tr("{file} was not opened and the patient is unchanged. {problem}")
    }
    pub fn scenario_unreadable(&self) -> &'static str {
        self.tr("{file} could not be read; the patient is unchanged.")
    }
    pub fn scenario_opened(&self) -> &'static str {
        self.tr("Opened “{name}” from {file}, at day 0: press play.")
    }
}

// Classroom (issue 11)
impl Strings {
    /// `projector-toggle`.
    pub fn projector_toggle(&self) -> &'static str {
        self.tr("Projector mode")
    }
    /// `teacher-panel`: the button that opens the teacher panel.
    pub fn teacher_open(&self) -> &'static str {
        self.tr("Teacher panel")
    }
    pub fn teacher_heading(&self) -> &'static str {
        self.tr("Teacher panel")
    }
    pub fn teacher_intro(&self) -> &'static str {
        self.tr("Pick the start and what students may change; build the link.")
    }
    pub fn teacher_start(&self) -> &'static str {
        self.tr("Start with")
    }
    pub fn teacher_presets(&self) -> &'static str {
        self.tr("Patients")
    }
    pub fn teacher_cases(&self) -> &'static str {
        self.tr("Mystery cases")
    }
    pub fn teacher_tours(&self) -> &'static str {
        self.tr("Guided tours")
    }
    pub fn teacher_sliders(&self) -> &'static str {
        self.tr("Sliders")
    }
    pub fn teacher_lock(&self) -> &'static str {
        self.tr("Lock")
    }
    pub fn teacher_hide(&self) -> &'static str {
        self.tr("Hide")
    }
    pub fn teacher_panels(&self) -> &'static str {
        self.tr("Panels to hide")
    }
    /// The name of a panel a teacher may hide.
    pub fn teacher_panel_name(&self, panel: HiddenPanel) -> &'static str {
        self.tr(match panel {
            HiddenPanel::Treatments => "Treatments",
            HiddenPanel::B12Relay => "B12 relay",
            HiddenPanel::Charts => "Charts",
            HiddenPanel::Stain => "Marrow iron stain",
            HiddenPanel::Interpretation => "Interpretation",
            HiddenPanel::About => "About the model",
        })
    }
    pub fn teacher_charts(&self) -> &'static str {
        self.tr("Charts (at most 6)")
    }
    pub fn teacher_speed(&self) -> &'static str {
        self.tr("Speed")
    }
    pub fn teacher_speed_default(&self) -> &'static str {
        self.tr("The page's default")
    }
    /// A speed option; `{days}` days per second.
    pub fn teacher_speed_option(&self) -> &'static str {
        self.tr("{days} days per second")
    }
    pub fn teacher_projector(&self) -> &'static str {
        self.tr("Projector mode")
    }
    pub fn teacher_embed(&self) -> &'static str {
        self.tr("Embedded (no header)")
    }
    pub fn teacher_build(&self) -> &'static str {
        self.tr("Build the link")
    }
    pub fn teacher_copy_link(&self) -> &'static str {
        self.tr("Copy the link")
    }
    pub fn teacher_copy_iframe(&self) -> &'static str {
        self.tr("Copy the iframe")
    }
    pub fn teacher_link_label(&self) -> &'static str {
        self.tr("Link for the class")
    }
    pub fn teacher_iframe_label(&self) -> &'static str {
        self.tr("Iframe for a learning platform")
    }
    /// The iframe snippet; `{src}` is the embedded link, already escaped for an attribute.
    pub fn teacher_iframe_template(&self) -> &'static str {
        self.tr(
        "<iframe src=\"{src}\" title=\"Marrow Factory\" width=\"100%\" height=\"760\" style=\"border:0;max-width:100%\" loading=\"lazy\"></iframe>"
        )
    }
    /// Under a slider the teacher locked.
    pub fn locked_note(&self) -> &'static str {
        self.tr("Locked by your teacher.")
    }
}

/// Units (issue 11).
impl Strings {
    /// A unit as printed after a number: units with words in them ("mg/day", "units") take the
    /// page's language; symbols (g/dL, fL, %) are the same in every language.
    pub fn unit(&self, unit: &'static str) -> &'static str {
        self.tr(match unit {
            "mg/day" => "mg/day",
            "mL/day" => "mL/day",
            "µg/day" => "µg/day",
            "units" => "units",
            "days" => "days",
            "IU/kg" => "IU/kg",
            symbol => symbol,
        })
    }

    /// A case whose file could not be fetched or read: `{case}` (its title), `{reason}`.
    pub fn case_failed(&self) -> &'static str {
        self.tr("The case “{case}” could not be opened ({reason}).")
    }

    /// The choices of `charts=` in a notice: `{max}`.
    pub fn chart_choices(&self) -> &'static str {
        self.tr("sample keys of the lab panel, at most {max}")
    }

    /// The name of the time controls for screen readers.
    pub fn time_controls_label(&self) -> &'static str {
        self.tr("Time controls")
    }

    /// An allowed range in a notice: `{low}`, `{high}`, `{unit}`.
    pub fn value_range(&self) -> &'static str {
        self.tr("{low} to {high} {unit}")
    }
}

/// The page's language (issue 11).
impl Strings {
    /// The label of `lang-select`.
    pub fn language_label(&self) -> &'static str {
        self.tr("Language")
    }

    /// A language whose words could not be fetched: `{language}`, `{reason}`.
    pub fn language_failed(&self) -> &'static str {
        self.tr(
            "The {language} words could not be loaded ({reason}); the page stays in its language.",
        )
    }
}

// Crash recovery (issue 12): the error overlay (`error-overlay`) shown after a panic.
impl Strings {
    pub const fn error_overlay_heading(&self) -> &'static str {
        "Something went wrong inside the simulation"
    }
    pub const fn error_overlay_text(&self) -> &'static str {
        "The simulation hit an internal error and stopped; nothing you did caused it. The page kept your last good state: restore it to carry on from there, or start again."
    }
    /// The folded part that holds the program's own message.
    pub const fn error_overlay_details(&self) -> &'static str {
        "What the program reported"
    }
    pub const fn error_overlay_restore(&self) -> &'static str {
        "Restore the last good state"
    }
    pub const fn error_overlay_start_again(&self) -> &'static str {
        "Start again"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_by_name() {
        assert_eq!(
            fill(
                ENGLISH.scene_output,
                &[("output", "1.0"), ("called", "1.0"), ("hb", "15.3")]
            ),
            "Red cells out ×1.0, called for ×1.0 · Hb 15.3"
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
                    (spec.min..=spec.max).contains(&value),
                    "{}: {label} at {value} is off the scale",
                    spec.key
                );
            }
        }
    }
}
