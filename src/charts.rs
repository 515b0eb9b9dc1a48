//! Time-course charts, drawn on any plotters backend: a canvas in the page, SVG in native tests.
//! No UI framework in here (style.md, principle 9).

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::palette::Palette;

/// One lab followed over time.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeCourse<'a> {
    /// What the y axis shows, with its unit ("Hb (g/dL)").
    pub label: &'a str,
    /// (day, value) pairs in time order.
    pub points: &'a [(f64, f64)],
    /// The normal range shaded behind the line, if the lab has one.
    pub reference_band: Option<(f64, f64)>,
    /// Days on which something was given or changed, marked as vertical lines.
    pub event_days: &'a [f64],
}

/// The narrowest day range a chart shows, days.
pub const MIN_DAYS_SHOWN: f64 = 30.0;

/// The day range and value range the chart must show: the data, the reference band and some air.
pub fn chart_bounds(course: &TimeCourse<'_>) -> ((f64, f64), (f64, f64)) {
    let first_day = course.points.first().map_or(0.0, |point| point.0);
    let last_day = course.points.last().map_or(1.0, |point| point.0);
    // A short history still gets a month-wide axis, so the line grows from the left.
    let last_day = last_day.max(first_day + MIN_DAYS_SHOWN);
    let values = course
        .points
        .iter()
        .map(|point| point.1)
        .chain(
            course
                .reference_band
                .into_iter()
                .flat_map(|(low, high)| [low, high]),
        )
        .filter(|value| value.is_finite());
    let (low, high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(low, high), value| {
        (low.min(value), high.max(value))
    });
    let (low, high) = if low.is_finite() {
        (low, high)
    } else {
        (0.0, 1.0)
    };
    let air = ((high - low) * 0.1).max(high.abs() * 0.05).max(1e-6);
    (
        (first_day, last_day),
        ((low - air).max(0.0_f64.min(low)), high + air),
    )
}

/// A y-axis tick printed with as many decimals as the axis span needs ("12", "0.4", "0.05").
pub fn tick_label(value: f64, span: f64) -> String {
    let decimals = if span >= 20.0 {
        0
    } else if span >= 2.0 {
        1
    } else {
        2
    };
    format!("{value:.decimals$}")
}

/// Draws one time course into `area`, with the reference band shaded and events marked.
pub fn draw_time_course<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    course: &TimeCourse<'_>,
    palette: &Palette,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&palette.chart_background.to_rgb())?;
    let ((first_day, last_day), (low, high)) = chart_bounds(course);
    let mut chart = ChartBuilder::on(area)
        .margin(8)
        .margin_right(18)
        .x_label_area_size(34)
        .y_label_area_size(64)
        .build_cartesian_2d(first_day..last_day, low..high)?;
    let text = palette.chart_text.to_rgb();
    chart
        .configure_mesh()
        .x_desc("day")
        .y_desc(course.label)
        .x_labels(6)
        .y_labels(5)
        .x_label_formatter(&|day| format!("{day:.0}"))
        .y_label_formatter(&|value| tick_label(*value, high - low))
        .light_line_style(palette.chart_grid.to_rgb().mix(0.15))
        .bold_line_style(palette.chart_grid.to_rgb())
        .axis_style(text)
        .label_style(("sans-serif", 14).into_font().color(&text))
        .axis_desc_style(("sans-serif", 14).into_font().color(&text))
        .draw()?;
    if let Some((band_low, band_high)) = course.reference_band {
        let band = palette.reference_band.to_rgb().mix(0.35).filled();
        chart.draw_series(std::iter::once(Rectangle::new(
            [
                (first_day, band_low.max(low)),
                (last_day, band_high.min(high)),
            ],
            band,
        )))?;
    }
    let event_style = palette.event_marker.to_rgb().stroke_width(1);
    chart.draw_series(
        course
            .event_days
            .iter()
            .filter(|day| (first_day..=last_day).contains(*day))
            .map(|&day| PathElement::new(vec![(day, low), (day, high)], event_style)),
    )?;
    chart.draw_series(LineSeries::new(
        course.points.iter().copied(),
        palette.chart_line.to_rgb().stroke_width(2),
    ))?;
    // The latest value as a dot: it shows where the line ends, and is the whole course on day 0.
    if let Some(&(day, value)) = course.points.last() {
        chart.draw_series(std::iter::once(Circle::new(
            (day, value),
            4,
            palette.chart_line.to_rgb().filled(),
        )))?;
    }
    area.present()
}

// SVG rendering is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn render_svg(course: &TimeCourse<'_>) -> String {
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (480, 240)).into_drawing_area();
            draw_time_course(&area, course, &Palette::STANDARD).unwrap();
        }
        svg
    }

    #[test]
    fn bounds_cover_data_and_reference_band() {
        let points = [(0.0, 12.0), (10.0, 9.0)];
        let course = TimeCourse {
            label: "Hb",
            points: &points,
            reference_band: Some((13.5, 17.5)),
            event_days: &[],
        };
        let ((first, last), (low, high)) = chart_bounds(&course);
        assert_eq!((first, last), (0.0, MIN_DAYS_SHOWN));
        assert!(low < 9.0 && high > 17.5, "{low}..{high}");
    }

    #[test]
    fn tick_labels_have_the_decimals_the_span_needs() {
        assert_eq!(tick_label(300.0, 290.0), "300");
        assert_eq!(tick_label(12.5, 8.0), "12.5");
        assert_eq!(tick_label(0.4, 0.5), "0.40");
    }

    #[test]
    fn empty_course_still_has_a_usable_range() {
        let course = TimeCourse {
            label: "Hb",
            points: &[],
            reference_band: None,
            event_days: &[],
        };
        let ((first, last), (low, high)) = chart_bounds(&course);
        assert!(last > first && high > low);
    }

    #[test]
    fn svg_shows_the_label_the_line_the_band_and_the_events() {
        let points: Vec<(f64, f64)> = (0..50)
            .map(|day| (day as f64, 14.0 - day as f64 * 0.05))
            .collect();
        let course = TimeCourse {
            label: "Hb (g/dL)",
            points: &points,
            reference_band: Some((13.5, 17.5)),
            event_days: &[20.0],
        };
        let svg = render_svg(&course);
        assert!(svg.contains("Hb (g/dL)"), "axis label missing");
        assert!(svg.contains("<polyline"), "the time course line is missing");
        assert!(svg.contains("<rect"), "the reference band is missing");
        let without_events = render_svg(&TimeCourse {
            event_days: &[],
            ..course.clone()
        });
        assert!(svg.matches("<polyline").count() > without_events.matches("<polyline").count());
    }

    #[test]
    fn a_course_of_one_day_still_shows_its_value_inside_the_axis() {
        let course = TimeCourse {
            label: "Hb (g/dL)",
            points: &[(0.0, 11.2)],
            reference_band: Some((13.5, 17.5)),
            event_days: &[],
        };
        let (_, (low, high)) = chart_bounds(&course);
        assert!(low < 11.2 && 11.2 < high, "{low}–{high}");
        assert!(
            render_svg(&course).contains("<circle"),
            "the day-0 value is not drawn"
        );
    }
}
