//! The animated bone-marrow factory (`factory-canvas`), redrawn once per published frame.

use leptos::html::Canvas;
use leptos::prelude::*;

use super::canvas_painter::{displayed_size, fit_canvas, CanvasPainter};
use crate::palette::Palette;
use crate::strings::{t, Strings};
use crate::view::drawing::factory_scene::{
    draw_factory_backdrop, draw_factory_foreground, FactoryScene, SCENE_HEIGHT, SCENE_WIDTH,
};
use crate::view::drawing::painter::ViewTransform;
use crate::view::units::Units;

/// The factory scene.
///
/// - `scene`: what the factory shows and the animation time, seconds (one pair per frame).
/// - `palette`: standard or projector colours.
/// - `units`: the page's units (the Hb under the conveyor).
/// - `reduced_motion`: the student asked for less motion; the scene still shows the state (the
///   frame loop then keeps the animation time still).
#[component]
pub fn FactoryCanvas(
    scene: Signal<(FactoryScene, f64)>,
    palette: Signal<Palette>,
    units: Signal<Units>,
    reduced_motion: bool,
) -> impl IntoView {
    let canvas_ref = NodeRef::<Canvas>::new();
    let size = displayed_size(canvas_ref);
    let resized = Trigger::new();
    let backdrop = StoredValue::new_local(None::<Backdrop>);
    Effect::new(move || {
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        resized.track();
        let size = size.get();
        let palette = palette.get();
        scene.with(|(scene, animation_seconds)| {
            if let Some((context_2d, width, height)) = fit_canvas(&canvas, size) {
                let transform = ViewTransform::fit(SCENE_WIDTH, SCENE_HEIGHT, width, height);
                context_2d.clear_rect(0.0, 0.0, width, height);
                let drawn = BackdropKey {
                    width_px: canvas.width(),
                    height_px: canvas.height(),
                    pixel_ratio: web_sys::window()
                        .map_or(1.0, |window| window.device_pixel_ratio()),
                    transform,
                    palette,
                    strings: t(),
                };
                backdrop.update_value(|backdrop| {
                    copy_backdrop(&context_2d, backdrop, drawn);
                });
                let mut painter =
                    CanvasPainter::new(&context_2d, transform).with_line_weight(&palette);
                draw_factory_foreground(
                    &mut painter,
                    scene,
                    *animation_seconds,
                    &palette,
                    t(),
                    units.get(),
                );
            }
        });
    });
    // Redraw when the window resizes even if paused.
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        resized.notify();
    });
    on_cleanup(move || resize.remove());
    view! {
        <canvas
            node_ref=canvas_ref
            class="factory-canvas"
            data-testid="factory-canvas"
            data-reduced-motion=reduced_motion.to_string()
            role="img"
            aria-label=t().factory_canvas_label
            aria-describedby="scene-description"
        ></canvas>
    }
}

/// What the scene's backdrop was drawn for: when any of it changes, it is drawn again.
#[derive(Clone, Copy)]
struct BackdropKey {
    /// The canvas's backing store, device pixels, and device pixels per CSS pixel.
    width_px: u32,
    height_px: u32,
    pixel_ratio: f64,
    /// Scene units to CSS pixels (the scene's scale and centring).
    transform: ViewTransform,
    /// Standard or projector colours (and line weight).
    palette: Palette,
    /// The page's language: the names on the backdrop.
    strings: &'static Strings,
}

impl PartialEq for BackdropKey {
    fn eq(&self, other: &Self) -> bool {
        (self.width_px, self.height_px, self.pixel_ratio, self.transform, self.palette)
            == (other.width_px, other.height_px, other.pixel_ratio, other.transform, other.palette)
            // The same catalogue, not one with equal words: comparing every string each frame
            // would cost more than the layer saves.
            && std::ptr::eq(self.strings, other.strings)
    }
}

/// The scene's backdrop ([`draw_factory_backdrop`]) on a canvas of its own, kept off the page.
struct Backdrop {
    key: BackdropKey,
    canvas: web_sys::HtmlCanvasElement,
}

/// Copies the backdrop for `key` onto the scene's canvas (`context_2d`, in CSS pixels), drawing it
/// first if `kept` was drawn for another size, palette or language. If no canvas can be made, the
/// backdrop is drawn onto the scene's canvas directly, as before there was a layer.
fn copy_backdrop(
    context_2d: &web_sys::CanvasRenderingContext2d,
    kept: &mut Option<Backdrop>,
    key: BackdropKey,
) {
    if kept.as_ref().is_none_or(|backdrop| backdrop.key != key) {
        *kept = draw_backdrop(key);
    }
    let Some(backdrop) = kept else {
        let mut painter =
            CanvasPainter::new(context_2d, key.transform).with_line_weight(&key.palette);
        draw_factory_backdrop(&mut painter, &key.palette, key.strings);
        return;
    };
    // Pixel for pixel: the layer has the canvas's backing size, so it is copied untransformed and
    // opaque (the context keeps the last frame's transparency; `restore` brings back the CSS-pixel
    // transform and that). A failed copy leaves the frame without its backdrop; the next frame
    // tries again.
    context_2d.save();
    context_2d.set_global_alpha(1.0);
    let _ = context_2d.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
    let _ = context_2d.draw_image_with_html_canvas_element(&backdrop.canvas, 0.0, 0.0);
    context_2d.restore();
}

/// Draws the backdrop for `key` on a new canvas off the page; `None` if the browser will not
/// make one.
fn draw_backdrop(key: BackdropKey) -> Option<Backdrop> {
    use wasm_bindgen::JsCast;
    let canvas: web_sys::HtmlCanvasElement = web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    canvas.set_width(key.width_px);
    canvas.set_height(key.height_px);
    let context_2d: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").ok()??.dyn_into().ok()?;
    // Device pixels per CSS pixel, as `fit_canvas` set it on the scene's canvas.
    context_2d
        .set_transform(key.pixel_ratio, 0.0, 0.0, key.pixel_ratio, 0.0, 0.0)
        .ok()?;
    let mut painter = CanvasPainter::new(&context_2d, key.transform).with_line_weight(&key.palette);
    draw_factory_backdrop(&mut painter, &key.palette, key.strings);
    Some(Backdrop { key, canvas })
}
