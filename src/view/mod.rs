//! What the page shows, as pure Rust, tested natively; the Leptos components in `app` only call
//! these. Two halves: the [`session`] (clock, link, treatment orders) and the [`drawing`] (scene,
//! stain, painter). The lab report's lines, the units it prints in, the model's notes ("About
//! the model") and the exports (CSV, file names, the printed summary) sit beside them.

pub mod about;
pub mod drawing;
pub mod export;
pub mod lab_report;
pub mod session;
pub mod teacher_form;
pub mod units;
pub mod why_trace;
