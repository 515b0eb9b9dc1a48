//! The things the page names: plain enums that the string catalogue and the view share, kept
//! here, below both, so that the catalogue can give each one its words without depending on the
//! view. Their behaviour is implemented where they are used (`charts`, `view::drawing`,
//! `view::session`), and they are re-exported from there.

use crate::model::Treatment;

/// What a marked day on the charts was, so the student can tell a treatment from a slider move.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChartEventKind {
    /// Something given from the treatment panel (a transfusion, a bleed, a course of iron…).
    Treatment,
    /// A setting changed (a slider, or a share link at day 0).
    SettingChange,
    /// "Jump to long run": the state leapt to where the settings lead.
    Jump,
}

/// One entry of the treatments menu: a treatment as the model gives it, or a regimen built from
/// one. The menu's option value is [`OrderChoice::key`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrderChoice {
    Treatment(Treatment),
    /// Vitamin B12 injections as the usual replacement course (loading, then maintenance).
    B12Course,
}

/// A part of the factory a student can point at, tap or focus (and a tour can highlight): its
/// place in scene units, its name, what it does and its value now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScenePart {
    GutDock,
    GutGate,
    Warehouse,
    WarehouseGate,
    Liver,
    Transferrin,
    Kidney,
    Blueprints,
    Floor,
    Squatters,
    CytokineSmoke,
    Shipping,
}

/// An entry of the scene's legend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegendEntry {
    Iron,
    Hepcidin,
    EpoOrder,
    Worker,
    StarvedWorker,
    Megaloblast,
    PlasmaCell,
    Cytokine,
    RedCell,
}

/// What a blood smear shows, read from the model (a mystery patient's smear panel).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmearFinding {
    Normocytic,
    Microcytic,
    Macrocytic,
    Hypochromic,
    Anisocytosis,
    PencilCells,
    HypersegmentedNeutrophils,
    Polychromasia,
    Rouleaux,
}
