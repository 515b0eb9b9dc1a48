//! The animated bone-marrow factory (`data-testid="factory-canvas"`), redrawn every frame.

use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::FrameSnapshot;
use crate::palette::Palette;
use crate::strings::ENGLISH;

/// Cells per second leaving on the conveyor at a healthy diet; tuned for teaching (a readable pace).
const CELLS_PER_SECOND_AT_HEALTHY_DIET: f64 = 1.5;
/// Conveyor speed, canvas pixels (CSS) per second.
const CONVEYOR_SPEED_PX_PER_SECOND: f64 = 60.0;

/// The factory scene. Redraws whenever the frame snapshot changes, at most once per frame.
#[component]
pub fn FactoryCanvas(#[prop(into)] snapshot: Signal<FrameSnapshot>) -> impl IntoView {
    let canvas_ref = NodeRef::<Canvas>::new();
    Effect::new(move || {
        let snapshot = snapshot.get();
        if let Some(canvas) = canvas_ref.get() {
            if let Some(context) = fit_to_display(&canvas) {
                draw_factory(&context, &snapshot, &Palette::STANDARD);
            }
        }
    });
    view! {
        <canvas
            node_ref=canvas_ref
            class="factory-canvas"
            data-testid="factory-canvas"
            role="img"
            aria-label=ENGLISH.factory_canvas_label
        ></canvas>
    }
}

/// Matches the canvas's backing store to its displayed size and the device pixel ratio (HiDPI),
/// and returns a context whose units are CSS pixels.
fn fit_to_display(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    let pixel_ratio = web_sys::window().map_or(1.0, |window| window.device_pixel_ratio());
    let width = (f64::from(canvas.client_width()) * pixel_ratio).round() as u32;
    let height = (f64::from(canvas.client_height()) * pixel_ratio).round() as u32;
    if width > 0 && (canvas.width() != width || canvas.height() != height) {
        canvas.set_width(width);
        canvas.set_height(height);
    }
    let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    context
        .set_transform(pixel_ratio, 0.0, 0.0, pixel_ratio, 0.0, 0.0)
        .ok()?;
    Some(context)
}

/// Draws the factory for one snapshot: a floor, a conveyor and red cells riding it at a rate set by
/// the supplies. A function of its inputs only.
pub fn draw_factory(
    context: &CanvasRenderingContext2d,
    snapshot: &FrameSnapshot,
    palette: &Palette,
) {
    let canvas = context.canvas();
    let pixel_ratio = web_sys::window().map_or(1.0, |window| window.device_pixel_ratio());
    let (width, height) = canvas.map_or((600.0, 300.0), |canvas| {
        (
            f64::from(canvas.width()) / pixel_ratio,
            f64::from(canvas.height()) / pixel_ratio,
        )
    });
    context.set_fill_style_str(&palette.factory_floor.css());
    context.fill_rect(0.0, 0.0, width, height);
    let belt_y = height * 0.7;
    context.set_fill_style_str(&palette.conveyor.css());
    context.fill_rect(0.0, belt_y, width, 10.0);

    let cells_per_second = CELLS_PER_SECOND_AT_HEALTHY_DIET * snapshot.output_fraction;
    if cells_per_second <= 0.0 {
        return;
    }
    let spacing_px = CONVEYOR_SPEED_PX_PER_SECOND / cells_per_second;
    let offset_px = (snapshot.animation_seconds * CONVEYOR_SPEED_PX_PER_SECOND) % spacing_px;
    let radius = 9.0;
    context.set_fill_style_str(&palette.red_cell.css());
    let mut x = offset_px;
    while x < width + radius {
        context.begin_path();
        // An arc with valid radius and angles cannot fail.
        let _ = context.arc(x, belt_y - radius, radius, 0.0, std::f64::consts::TAU);
        context.fill();
        x += spacing_px;
    }
}
