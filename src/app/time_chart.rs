//! A plotters-canvas time-course chart that redraws whenever its data change.

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

use crate::charts::{draw_time_course, TimeCourse};
use crate::palette::Palette;

/// A chart of one time course.
///
/// - `label`: the y-axis label with its unit.
/// - `points`: (day, value) pairs; the chart redraws when they change.
/// - `reference_band`: the normal range to shade, if any.
#[component]
pub fn TimeChart(
    label: &'static str,
    #[prop(into)] points: Signal<Vec<(f64, f64)>>,
    reference_band: Option<(f64, f64)>,
) -> impl IntoView {
    let canvas_ref = NodeRef::<Canvas>::new();
    Effect::new(move || {
        let points = points.get();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let Some(backend) = CanvasBackend::with_canvas_object(canvas) else {
            return;
        };
        let course = TimeCourse {
            label,
            points: &points,
            reference_band,
            event_days: &[],
        };
        // A drawing error leaves last frame's chart on screen; the next change redraws it.
        let _ = draw_time_course(&backend.into_drawing_area(), &course, &Palette::STANDARD);
    });
    view! {
        <canvas
            node_ref=canvas_ref
            class="time-chart"
            data-testid="time-chart"
            width="640"
            height="260"
            role="img"
            aria-label=label
        ></canvas>
    }
}
