//! Marrow Factory: an interactive teaching simulation of anemia.
//!
//! `model` is the pure-Rust physiology engine (tested natively, shared by the page and `marrow-sim`);
//! `charts` draws time courses on any plotters backend; `app` is the Leptos page (wasm32 only).

pub mod charts;
pub mod cli;
pub mod model;
pub mod palette;
pub mod strings;

#[cfg(target_arch = "wasm32")]
pub mod app;
