//! The bone-marrow factory scene: what the model's state looks like as a factory
//! (../shared/domain/anemia-pathophysiology.md), drawn by a pure function of a [`FactoryScene`], the
//! animation time and a palette. Nothing here is scripted per preset: every count, opening and
//! colour comes from the model.

use crate::model::physiology::{HEALTHY_EPO_MU_ML, NORMAL_MCH_PG, NORMAL_MCV_FL};
use crate::model::{LabKey, Labs, Patient, Quantity};
use crate::palette::{Colour, Palette};
use crate::strings::{fill, Strings};
use crate::view::units::{render_prose, Units};

pub use crate::names::{LegendEntry, ScenePart};

use super::painter::{Painter, TextAlign};
use super::scatter;

/// The scene's coordinate system (scene units; scaled to the canvas by a view transform).
pub const SCENE_WIDTH: f64 = 1000.0;
pub const SCENE_HEIGHT: f64 = 560.0;

/// Workers on the floor for a healthy erythroid mass; tuned for teaching (readable at a glance, room
/// for a five-fold expansion on the floor's 60 places).
pub const WORKERS_AT_HEALTHY_MASS: f64 = 12.0;
/// Places on the factory floor (columns × rows).
const FLOOR_COLUMNS: usize = 12;
const FLOOR_ROWS: usize = 5;
/// Red cells per real second leaving on the conveyor at healthy output; tuned for a readable pace.
const CELLS_PER_SECOND_AT_HEALTHY_OUTPUT: f64 = 2.0;
/// Conveyor speed, scene units per real second.
const CONVEYOR_SPEED_PER_SECOND: f64 = 70.0;
/// Radius of a normal red cell (MCV 90 fL) on the conveyor, scene units.
const NORMAL_CELL_RADIUS: f64 = 11.0;
/// Iron crates a full healthy warehouse shows.
const CRATES_AT_HEALTHY_STORES: f64 = 10.0;
/// Three rows of eight: a fourth would cover the warehouse's name.
const MAX_CRATES: usize = 24;

/// What the factory shows, derived from the model (all 0–1 unless a unit is named).
#[derive(Clone, Debug, PartialEq)]
pub struct FactoryScene {
    /// Dietary iron relative to a healthy diet (iron arriving at the gut dock).
    pub diet_iron_relative: f64,
    /// Openness of the gut's ferroportin gate (1 = healthy, up to 2 when hepcidin is low).
    pub gut_gate_openness: f64,
    /// Openness of the macrophage warehouses' ferroportin gate.
    pub warehouse_gate_openness: f64,
    /// Hepcidin relative to health (the lock on both gates).
    pub hepcidin_relative: f64,
    /// Iron held in macrophages and stores relative to a healthy adult's stores.
    pub warehouse_iron_relative: f64,
    /// Transferrin saturation as a fraction: iron on its way to the floor.
    pub transferrin_saturation: f64,
    /// EPO relative to health: how busy the kidney's order line is.
    pub epo_relative: f64,
    /// The kidney's EPO-making capacity (eGFR).
    pub kidney_capacity: f64,
    /// Erythroblasts and marrow reticulocytes relative to health: the workers.
    pub erythroid_mass_relative: f64,
    /// Share of the erythroblasts' iron demand met: how red the workers are.
    pub worker_iron_supply: f64,
    /// Inflammatory signal relative to its saturation: the cytokine haze.
    pub cytokine_haze: f64,
    /// Marrow space taken by foreign (plasma) cells.
    pub infiltration_share: f64,
    /// Failing DNA synthesis: the share of workers that are stalled megaloblasts.
    pub megaloblast_share: f64,
    /// B12 and folate blueprints available.
    pub b12_blueprints: f64,
    pub folate_blueprints: f64,
    /// Red cells leaving per day relative to health.
    pub output_relative: f64,
    /// What the anemia calls for, relative to health (a healthy marrow's answer to this Hb).
    pub output_called_for: f64,
    /// Mean cell volume and hemoglobin of the cells on the conveyor.
    pub mcv_fl: f64,
    pub mch_pg: f64,
    pub hb_g_dl: f64,
    pub epo_mu_ml: f64,
}

impl FactoryScene {
    /// The scene for a patient and the labs already computed from it.
    pub fn from_patient(patient: &Patient, labs: &Labs) -> FactoryScene {
        let readout = patient.readout();
        let settings = &patient.settings;
        let healthy_iron = crate::model::SettingKey::IronIntake.spec().healthy;
        FactoryScene {
            diet_iron_relative: settings.iron_intake_mg_per_day / healthy_iron,
            gut_gate_openness: readout.gut_gate_openness,
            warehouse_gate_openness: readout.warehouse_gate_openness,
            hepcidin_relative: readout.hepcidin_relative,
            warehouse_iron_relative: readout.warehouse_iron_relative,
            transferrin_saturation: labs.tsat_percent / 100.0,
            epo_relative: labs.epo_mu_ml / HEALTHY_EPO_MU_ML,
            kidney_capacity: readout.kidney_capacity,
            erythroid_mass_relative: readout.erythroid_mass_relative,
            worker_iron_supply: readout.erythroid_iron_supply,
            cytokine_haze: readout.inflammation_response.clamp(0.0, 1.0),
            infiltration_share: settings.marrow_infiltration_percent / 100.0,
            megaloblast_share: (1.0 - readout.dna_synthesis).clamp(0.0, 1.0),
            b12_blueprints: readout.b12_sufficiency,
            folate_blueprints: readout.folate_sufficiency,
            output_relative: readout.output_relative,
            output_called_for: readout.output_called_for,
            mcv_fl: labs.mcv_fl,
            mch_pg: labs.mch_pg,
            hb_g_dl: labs.hb_g_dl,
            epo_mu_ml: labs.epo_mu_ml,
        }
    }

    /// Workers drawn on the floor (erythroid mass), never more than the places left.
    pub fn worker_count(&self) -> usize {
        let wanted = (self.erythroid_mass_relative * WORKERS_AT_HEALTHY_MASS).round();
        (wanted.max(0.0) as usize).min(FLOOR_COLUMNS * FLOOR_ROWS - self.plasma_cell_count())
    }

    /// Floor places taken by plasma cells.
    pub fn plasma_cell_count(&self) -> usize {
        ((self.infiltration_share * (FLOOR_COLUMNS * FLOOR_ROWS) as f64).round() as usize)
            .min(FLOOR_COLUMNS * FLOOR_ROWS)
    }

    /// Workers drawn as stalled megaloblasts.
    pub fn megaloblast_count(&self) -> usize {
        (self.worker_count() as f64 * self.megaloblast_share).round() as usize
    }

