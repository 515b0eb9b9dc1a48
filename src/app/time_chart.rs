//! A plotters-canvas time course of one lab (`chart-KEY`), redrawn when the history moves on.

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

use super::page_context::PageContext;
use crate::charts::{draw_time_course, TimeCourse};
use crate::model::LabKey;
use crate::palette::Palette;
use crate::strings::ENGLISH;
use crate::view::lab_report::unit;

/// Height of a chart as a share of its width.
const CHART_ASPECT: f64 = 0.5;

/// The band a chart shades: the reference range, open ends closed at 0 or left open above.
fn reference_band(key: LabKey) -> Option<(f64, f64)> {
    let range = key.spec();
    match (range.low, range.high) {
        (Some(low), Some(high)) => Some((low, high)),
        (None, Some(high)) => Some((0.0, high)),
        _ => None,
    }
}

/// The chart of one lab over the simulated days, with its reference band and the event days.
///
/// - `key`: the lab; its sample key names the `chart-KEY` hook.
#[component]
pub fn TimeChart(key: LabKey) -> impl IntoView {
    let context = PageContext::get();
    let canvas_ref = NodeRef::<Canvas>::new();
    let label = {
        let unit = unit(key);
        if unit.is_empty() {
            ENGLISH.lab_label(key).to_string()
        } else {
            format!("{} ({unit})", ENGLISH.lab_label(key))
        }
    };
    let title = label.clone();
    Effect::new(move || {
        context.history_version.track();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        // Draw at the displayed size, so the axis text is the size plotters is asked for.
        let width = canvas.client_width().max(200) as u32;
        let height = (f64::from(width) * CHART_ASPECT).round() as u32;
        if canvas.width() != width || canvas.height() != height {
            canvas.set_width(width);
            canvas.set_height(height);
        }
        let Some(backend) = CanvasBackend::with_canvas_object(canvas) else {
            return;
        };
        let (points, event_days): (Vec<(f64, f64)>, Vec<f64>) =
            context.with_simulation(|simulation| {
                (
                    simulation
                        .history()
                        .iter()
                        .map(|labs| (labs.day, labs.value(key)))
                        .collect(),
                    simulation.event_days().to_vec(),
                )
            });
        let course = TimeCourse {
            label: &label,
            points: &points,
            reference_band: reference_band(key),
            event_days: &event_days,
        };
        // A drawing error leaves the last chart on screen; the next day redraws it.
        let _ = draw_time_course(&backend.into_drawing_area(), &course, &Palette::STANDARD);
    });
    view! {
        <figure class="chart">
            <canvas
                node_ref=canvas_ref
                class="time-chart"
                data-testid=format!("chart-{}", key.key())
                width="480"
                height="220"
                role="img"
                aria-label=title
            ></canvas>
        </figure>
    }
}
