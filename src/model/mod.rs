//! The physiology engine: pure Rust, no browser crates. The page and `marrow-sim` run this same code.
//!
//! - [`Settings`]: the patient's supplies and signals (the sliders).
//! - `PatientState` (private to the model): everything that changes over time, advanced by
//!   [`Patient::step`]; the page reads it only through [`Patient::labs`] and [`Patient::readout`].
//! - [`Labs`]: the lab report, computed from the state by [`Patient::labs`].

pub mod causes;
mod compartments;
pub mod erythron;
pub mod events;
pub mod interpretation;
pub mod labs;
pub mod patient;
pub mod physiology;
pub mod readout;
pub mod scenario;
pub mod settings;
pub mod settle;

pub use causes::{CausalChain, CausalLink, Judged, Quantity};
pub use events::{Event, EventAction, Treatment};
pub use interpretation::{Interpretation, Reading};
pub use labs::{Flag, LabGroup, LabKey, LabSpec, Labs, REFERENCE_RANGES};
pub use patient::{Patient, STEP_DAYS};
pub use readout::Readout;
pub use scenario::{Scenario, ScenarioError, Start};
pub use settings::{RangeError, SettingKey, SettingSpec, Settings};
pub use settle::SETTLING_DAYS;
