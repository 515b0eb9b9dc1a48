//! What the page shows, as pure Rust: the factory scene and the marrow stain drawn through a
//! [`painter::Painter`], the lab report's lines, and the share link. Tested natively; the Leptos
//! components in `app` only call these.

pub mod factory_scene;
pub mod lab_report;
pub mod marrow_stain;
pub mod page_link;
pub mod painter;
pub mod simulation;
