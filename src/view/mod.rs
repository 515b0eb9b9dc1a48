//! What the page shows, as pure Rust: the factory scene and the marrow stain drawn through a
//! [`painter::Painter`], the lab report's lines, and the share link. Tested natively; the Leptos
//! components in `app` only call these.

pub mod factory_scene;
pub mod lab_report;
pub mod marrow_stain;
pub mod page_link;
pub mod painter;
pub mod simulation;
pub mod treatment_order;

/// A fixed pseudo-random number in 0–1 for an index and a salt (a splitmix-style hash), so that
/// things scattered over a drawing stay where they are from one frame to the next.
pub fn scatter(index: usize, salt: u64) -> f64 {
    let mut x = (index as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ salt;
    x ^= x >> 31;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 27;
    (x % 10_000) as f64 / 10_000.0
}
