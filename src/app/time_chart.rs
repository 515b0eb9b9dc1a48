//! A plotters-canvas time course of one lab (`chart-KEY`), redrawn when the history moves on.

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::*;

use super::canvas_painter::displayed_size;
use super::chart_backend::ChartBackend;
use super::page_context::{PageContext, FIRST_CHART_TURN};
use crate::charts::{
    draw_time_course, lab_caption, lab_points, lab_reference_band, ChartEvent, TimeCourse,
};
use crate::model::LabKey;
use crate::strings::t;

/// Height of a chart as a share of its width.
const CHART_ASPECT: f64 = 0.5;
/// The least height of a chart, px: a narrow chart's caption and legend wrap onto more rows, and
/// the plot keeps room for its line (the layout tests in `charts` use this size).
const MIN_CHART_HEIGHT_PX: f64 = 200.0;

/// The chart of one lab over the simulated days, with its reference band and the event days, in
/// the page's units (the caption, the values and the band follow `units-select`).
///
/// - `key`: the lab; its sample key names the `chart-KEY` hook.
/// - `second`, `compare`: the second patient, drawn dashed while `compare` is on.
#[component]
pub fn TimeChart(
    key: LabKey,
    second: PageContext,
    compare: Signal<bool>,
    /// The chart's position on the page: its turn to redraw while playing.
    position: Signal<usize>,
) -> impl IntoView {
    let context = PageContext::get();
    // The round of redraws this chart last had its turn in (changes once per round).
    let my_round = Memo::new(move |last: Option<&u64>| {
        let (round, turn) = context.turn.get();
        if turn == FIRST_CHART_TURN + position.get() {
            round
        } else {
            last.copied().unwrap_or(round)
        }
    });
    let canvas_ref = NodeRef::<Canvas>::new();
    // Only the width sets the drawing's size (the height follows it), so only the width redraws.
    let size = displayed_size(canvas_ref);
    let displayed_width = Memo::new(move |_| size.get().0);
    let units = context.units;
    let title = move || lab_caption(key, units.get(), t());
    Effect::new(move || {
        context.history_version.track();
        // `get`, not `track`: tracking a memo that nothing has read never runs it, so it never
        // subscribes to the turns and the chart would stand still while playing.
        my_round.get();
        let units = units.get();
        let label = lab_caption(key, units, t());
        let comparing = compare.get();
        let palette = context.palette();
        if comparing {
            second.history_version.track();
        }
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        // Draw at the displayed size, so the axis text is the size plotters is asked for.
        let width = (displayed_width.get() as u32).max(200);
        let height = (f64::from(width) * CHART_ASPECT)
            .max(MIN_CHART_HEIGHT_PX)
            .round() as u32;
        if canvas.width() != width || canvas.height() != height {
            canvas.set_width(width);
            canvas.set_height(height);
        }
        let Some(backend) = ChartBackend::new(canvas.clone()) else {
            return;
        };
        let (points, events): (Vec<(f64, f64)>, Vec<ChartEvent>) =
            context.with_simulation(|simulation| {
                let mut points: Vec<(f64, f64)> = simulation
                    .history()
                    .iter()
                    .map(|labs| (labs.day, labs.value(key)))
                    .collect();
                // The line ends at the value the lab panel shows now: between whole days, and at
                // once after a transfusion or a bleed, the last daily sample is behind it.
                let now = simulation.patient().labs();
                if simulation.history().last() != Some(&now) {
                    points.push((now.day, now.value(key)));
                }
                let points = lab_points(key, units, points.into_iter());
                (points, simulation.events().to_vec())
            });
        let second_points: Vec<(f64, f64)> = if comparing {
            second.with_simulation(|simulation| {
                let now = simulation.patient().labs();
                let history = simulation
                    .history()
                    .iter()
                    .map(|labs| (labs.day, labs.value(key)));
                lab_points(
                    key,
                    units,
                    history.chain(std::iter::once((now.day, now.value(key)))),
                )
            })
        } else {
            Vec::new()
        };
        let course = TimeCourse {
            label: &label,
            points: &points,
            reference_band: lab_reference_band(key, units),
            events: &events,
            second: &second_points,
        };
        // A drawing error leaves the last chart on screen; the next day redraws it.
        if let Ok(drawn) = draw_time_course(&backend.into_drawing_area(), &course, &palette, t()) {
            // What the axis shows, for end-to-end tests (the line must stay inside it).
            let last_value = drawn
                .last_value
                .map_or(String::new(), |value| value.to_string());
            for (name, value) in [
                ("data-y-min", drawn.values.0.to_string()),
                ("data-y-max", drawn.values.1.to_string()),
                ("data-last-value", last_value),
            ] {
                let _ = canvas.set_attribute(name, &value);
            }
        }
    });
    view! {
        <figure class="chart">
            <canvas
                node_ref=canvas_ref
                class="time-chart"
                data-testid=format!("chart-{}", key.key())
                width="480"
                height="240"
                role="img"
                aria-label=title
            ></canvas>
        </figure>
    }
}
