//! The animated bone-marrow factory (`factory-canvas`), redrawn once per published frame.

use leptos::html::Canvas;
use leptos::prelude::*;

use super::canvas_painter::{displayed_size, fit_canvas, CanvasPainter};
use crate::palette::Palette;
use crate::strings::t;
use crate::view::drawing::factory_scene::{
    draw_factory_scene, FactoryScene, SCENE_HEIGHT, SCENE_WIDTH,
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
                let mut painter =
                    CanvasPainter::new(&context_2d, transform).with_line_weight(&palette);
                draw_factory_scene(
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