    /// Iron crates in the warehouse.
    pub fn crate_count(&self) -> usize {
        ((self.warehouse_iron_relative * CRATES_AT_HEALTHY_STORES)
            .round()
            .max(0.0) as usize)
            .min(MAX_CRATES)
    }

    /// How open a ferroportin gate looks (0 shut … 1 wide open); 1.5 × healthy is wide open.
    pub fn gate_opening(openness: f64) -> f64 {
        (openness / 1.5).clamp(0.0, 1.0)
    }

    /// Radius of the red cells on the conveyor, scene units: proportional to cell diameter, which
    /// follows volume as its cube root, exaggerated (squared) so that the change is visible.
    pub fn cell_radius(&self) -> f64 {
        let volume = (self.mcv_fl / NORMAL_MCV_FL).clamp(0.3, 2.0);
        NORMAL_CELL_RADIUS * volume.powf(2.0 / 3.0)
    }

    /// How much hemoglobin colours the cells (1 = normal MCH, less is paler).
    pub fn cell_fullness(&self) -> f64 {
        (self.mch_pg / NORMAL_MCH_PG).clamp(0.2, 1.3)
    }
}

impl ScenePart {
    pub const ALL: [ScenePart; 12] = [
        ScenePart::GutDock,
        ScenePart::GutGate,
        ScenePart::Liver,
        ScenePart::Kidney,
        ScenePart::Blueprints,
        ScenePart::Warehouse,
        ScenePart::WarehouseGate,
        ScenePart::Transferrin,
        ScenePart::Floor,
        ScenePart::Squatters,
        ScenePart::CytokineSmoke,
        ScenePart::Shipping,
    ];

    /// The part's id (`scene-part-ID` hooks, tour highlights, `data-part` of why-links).
    pub const fn id(self) -> &'static str {
        match self {
            ScenePart::GutDock => "gut-dock",
            ScenePart::GutGate => "gut-gate",
            ScenePart::Warehouse => "warehouse",
            ScenePart::WarehouseGate => "warehouse-gate",
            ScenePart::Liver => "liver",
            ScenePart::Transferrin => "transferrin",
            ScenePart::Kidney => "kidney",
            ScenePart::Blueprints => "blueprints",
            ScenePart::Floor => "floor",
            ScenePart::Squatters => "squatters",
            ScenePart::CytokineSmoke => "cytokine-smoke",
            ScenePart::Shipping => "shipping",
        }
    }

    /// Left, top, width and height in scene units: where the part is drawn.
    pub const fn area(self) -> (f64, f64, f64, f64) {
        match self {
            ScenePart::GutDock => (15.0, 60.0, 180.0, 140.0),
            ScenePart::GutGate => (193.0, 95.0, 24.0, 90.0),
            ScenePart::Warehouse => (15.0, 265.0, 180.0, 175.0),
            ScenePart::WarehouseGate => (193.0, 305.0, 24.0, 110.0),
            ScenePart::Liver => (255.0, 6.0, 165.0, 110.0),
            ScenePart::Transferrin => (222.0, 115.0, 44.0, 230.0),
            ScenePart::Kidney => (462.0, 4.0, 245.0, 150.0),
            ScenePart::Blueprints => (780.0, 4.0, 215.0, 126.0),
            ScenePart::Floor => (300.0, 160.0, 685.0, 90.0),
            ScenePart::Squatters => (300.0, 250.0, 340.0, 175.0),
            ScenePart::CytokineSmoke => (640.0, 250.0, 345.0, 175.0),
            ScenePart::Shipping => (300.0, 440.0, 685.0, 105.0),
        }
    }

    /// The part that shows a quantity of the causal trace, if one does.
    pub const fn showing(quantity: Quantity) -> Option<ScenePart> {
        use crate::model::SettingKey as S;
        match quantity {
            Quantity::Setting(S::IronIntake) => Some(ScenePart::GutDock),
            Quantity::Setting(
                S::B12Intake
                | S::FolateIntake
                | S::GastricAcid
                | S::PancreaticProtease
                | S::IntrinsicFactor
                | S::IlealUptake,
            ) => Some(ScenePart::Blueprints),
            Quantity::Setting(S::Il6) | Quantity::Lab(LabKey::Il6) => {
                Some(ScenePart::CytokineSmoke)
            }
            Quantity::Setting(S::Egfr) | Quantity::Lab(LabKey::Erythropoietin) | Quantity::Esa => {
                Some(ScenePart::Kidney)
            }
            Quantity::Setting(S::MarrowInfiltration) => Some(ScenePart::Squatters),
            Quantity::Setting(S::BloodLoss) => Some(ScenePart::Shipping),
            Quantity::Lab(LabKey::Hepcidin | LabKey::HepcidinRelative) => Some(ScenePart::Liver),
            Quantity::Ferroportin => Some(ScenePart::WarehouseGate),
            Quantity::MacrophageIron
            | Quantity::IvIron
            | Quantity::Lab(
                LabKey::StorageIron
                | LabKey::Ferritin
                | LabKey::BodyIron
                | LabKey::MarrowIronGrade
                | LabKey::IronGivenTotal,
            ) => Some(ScenePart::Warehouse),
            Quantity::Lab(LabKey::SerumIron | LabKey::Tibc | LabKey::TransferrinSaturation) => {
                Some(ScenePart::Transferrin)
            }
            Quantity::ErythroidIronSupply
            | Quantity::ErythroidMass
            | Quantity::Erythroferrone
            | Quantity::Lab(LabKey::SolubleTransferrinReceptor | LabKey::Sideroblasts) => {
                Some(ScenePart::Floor)
            }
            Quantity::DnaSynthesis
            | Quantity::B12Absorbed
            | Quantity::Lab(
                LabKey::B12Stores
                | LabKey::FolateStores
                | LabKey::VitaminB12
                | LabKey::SerumFolate
                | LabKey::RedCellFolate
                | LabKey::Homocysteine
                | LabKey::MethylmalonicAcid,
            ) => Some(ScenePart::Blueprints),
            Quantity::RedCellOutput
            | Quantity::RedCellSurvival
            | Quantity::Lab(
                LabKey::Hemoglobin
                | LabKey::Hematocrit
                | LabKey::RedCells
                | LabKey::Mcv
                | LabKey::Mch
                | LabKey::Mchc
                | LabKey::Rdw
                | LabKey::Reticulocytes
                | LabKey::ReticulocytesAbsolute
                | LabKey::ReticulocyteProductionIndex,
            ) => Some(ScenePart::Shipping),
            Quantity::Lab(
                LabKey::Day
                | LabKey::Ldh
                | LabKey::NerveDamageIndex
                | LabKey::IronAbsorbedTotal
                | LabKey::IronLostTotal
                | LabKey::LifeThreatening,
            ) => None,
        }
    }

    /// The part's name and value now ("Liver (hepcidin): Hepcidin ×1.8 of health").
    pub fn label(self, scene: &FactoryScene, strings: &Strings) -> String {
        format!(
            "{}: {}",
            strings.scene_part_name(self),
            self.value(scene, strings)
        )
    }

    /// The part's value now, as the tooltip prints it.
    pub fn value(self, scene: &FactoryScene, strings: &Strings) -> String {
        let percent = |share: f64| format!("{:.0}", share * 100.0);
        let one = |value: f64| format!("{value:.1}");
        let template = strings.scene_part_value(self);
        match self {
            ScenePart::GutDock => fill(template, &[("value", &percent(scene.diet_iron_relative))]),
            ScenePart::GutGate => fill(
                template,
                &[(
                    "value",
                    &percent(FactoryScene::gate_opening(scene.gut_gate_openness)),
                )],
            ),
            ScenePart::Warehouse => fill(
                template,
                &[("value", &percent(scene.warehouse_iron_relative))],
            ),
            ScenePart::WarehouseGate => fill(
                template,
                &[(
                    "value",
                    &percent(FactoryScene::gate_opening(scene.warehouse_gate_openness)),
                )],
            ),
            ScenePart::Liver => fill(template, &[("value", &one(scene.hepcidin_relative))]),
            ScenePart::Transferrin => fill(
                template,
                &[("value", &percent(scene.transferrin_saturation))],
            ),
            ScenePart::Kidney => fill(
                template,
                &[
                    ("epo", &format!("{:.0}", scene.epo_mu_ml)),
                    ("capacity", &percent(scene.kidney_capacity)),
                ],
            ),
            ScenePart::Blueprints => fill(
                template,
                &[
                    ("b12", &percent(scene.b12_blueprints)),
                    ("folate", &percent(scene.folate_blueprints)),
                    ("dna", &percent(1.0 - scene.megaloblast_share)),
                ],
            ),
            ScenePart::Floor => fill(
                template,
                &[
                    ("workers", &one(scene.erythroid_mass_relative)),
                    ("iron", &percent(scene.worker_iron_supply.min(1.0))),
                ],
            ),
            ScenePart::Squatters => {
                fill(template, &[("value", &percent(scene.infiltration_share))])
            }
            ScenePart::CytokineSmoke => fill(template, &[("value", &percent(scene.cytokine_haze))]),
            ScenePart::Shipping => fill(
                template,
                &[
                    ("output", &one(scene.output_relative)),
                    ("called", &one(scene.output_called_for)),
                    ("mcv", &format!("{:.0}", scene.mcv_fl)),
                    ("mch", &format!("{:.0}", scene.mch_pg)),
                ],
            ),
        }
    }
}

