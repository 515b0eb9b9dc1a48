//! What is drawn: the factory scene and the marrow stain, painted through a [`painter::Painter`] as
//! pure functions of a snapshot of the model's readout, a view transform and a palette.

pub mod factory_scene;
pub mod marrow_stain;
pub mod painter;

/// A fixed pseudo-random number in 0–1 for an index and a salt (a splitmix-style hash), so that
/// things scattered over a drawing stay where they are from one frame to the next.
pub fn scatter(index: usize, salt: u64) -> f64 {
    let mut x = (index as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ salt;
    x ^= x >> 31;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 27;
    (x % 10_000) as f64 / 10_000.0
}
