//! The physiology engine: pure Rust, no browser crates. The page and `marrow-sim` run this same code.
//!
//! - [`Settings`]: the patient's supplies and signals (the sliders).
//! - [`PatientState`]: everything that changes over time, advanced by [`Patient::step`].
//! - [`Labs`]: the lab report, computed from the state by [`Patient::labs`].

pub mod erythron;
pub mod events;
pub mod labs;
pub mod patient;
pub mod physiology;
pub mod readout;
pub mod scenario;
pub mod settings;
pub mod settle;

pub use events::{Event, EventAction, Treatment};
pub use labs::{Flag, Labs, ReferenceRange, REFERENCE_RANGES};
pub use patient::{Patient, PatientState, STEP_DAYS};
pub use readout::Readout;
pub use scenario::{Scenario, ScenarioError, Start};
pub use settings::{RangeError, SettingKey, SettingSpec, Settings};
pub use settle::{settled_state, SETTLING_DAYS};