impl LegendEntry {
    pub const ALL: [LegendEntry; 9] = [
        LegendEntry::Iron,
        LegendEntry::Hepcidin,
        LegendEntry::EpoOrder,
        LegendEntry::Worker,
        LegendEntry::StarvedWorker,
        LegendEntry::Megaloblast,
        LegendEntry::PlasmaCell,
        LegendEntry::Cytokine,
        LegendEntry::RedCell,
    ];

    /// The swatch colour: the same palette entry the scene draws with.
    pub const fn colour(self, palette: &Palette) -> Colour {
        match self {
            LegendEntry::Iron => palette.iron,
            LegendEntry::Hepcidin => palette.hepcidin,
            LegendEntry::EpoOrder => palette.epo,
            LegendEntry::Worker => palette.worker,
            LegendEntry::StarvedWorker => palette.worker_starved,
            LegendEntry::Megaloblast => palette.megaloblast,
            LegendEntry::PlasmaCell => palette.plasma_cell,
            LegendEntry::Cytokine => palette.cytokine_haze,
            LegendEntry::RedCell => palette.red_cell,
        }
    }
}

/// The scene in words, for screen readers (`scene-description`): every part's name and value.
pub fn describe_scene(scene: &FactoryScene, strings: &Strings) -> String {
    ScenePart::ALL
        .into_iter()
        .map(|part| format!("{}.", part.label(scene, strings)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Mixes two colours, `share` of the second.
pub fn mix(first: Colour, second: Colour, share: f64) -> Colour {
    let share = share.clamp(0.0, 1.0);
    let channel =
        |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * share).round() as u8;
    Colour {
        red: channel(first.red, second.red),
        green: channel(first.green, second.green),
        blue: channel(first.blue, second.blue),
    }
}

/// Font sizes, scene units: readable on a projector when the scene is ≈ 700 px wide.
const LABEL_SIZE: f64 = 25.0;
const CAPTION_SIZE: f64 = 21.0;
/// Dock captions stop short of the gate in the dock's right wall ("Gate 100 % open" in 175 units).
const DOCK_CAPTION_SIZE: f64 = 18.0;

/// Draws the whole factory. `animation_seconds` only moves things along (0 with reduced motion:
/// the same state, standing still).
pub fn draw_factory_scene(
    painter: &mut impl Painter,
    scene: &FactoryScene,
    animation_seconds: f64,
    palette: &Palette,
    strings: &Strings,
    units: Units,
) {
    draw_factory_backdrop(painter, palette, strings);
    draw_factory_foreground(painter, scene, animation_seconds, palette, strings, units);
}

/// The gut dock's room: left, top, width, height, scene units.
const GUT_DOCK_ROOM: (f64, f64, f64, f64) = (15.0, 60.0, 190.0, 140.0);
/// The macrophage warehouse's room: left, top, width, height, scene units.
const WAREHOUSE_ROOM: (f64, f64, f64, f64) = (15.0, 265.0, 190.0, 175.0);
/// Where the liver and the kidney stand (their centres), scene units.
const LIVER_CENTRE: (f64, f64) = (300.0, 78.0);
const KIDNEY_CENTRE: (f64, f64) = (560.0, 72.0);
/// The blueprint office's left edge and top, scene units.
const BLUEPRINTS_TOP_LEFT: (f64, f64) = (800.0, 34.0);
/// The frame of the blueprint office's bar on `row` (0 B12, 1 folate): left, top, full width,
/// height, scene units. The backdrop draws the empty frame, the foreground fills it.
fn blueprint_bar(row: usize) -> (f64, f64, f64, f64) {
    let (left, top) = BLUEPRINTS_TOP_LEFT;
    (left + 80.0, top + 12.0 + row as f64 * 38.0, 105.0, 26.0)
}
/// The conveyor: left and right ends and the belt's top, scene units.
const CONVEYOR: (f64, f64, f64) = (300.0, 985.0, 485.0);

/// What does not change with the patient or the animation: the floor, the docks' rooms and names,
/// the liver's, kidney's and blueprint office's names, the blueprint bars' frames and the belt.
/// The page draws it once per size, language and palette onto a layer of its own and copies that
/// under each frame (issue 12: the names are most of the scene's text, and text is the dearest
/// thing a frame draws). Nothing drawn here overlaps a moving part that [`draw_factory_foreground`]
/// draws before it would have in one pass, so the two layers make the same picture as one pass.
pub fn draw_factory_backdrop(painter: &mut impl Painter, palette: &Palette, strings: &Strings) {
    painter.rectangle(
        0.0,
        0.0,
        SCENE_WIDTH,
        SCENE_HEIGHT,
        palette.factory_floor,
        1.0,
    );
    for ((left, top, width, height), name) in [
        (GUT_DOCK_ROOM, strings.scene_gut),
        (WAREHOUSE_ROOM, strings.scene_warehouse),
    ] {
        painter.rectangle(left, top, width, height, palette.dock, 1.0);
        painter.text(
            name,
            left + 8.0,
            top + 28.0,
            LABEL_SIZE,
            palette.text,
            TextAlign::Left,
        );
    }
    for ((x, y), name) in [
        (LIVER_CENTRE, strings.scene_liver),
        (KIDNEY_CENTRE, strings.scene_kidney),
    ] {
        painter.text(
            name,
            x,
            y - 44.0,
            LABEL_SIZE,
            palette.text,
            TextAlign::Centre,
        );
    }
    painter.text(
        strings.scene_blueprints,
        990.0,
        BLUEPRINTS_TOP_LEFT.1 - 6.0,
        LABEL_SIZE,
        palette.text,
        TextAlign::Right,
    );
    for row in 0..2 {
        let (left, top, width, height) = blueprint_bar(row);
        painter.rectangle(left, top, width, height, palette.dock, 1.0);
    }
    let (left, right, belt_y) = CONVEYOR;
    painter.rectangle(left, belt_y, right - left, 12.0, palette.conveyor, 1.0);
}

/// Everything that follows the patient or moves, over [`draw_factory_backdrop`].
pub fn draw_factory_foreground(
    painter: &mut impl Painter,
    scene: &FactoryScene,
    animation_seconds: f64,
    palette: &Palette,
    strings: &Strings,
    units: Units,
) {
    draw_gut_dock(painter, scene, animation_seconds, palette, strings);
    draw_warehouse(painter, scene, palette, strings);
    draw_liver(painter, scene, palette, strings);
    draw_transferrin_pipe(painter, scene, animation_seconds, palette, strings);
    draw_kidney(painter, scene, animation_seconds, palette, strings);
    draw_blueprints(painter, scene, palette, strings);
    draw_floor(painter, scene, animation_seconds, palette, strings);
    draw_conveyor(painter, scene, animation_seconds, palette, strings, units);
}

/// A ferroportin gate on a dock's right wall: the open part lets iron through; the shut part is
/// barred in hepcidin's colour with a padlock that grows with hepcidin.
fn draw_gate(
    painter: &mut impl Painter,
    x: f64,
    top: f64,
    height: f64,
    openness: f64,
    hepcidin_relative: f64,
    palette: &Palette,
) {
    let opening = FactoryScene::gate_opening(openness);
    let shut = height * (1.0 - opening);
    let half_width = GATE_WIDTH / 2.0;
    painter.rectangle(
        x - half_width,
        top,
        GATE_WIDTH,
        height,
        palette.gate_frame,
        1.0,
    );
    painter.rectangle(
        x - half_width + 3.0,
        top + shut,
        GATE_WIDTH - 6.0,
        height - shut,
        palette.factory_floor,
        1.0,
    );
    let bars = (shut / 10.0).floor() as usize;
    for bar in 0..bars {
        let y = top + 5.0 + bar as f64 * 10.0;
        painter.line(
            (x - half_width, y),
            (x + half_width, y),
            3.0,
            palette.hepcidin,
        );
    }
    let lock_radius = (5.0 + 5.0 * hepcidin_relative.sqrt()).min(18.0);
    painter.ring(
        x,
        top - lock_radius - 2.0,
        lock_radius * 0.6,
        3.0,
        palette.hepcidin,
    );
    painter.rectangle(
        x - lock_radius,
        top - lock_radius,
        lock_radius * 2.0,
        lock_radius * 1.2,
        palette.hepcidin,
        1.0,
    );
}

/// Width of a ferroportin gate, scene units: wide enough to read at 1024 × 768.
const GATE_WIDTH: f64 = 22.0;

/// A supply dock: a room (on the backdrop, with its name) with a caption at the bottom and a
/// ferroportin gate in its right wall. What lies inside is drawn by the dock's own function.
struct Dock {
    /// Left, top, width, height, scene units.
    room: (f64, f64, f64, f64),
    caption: String,
    /// The gate's own line ("gate 55 % open").
    gate_caption: String,
    /// The gate's top below the room's top, and its height, scene units.
    gate: (f64, f64),
    gate_openness: f64,
}

fn draw_dock(painter: &mut impl Painter, dock: &Dock, hepcidin_relative: f64, palette: &Palette) {
    let (left, top, width, height) = dock.room;
    painter.text(
        &dock.caption,
        left + 8.0,
        top + height - 34.0,
        DOCK_CAPTION_SIZE,
        palette.text,
        TextAlign::Left,
    );
    painter.text(
        &dock.gate_caption,
        left + 8.0,
        top + height - 10.0,
        DOCK_CAPTION_SIZE,
        palette.text,
        TextAlign::Left,
    );
    draw_gate(
        painter,
        left + width,
        top + dock.gate.0,
        dock.gate.1,
        dock.gate_openness,
        hepcidin_relative,
        palette,
    );
}

fn draw_gut_dock(
    painter: &mut impl Painter,
    scene: &FactoryScene,
    animation_seconds: f64,
    palette: &Palette,
    strings: &Strings,
) {
    let (left, top, width, height) = GUT_DOCK_ROOM;
    draw_dock(
        painter,
        &Dock {
            room: GUT_DOCK_ROOM,
            caption: fill(
                strings.scene_diet_iron,
                &[("value", &format!("{:.0}", scene.diet_iron_relative * 100.0))],
            ),
            gate_caption: ScenePart::GutGate.value(scene, strings),
            gate: (50.0, height - 60.0),
            gate_openness: scene.gut_gate_openness,
        },
        scene.hepcidin_relative,
        palette,
    );
    // Diet iron arriving: dots drifting in from the left, as many as the diet brings.
    let arriving = (scene.diet_iron_relative * 6.0).round().clamp(0.0, 18.0) as usize;
    for index in 0..arriving {
        let phase = (scatter(index, 1) + animation_seconds * 0.15) % 1.0;
        let x = left + 10.0 + phase * (width - 40.0);
        let y = top + 45.0 + scatter(index, 2) * (height - 80.0);
        painter.circle(x, y, 5.0, palette.iron, 1.0);
    }
}

fn draw_warehouse(
    painter: &mut impl Painter,
    scene: &FactoryScene,
    palette: &Palette,
    strings: &Strings,
) {
    let (left, top, _, height) = WAREHOUSE_ROOM;
    draw_dock(
        painter,
        &Dock {
            room: WAREHOUSE_ROOM,
            caption: fill(
                strings.scene_warehouse_iron,
                &[(
                    "value",
                    &format!("{:.0}", scene.warehouse_iron_relative * 100.0),
                )],
            ),
            gate_caption: ScenePart::WarehouseGate.value(scene, strings),
            gate: (55.0, height - 75.0),
            gate_openness: scene.warehouse_gate_openness,
        },
        scene.hepcidin_relative,
        palette,
    );
    // Iron crates piling up: 8 to a row, from the floor up.
    for index in 0..scene.crate_count() {
        let column = index % 8;
        let row = index / 8;
        painter.rectangle(
            left + 8.0 + column as f64 * 22.0,
            top + height - 78.0 - row as f64 * 22.0,
            18.0,
            18.0,
            palette.iron,
            1.0,
        );
    }
}

fn draw_liver(
    painter: &mut impl Painter,
    scene: &FactoryScene,
    palette: &Palette,
    strings: &Strings,
) {
    let (x, y) = LIVER_CENTRE;
    // Hepcidin's reach to both gates: thicker as it rises.
    let width = (1.0 + 2.0 * scene.hepcidin_relative).min(8.0);
    painter.line((x - 30.0, y + 5.0), (205.0, 95.0), width, palette.hepcidin);
    painter.line(
        (x - 20.0, y + 28.0),
        (205.0, 305.0),
        width,
        palette.hepcidin,
    );
    painter.circle(x, y, 34.0, palette.liver, 1.0);
    // Two lines, the name over its value, so that the caption stays short of the kidney in every
    // language ("hepcidina ×10,5" on one line would run under it).
    let caption = fill(
        strings.scene_hepcidin,
        &[("value", &format!("{:.1}", scene.hepcidin_relative))],
    );
    let (name, value) = caption.rsplit_once(' ').unwrap_or((caption.as_str(), ""));
    for (line, text) in [name, value].into_iter().enumerate() {
        painter.text(
            text,
            x + 40.0,
            y - 4.0 + line as f64 * CAPTION_SIZE,
            CAPTION_SIZE,
            palette.text,
            TextAlign::Left,
        );
    }
}

fn draw_transferrin_pipe(
    painter: &mut impl Painter,
    scene: &FactoryScene,
    animation_seconds: f64,
    palette: &Palette,
    strings: &Strings,
) {
    // From both gates down a pipe and onto the floor.
    let path = [
        (232.0, 110.0),
        (255.0, 110.0),
        (255.0, 330.0),
        (300.0, 330.0),
    ];
    for pair in path.windows(2) {
        painter.line(pair[0], pair[1], 14.0, palette.pipe);
    }
    let length: f64 = path
        .windows(2)
        .map(|pair| (pair[1].0 - pair[0].0).abs() + (pair[1].1 - pair[0].1).abs())
        .sum();
    let carried = (scene.transferrin_saturation * 30.0)
        .round()
        .clamp(0.0, 30.0) as usize;
    for index in 0..carried {
        let distance = ((index as f64 / carried as f64) + animation_seconds * 0.12) % 1.0 * length;
        let point = point_along(&path, distance);
        painter.circle(point.0, point.1, 4.0, palette.iron, 1.0);
    }
    painter.text(
        &fill(
            strings.scene_transferrin,
            &[(
                "value",
                &format!("{:.0}", scene.transferrin_saturation * 100.0),
            )],
        ),
        15.0,
        475.0,
        CAPTION_SIZE,
        palette.text,
        TextAlign::Left,
    );
}

/// The point `distance` along a path of horizontal and vertical segments.
fn point_along(path: &[(f64, f64)], mut distance: f64) -> (f64, f64) {
    for pair in path.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        let length = (to.0 - from.0).abs() + (to.1 - from.1).abs();
        if distance <= length && length > 0.0 {
            let share = distance / length;
            return (
                from.0 + (to.0 - from.0) * share,
                from.1 + (to.1 - from.1) * share,
            );
        }
        distance -= length;
    }
    path.last().copied().unwrap_or((0.0, 0.0))
}

fn draw_kidney(
    painter: &mut impl Painter,
    scene: &FactoryScene,
    animation_seconds: f64,
    palette: &Palette,
    strings: &Strings,
) {
    let (x, y) = KIDNEY_CENTRE;
    // The kidney dims as eGFR falls.
    let colour = mix(palette.dock, palette.kidney, scene.kidney_capacity);
    painter.circle(x - 22.0, y, 30.0, colour, 1.0);
    painter.circle(x + 22.0, y, 30.0, colour, 1.0);
    painter.circle(x, y + 14.0, 12.0, palette.factory_floor, 1.0);
    // Below the kidney, where a three-digit EPO cannot run into the blueprint office.
    painter.text(
        &fill(
            strings.scene_epo,
            &[("value", &format!("{:.0}", scene.epo_mu_ml))],
        ),
        x + 60.0,
        y + 58.0,
        CAPTION_SIZE,
        palette.text,
        TextAlign::Left,
    );
    // EPO orders flying down to the floor: more of them, and faster, as EPO rises.
    let orders = (3.0 * scene.epo_relative.max(0.0).sqrt())
        .round()
        .clamp(0.0, 14.0) as usize;
    for index in 0..orders {
        let phase = (index as f64 / orders as f64 + animation_seconds * 0.4) % 1.0;
        let order_x = x - 50.0 + scatter(index, 3) * 100.0;
        let order_y = y + 34.0 + phase * 110.0;
        painter.rectangle(order_x - 7.0, order_y - 5.0, 14.0, 10.0, palette.epo, 1.0);
    }
}

fn draw_blueprints(
    painter: &mut impl Painter,
    scene: &FactoryScene,
    palette: &Palette,
    strings: &Strings,
) {
    let (office_left, _) = BLUEPRINTS_TOP_LEFT;
    for (row, (label, amount, colour)) in [
        (strings.scene_b12, scene.b12_blueprints, palette.b12),
        (
            strings.scene_folate,
            scene.folate_blueprints,
            palette.folate,
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let (left, y, width, height) = blueprint_bar(row);
        painter.rectangle(left, y, width * amount, height, colour, 1.0);
        painter.text(
            label,
            office_left,
            y + 19.0,
            CAPTION_SIZE,
            palette.text,
            TextAlign::Left,
        );
    }
}

fn draw_floor(
    painter: &mut impl Painter,
    scene: &FactoryScene,
    animation_seconds: f64,
    palette: &Palette,
    strings: &Strings,
) {
    let (left, top, width, height) = (300.0, 160.0, 685.0, 265.0);
    painter.rectangle(left, top, width, height, palette.floor_area, 1.0);
    painter.text(
        &fill(
            strings.scene_floor,
            &[(
                "value",
                &format!("{:.1}", scene.erythroid_mass_relative.max(0.0)),
            )],
        ),
        left + 10.0,
        top + 28.0,
        LABEL_SIZE,
        palette.text,
        TextAlign::Left,
    );
    let places = FLOOR_COLUMNS * FLOOR_ROWS;
    let cell_width = width / FLOOR_COLUMNS as f64;
    let cell_height = (height - 30.0) / FLOOR_ROWS as f64;
    let place_centre = |place: usize| {
        let column = place % FLOOR_COLUMNS;
        let row = place / FLOOR_COLUMNS;
        (
            left + (column as f64 + 0.5) * cell_width,
            top + 30.0 + (row as f64 + 0.5) * cell_height,
        )
    };
    // Places in a fixed shuffled order: plasma cells take the first ones, workers the next.
    let mut order: Vec<usize> = (0..places).collect();
    order.sort_by(|a, b| scatter(*a, 7).total_cmp(&scatter(*b, 7)));
    let plasma_cells = scene.plasma_cell_count();
    for &place in order.iter().take(plasma_cells) {
        let (x, y) = place_centre(place);
        painter.circle(x, y, 16.0, palette.plasma_cell, 1.0);
        painter.circle(x + 6.0, y - 3.0, 7.0, palette.plasma_cell_nucleus, 1.0);
    }
    // Each worker runs the erythroblast's cycle at its station: it builds hemoglobin (grows and
    // reddens as its nucleus condenses), divides, then ejects its nucleus. The pace follows the
    // red-cell output; cytokine smoke slows it. Iron-starved workers stay pale.
    let pace = WORKER_CYCLES_PER_SECOND_AT_HEALTHY_OUTPUT
        * scene.output_relative.clamp(0.2, 3.0)
        * (1.0 - 0.6 * scene.cytokine_haze);
    let worker_colour = mix(
        palette.worker_starved,
        palette.worker,
        scene.worker_iron_supply,
    );
    let megaloblasts = scene.megaloblast_count();
    for (index, &place) in order
        .iter()
        .skip(plasma_cells)
        .take(scene.worker_count())
        .enumerate()
    {
        let (x, y) = place_centre(place);
        if index < megaloblasts {
            // Oversized and stalled: the nucleus never finishes dividing, so it never moves on.
            painter.circle(x, y, 18.0, palette.megaloblast, 1.0);
            painter.circle(x, y, 11.0, palette.worker_nucleus, 0.5);
        } else {
            let phase = (animation_seconds * pace + scatter(index, 5)) % 1.0;
            draw_worker(painter, (x, y), phase, worker_colour, palette);
        }
    }
    // Cytokine haze drifting over the floor.
    // Many faint, overlapping puffs read as a haze rather than as cells.
    if scene.cytokine_haze > 0.05 {
        let puffs = (scene.cytokine_haze * 24.0).round() as usize;
        for index in 0..puffs {
            let drift = (scatter(index, 11) + animation_seconds * 0.02) % 1.0;
            let x = left + 30.0 + drift * (width - 60.0);
            let y = top + 60.0 + scatter(index, 13) * (height - 100.0);
            painter.circle(x, y, 70.0, palette.cytokine_haze, 0.1 * scene.cytokine_haze);
        }
    }
}

/// Worker cycles per real second at healthy output; tuned for teaching (a calm, readable pace).
const WORKER_CYCLES_PER_SECOND_AT_HEALTHY_OUTPUT: f64 = 0.25;

/// One erythroblast at `phase` (0–1) of its cycle: building hemoglobin, dividing, ejecting its
/// nucleus.
fn draw_worker(
    painter: &mut impl Painter,
    (x, y): (f64, f64),
    phase: f64,
    colour: Colour,
    palette: &Palette,
) {
    const BUILDING_END: f64 = 0.55;
    const DIVIDING_END: f64 = 0.75;
    if phase < BUILDING_END {
        let progress = phase / BUILDING_END;
        let body = mix(palette.worker_nucleus, colour, 0.35 + 0.65 * progress);
        painter.circle(x, y, 9.0 + 4.0 * progress, body, 1.0);
        painter.circle(
            x - 1.0,
            y - 1.0,
            6.0 - 2.0 * progress,
            palette.worker_nucleus,
            1.0,
        );
    } else if phase < DIVIDING_END {
        let progress = (phase - BUILDING_END) / (DIVIDING_END - BUILDING_END);
        let apart = 3.0 + 6.0 * progress;
        for side in [-1.0, 1.0] {
            painter.circle(x + side * apart, y, 9.0, colour, 1.0);
            painter.circle(x + side * apart, y, 3.5, palette.worker_nucleus, 1.0);
        }
    } else {
        let progress = (phase - DIVIDING_END) / (1.0 - DIVIDING_END);
        painter.circle(x, y, 11.0, mix(colour, palette.red_cell, progress), 1.0);
        painter.circle(
            x + 5.0 + 16.0 * progress,
            y - 4.0 - 8.0 * progress,
            3.5,
            palette.worker_nucleus,
            1.0 - 0.7 * progress,
        );
    }
}

fn draw_conveyor(
    painter: &mut impl Painter,
    scene: &FactoryScene,
    animation_seconds: f64,
    palette: &Palette,
    strings: &Strings,
    units: Units,
) {
    let (left, right, belt_y) = CONVEYOR;
    painter.text(
        &fill(
            strings.scene_output,
            &[
                ("output", &format!("{:.1}", scene.output_relative.max(0.0))),
                (
                    "called",
                    &format!("{:.1}", scene.output_called_for.max(0.0)),
                ),
                // With its unit, in the page's units.
                (
                    "hb",
                    &render_prose(&format!("{{hb_g_dl:{:.1}}}", scene.hb_g_dl), units),
                ),
            ],
        ),
        left,
        belt_y + 45.0,
        CAPTION_SIZE,
        palette.text,
        TextAlign::Left,
    );
    let cells_per_second = CELLS_PER_SECOND_AT_HEALTHY_OUTPUT * scene.output_relative;
    if cells_per_second <= 0.01 {
        return;
    }
    let spacing = (CONVEYOR_SPEED_PER_SECOND / cells_per_second).max(6.0);
    let offset = (animation_seconds * CONVEYOR_SPEED_PER_SECOND) % spacing;
    let radius = scene.cell_radius();
    let fullness = scene.cell_fullness();
    let body = mix(palette.red_cell_pale, palette.red_cell, fullness.min(1.0));
    // Central pallor widens as the cells carry less hemoglobin.
    let pallor = (0.25 + 0.5 * (1.0 - fullness).max(0.0)).min(0.75);
    let mut x = left + offset;
    while x < right - radius {
        painter.circle(x, belt_y - radius - 1.0, radius, body, 1.0);
        painter.circle(
            x,
            belt_y - radius - 1.0,
            radius * pallor,
            palette.red_cell_pale,
            0.8,
        );
        x += spacing;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Patient, Settings};
    use crate::strings::ENGLISH;
    use crate::view::drawing::painter::{Mark, Recorder};

    fn scene_for(settings: Settings) -> FactoryScene {
        let patient = Patient::settled(settings);
        FactoryScene::from_patient(&patient, &patient.labs())
    }

    fn draw(scene: &FactoryScene, seconds: f64) -> Recorder {
        draw_in(scene, seconds, &ENGLISH)
    }

    fn draw_in(scene: &FactoryScene, seconds: f64, strings: &Strings) -> Recorder {
        let mut recorder = Recorder::default();
        draw_factory_scene(
            &mut recorder,
            scene,
            seconds,
            &Palette::STANDARD,
            strings,
            Units::Conventional,
        );
        recorder
    }

    /// The languages every layout test draws in.
    fn languages() -> [&'static Strings; 2] {
        [&ENGLISH, crate::i18n::spanish_for_tests()]
    }

    fn healthy() -> FactoryScene {
        let patient = Patient::new(Settings::default());
        FactoryScene::from_patient(&patient, &patient.labs())
    }

    #[test]
    fn a_healthy_factory_has_its_normal_workforce_and_open_gates() {
        let scene = healthy();
        assert_eq!(scene.worker_count(), WORKERS_AT_HEALTHY_MASS as usize);
        assert_eq!(scene.plasma_cell_count(), 0);
        assert_eq!(scene.megaloblast_count(), 0);
        assert!((scene.output_relative - 1.0).abs() < 0.05);
        // Every worker shows at least one nucleus, whatever stage of its cycle it is at.
        for seconds in [0.0, 1.3, 2.9] {
            let nuclei = draw(&scene, seconds).circles_of(Palette::STANDARD.worker_nucleus);
            assert!(nuclei >= scene.worker_count(), "{nuclei} at {seconds} s");
        }
        let recorder = draw(&scene, 0.0);
        assert_ne!(recorder, draw(&scene, 1.0), "the workers stand still");
        for label in [ENGLISH.scene_gut, ENGLISH.scene_kidney, ENGLISH.scene_liver] {
            assert!(recorder.texts().contains(&label), "{label} not drawn");
        }
    }

    #[test]
    fn inflammation_locks_the_gates_and_fills_the_warehouse_while_the_pipe_runs_dry() {
        let healthy = healthy();
        let inflamed = scene_for(Settings {
            il6_pg_per_ml: 80.0,
            ..Settings::default()
        });
        assert!(inflamed.hepcidin_relative > 1.5 * healthy.hepcidin_relative);
        assert!(
            FactoryScene::gate_opening(inflamed.warehouse_gate_openness)
                < FactoryScene::gate_opening(healthy.warehouse_gate_openness)
        );
        assert!(inflamed.transferrin_saturation < healthy.transferrin_saturation);
        assert!(inflamed.cytokine_haze > 0.5);
        let bars = |recorder: &Recorder| {
            recorder
                .marks
                .iter()
                .filter(|mark| matches!(mark, Mark::Line { colour, .. } if *colour == Palette::STANDARD.hepcidin))
                .count()
        };
        assert!(bars(&draw(&inflamed, 0.0)) > bars(&draw(&healthy, 0.0)));
        let haze = |recorder: &Recorder| recorder.circles_of(Palette::STANDARD.cytokine_haze);
        assert!(haze(&draw(&inflamed, 0.0)) > 0);
        assert_eq!(haze(&draw(&healthy, 0.0)), 0);
    }

    #[test]
    fn iron_deficiency_sends_out_small_pale_cells_and_b12_deficiency_big_ones_from_megaloblasts() {
        let healthy = healthy();
        let iron_deficient = scene_for(Settings {
            blood_loss_ml_per_day: 10.0,
            ..Settings::default()
        });
        assert!(iron_deficient.cell_radius() < 0.9 * healthy.cell_radius());
        assert!(iron_deficient.cell_fullness() < 0.85 * healthy.cell_fullness());
        assert!(iron_deficient.worker_iron_supply < 0.8);
        assert!(iron_deficient.crate_count() < healthy.crate_count());
        let b12_deficient = scene_for(Settings {
            intrinsic_factor_percent: 0.0,
            ..Settings::default()
        });
        assert!(b12_deficient.cell_radius() > 1.1 * healthy.cell_radius());
        assert!(b12_deficient.megaloblast_count() > 0);
        assert!(b12_deficient.b12_blueprints < 0.5);
    }

    #[test]
    fn kidney_failure_dims_the_kidney_and_myeloma_crowds_the_floor() {
        let ckd = scene_for(Settings {
            egfr_ml_per_min: 10.0,
            ..Settings::default()
        });
        assert!(ckd.kidney_capacity < 0.3);
        let myeloma = scene_for(Settings {
            marrow_infiltration_percent: 60.0,
            ..Settings::default()
        });
        assert_eq!(myeloma.plasma_cell_count(), 36);
        let recorder = draw(&myeloma, 0.0);
        assert_eq!(
            recorder.circles_of(Palette::STANDARD.plasma_cell),
            myeloma.plasma_cell_count()
        );
        assert!(myeloma.plasma_cell_count() + myeloma.worker_count() <= 60);
    }

    #[test]
    fn the_conveyor_carries_more_cells_when_output_rises_and_time_moves_them() {
        let mut scene = healthy();
        let cells = |recorder: &Recorder, scene: &FactoryScene| {
            let body = mix(
                Palette::STANDARD.red_cell_pale,
                Palette::STANDARD.red_cell,
                scene.cell_fullness().min(1.0),
            );
            recorder.circles_of(body)
        };
        let normal = cells(&draw(&scene, 0.0), &scene);
        scene.output_relative = 2.0;
        let doubled = cells(&draw(&scene, 0.0), &scene);
        assert!(doubled >= 2 * normal - 1, "{normal} → {doubled}");
        // Motion: the same state at a later time draws the cells elsewhere (reduced motion passes 0).
        assert_ne!(draw(&scene, 0.0), draw(&scene, 0.3));
        assert_eq!(draw(&scene, 0.0), draw(&scene, 0.0));
    }

    /// Left and right edges of a drawn text, scene units, with a generous width per character
    /// (0.6 × the font size: wider than the sans-serif digits and letters the scene uses).
    fn text_extent(mark: &Mark) -> Option<(&str, f64, f64)> {
        let Mark::Text {
            text,
            x,
            size,
            align,
            ..
        } = mark
        else {
            return None;
        };
        let width = 0.6 * size * text.chars().count() as f64;
        let left = match align {
            TextAlign::Left => *x,
            TextAlign::Centre => x - width / 2.0,
            TextAlign::Right => x - width,
        };
        Some((text.as_str(), left, left + width))
    }

    #[test]
    fn labels_stay_inside_the_scene_and_dock_captions_stop_before_their_gate() {
        for (preset, strings) in crate::presets::PRESETS
            .iter()
            .flat_map(|preset| languages().map(|strings| (preset, strings)))
        {
            let patient = preset.patient();
            let scene = FactoryScene::from_patient(&patient, &patient.labs());
            let recorder = draw_in(&scene, 0.0, strings);
            for mark in &recorder.marks {
                let Some((text, left, right)) = text_extent(mark) else {
                    continue;
                };
                assert!(
                    left >= 0.0 && right <= SCENE_WIDTH,
                    "{}: {text} runs off the scene ({left:.0}–{right:.0})",
                    preset.id
                );
                let dock_right = ScenePart::GutGate.area().0;
                if left < dock_right
                    && !text.starts_with(strings.scene_transferrin.split(' ').next().unwrap())
                {
                    assert!(
                        right <= dock_right + 1.0,
                        "{}: {text} runs into the gate ({right:.0} > {dock_right:.0})",
                        preset.id
                    );
                }
            }
        }
    }

    #[test]
    fn the_transferrin_caption_stops_short_of_the_shipping_belt_in_every_language() {
        // The caption sits left of the belt at its height; at full saturation it is longest.
        let mut scene = healthy();
        scene.transferrin_saturation = 1.0;
        let belt_left = ScenePart::Shipping.area().0;
        for strings in languages() {
            let recorder = draw_in(&scene, 0.0, strings);
            let transferrin_word = strings.scene_transferrin.split(' ').next().unwrap();
            let caption = recorder
                .marks
                .iter()
                .filter_map(text_extent)
                .find(|(text, ..)| text.starts_with(transferrin_word))
                .expect("a transferrin caption");
            assert!(
                caption.2 <= belt_left,
                "{} ends at {:.0}, on the belt ({belt_left:.0})",
                caption.0,
                caption.2
            );
        }
    }

    #[test]
    fn the_hepcidin_caption_stops_short_of_the_kidney_in_every_language() {
        let mut scene = healthy();
        scene.hepcidin_relative = 12.5;
        let kidney_left = ScenePart::Kidney.area().0 + 20.0;
        for strings in languages() {
            let recorder = draw_in(&scene, 0.0, strings);
            let hepcidin_word = strings.scene_hepcidin.split(' ').next().unwrap();
            let lines: Vec<_> = recorder
                .marks
                .iter()
                .filter_map(text_extent)
                .filter(|(text, ..)| text.starts_with(hepcidin_word) || text.starts_with('×'))
                .filter(|(_, left, _)| (330.0..400.0).contains(left))
                .collect();
            assert_eq!(lines.len(), 2, "{lines:?}");
            for (text, _, right) in lines {
                assert!(
                    right <= kidney_left,
                    "{text} ends at {right:.0}, under the kidney"
                );
            }
        }
    }

    #[test]
    fn crates_never_cover_the_warehouse_name() {
        let mut scene = healthy();
        scene.warehouse_iron_relative = 10.0;
        let recorder = draw(&scene, 0.0);
        let name_bottom = 265.0 + 30.0;
        for mark in &recorder.marks {
            if let Mark::Rectangle { y, colour, .. } = mark {
                if *colour == Palette::STANDARD.iron {
                    assert!(*y >= name_bottom, "a crate at y = {y}");
                }
            }
        }
    }

    #[test]
    fn every_part_encloses_its_name_and_stays_inside_the_scene() {
        let scene = healthy();
        for (strings, (part, name)) in languages().into_iter().flat_map(|strings| {
            [
                (ScenePart::GutDock, strings.scene_gut),
                (ScenePart::Warehouse, strings.scene_warehouse),
                (ScenePart::Liver, strings.scene_liver),
                (ScenePart::Kidney, strings.scene_kidney),
                (ScenePart::Blueprints, strings.scene_blueprints),
            ]
            .map(|pair| (strings, pair))
        }) {
            let recorder = draw_in(&scene, 0.0, strings);
            let (left, top, width, height) = part.area();
            assert!(left >= 0.0 && top >= 0.0);
            assert!(left + width <= SCENE_WIDTH && top + height <= SCENE_HEIGHT);
            let (text, text_left, text_right) = recorder
                .marks
                .iter()
                .filter_map(text_extent)
                .find(|(text, ..)| *text == name)
                .unwrap();
            let Some(Mark::Text { y, size, .. }) = recorder
                .marks
                .iter()
                .find(|mark| matches!(mark, Mark::Text { text, .. } if text == name))
            else {
                unreachable!()
            };
            assert!(
                text_left >= left - 2.0 && text_right <= left + width + 12.0,
                "{text} sideways outside {part:?}"
            );
            assert!(
                y - 0.8 * size >= top && *y <= top + height,
                "{text} above or below {part:?}"
            );
        }
    }

    #[test]
    fn the_scene_in_words_says_which_gates_are_shut_and_what_the_kidney_sends() {
        let inflamed = scene_for(Settings {
            il6_pg_per_ml: 80.0,
            ..Settings::default()
        });
        let words = describe_scene(&inflamed, &ENGLISH);
        for part in ScenePart::ALL {
            assert!(words.contains(ENGLISH.scene_part_name(part)), "{words}");
        }
        assert!(words.contains(&ScenePart::WarehouseGate.value(&inflamed, &ENGLISH)));
        assert!(words.contains(&format!("EPO {:.0} mU/mL", inflamed.epo_mu_ml)));
        assert_ne!(words, describe_scene(&healthy(), &ENGLISH));
    }
}
