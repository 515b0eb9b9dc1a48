//! Marrow Factory: an interactive teaching simulation of anemia.
//!
//! `model` is the pure-Rust physiology engine (tested natively, shared by the page and `marrow-sim`);
//! `charts` draws time courses on any plotters backend; `view` holds the page's drawing and text as
//! pure, natively tested functions; `app` is the Leptos page (wasm32 only).

pub mod charts;
pub mod cli;
pub mod i18n;
pub mod model;
pub mod names;
pub mod palette;
pub mod presets;
pub mod strings;
pub mod teaching;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod app;
