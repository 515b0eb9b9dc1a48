//! The physiology engine: pure Rust, no browser crates. The page and `marrow-sim` run this same code.

pub mod settings;

pub use settings::{RangeError, SettingKey, SettingSpec, Settings};
