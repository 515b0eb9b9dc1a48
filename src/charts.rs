//! Time-course charts, drawn on any plotters backend: a canvas in the page, SVG in native tests.
//! No UI framework in here (style.md, principle 9).
//!
//! A chart is laid out by [`chart_layout`], a pure function of the canvas size and the texts it must
//! hold: the caption (what the y axis shows) and the legend of event kinds sit in a strip above the
//! plot, the value ticks left of it, the day ticks and the day title under it, each in its own box,
//! so no text covers another, the line or its latest value (issue 9).

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::i18n::localize_number;
use crate::model::LabKey;
use crate::palette::{Colour, Palette};
use crate::strings::Strings;
use crate::view::units::{display_range, display_unit, display_value, Units};

pub use crate::names::ChartEventKind;

impl ChartEventKind {
    /// Every kind, in legend order.
    pub const ALL: [ChartEventKind; 3] = [
        ChartEventKind::Treatment,
        ChartEventKind::SettingChange,
        ChartEventKind::Jump,
    ];
}

/// One marked day on a chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartEvent {
    /// Simulated day of the mark, days.
    pub day: f64,
    pub kind: ChartEventKind,
}

/// One lab followed over time.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeCourse<'a> {
    /// What the y axis shows, with its unit ("Hb (g/dL)"); the chart's caption.
    pub label: &'a str,
    /// (day, value) pairs in time order.
    pub points: &'a [(f64, f64)],
    /// The normal range shaded behind the line, if the lab has one.
    pub reference_band: Option<(f64, f64)>,
    /// Days on which something was given or changed, marked as vertical lines by kind.
    pub events: &'a [ChartEvent],
    /// A second patient's (day, value) pairs, drawn dashed (compare mode; empty otherwise).
    pub second: &'a [(f64, f64)],
}

/// The narrowest day range a chart shows, days.
pub const MIN_DAYS_SHOWN: f64 = 30.0;

/// The least room above and below the values, in the lab's unit: a constant line (even at 0) still
/// gets an axis with distinct tick labels.
const MIN_VALUE_AIR: f64 = 0.05;

/// The day range and value range the chart must show: every finite point, the whole reference band
/// and some air (a tenth of the span, at least [`MIN_VALUE_AIR`]). The value axis starts no lower
/// than 0 unless a value is negative.
pub fn chart_bounds(course: &TimeCourse<'_>) -> ((f64, f64), (f64, f64)) {
    let first_day = course.points.first().map_or(0.0, |point| point.0);
    let last_day = course
        .points
        .last()
        .into_iter()
        .chain(course.second.last())
        .map(|point| point.0)
        .fold(f64::NEG_INFINITY, f64::max);
    let last_day = if last_day.is_finite() { last_day } else { 1.0 };
    // A short history still gets a month-wide axis, so the line grows from the left.
    let last_day = last_day.max(first_day + MIN_DAYS_SHOWN);
    let values = course
        .points
        .iter()
        .chain(course.second)
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
    let air = ((high - low) * 0.1)
        .max(high.abs() * 0.05)
        .max(MIN_VALUE_AIR);
    (
        (first_day, last_day),
        ((low - air).max(0.0_f64.min(low)), high + air),
    )
}

/// A y-axis tick printed with as many decimals as the axis span needs ("12", "0.4", "0.05"), with
/// the language's decimal sign ("0,4" in Spanish).
pub fn tick_label(value: f64, span: f64, decimal_sign: char) -> String {
    let decimals = if span >= 20.0 {
        0
    } else if span >= 2.0 {
        1
    } else {
        2
    };
    // A tick a rounding error below zero reads "0", not "-0.00".
    let value = if value.abs() < span * 1e-9 {
        0.0
    } else {
        value
    };
    localize_number(&format!("{value:.decimals$}"), decimal_sign)
}

/// A day tick ("0", "120").
fn day_label(day: f64) -> String {
    // The room left of day 0 can put a rounding error there: "0", not "-0".
    let day = if day.abs() < 0.5 { 0.0 } else { day };
    format!("{day:.0}")
}

// ---- Layout -------------------------------------------------------------------------------------

/// A rectangle on the canvas, px from the top-left corner.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PixelBox {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

impl PixelBox {
    pub(crate) fn right(&self) -> f64 {
        self.left + self.width
    }
    pub(crate) fn bottom(&self) -> f64 {
        self.top + self.height
    }
    /// Whether the two share any area (touching edges do not count).
    #[cfg(all(test, not(target_arch = "wasm32")))]
    pub(crate) fn overlaps(&self, other: &PixelBox) -> bool {
        self.left < other.right()
            && other.left < self.right()
            && self.top < other.bottom()
            && other.top < self.bottom()
    }
    /// Whether `other` lies wholly inside this box.
    #[cfg(all(test, not(target_arch = "wasm32")))]
    pub(crate) fn contains(&self, other: &PixelBox) -> bool {
        other.left >= self.left
            && other.right() <= self.right()
            && other.top >= self.top
            && other.bottom() <= self.bottom()
    }
}

/// Advance of one character as a share of the font size. Generous on purpose (DejaVu Sans digits
/// are 0.64 em, Arial's 0.56 em, lowercase less): an estimated box holds the text as drawn.
pub(crate) const TEXT_WIDTH_EM_PER_CHAR: f64 = 0.62;
/// Height of a line of text as a share of the font size (ascender to descender, a little leading).
pub(crate) const TEXT_HEIGHT_EM: f64 = 1.2;

/// Estimated width of `text` at `font_px`, px.
pub(crate) fn text_width_px(text: &str, font_px: f64) -> f64 {
    text.chars().count() as f64 * TEXT_WIDTH_EM_PER_CHAR * font_px
}

/// Space around the whole chart, px.
const MARGIN_PX: f64 = 6.0;
/// Tick labels sit this far from their axis: plotters puts them twice its 5-px tick mark away.
const TICK_LABEL_GAP_PX: f64 = 10.0;
/// Gap between the day tick labels and the day title, px.
const TITLE_GAP_PX: f64 = 3.0;
/// Half the size of an event kind's marker shape, px.
const MARKER_RADIUS_PX: i32 = 4;
/// Width of the line sample in a legend entry, px.
const SWATCH_WIDTH_PX: f64 = 18.0;
/// Gap between a legend swatch and its text, and between caption words, px.
const SWATCH_GAP_PX: f64 = 4.0;
/// Gap between legend entries, and between the caption and a legend on its row, px.
const ENTRY_GAP_PX: f64 = 12.0;
/// Radius of the dot on the latest value, px.
const LATEST_DOT_RADIUS_PX: i32 = 4;

/// One legend entry: the line sample with its marker, and the kind's name.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    pub kind: ChartEventKind,
    pub swatch: PixelBox,
    pub text: PixelBox,
}

/// Where everything on a chart goes.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartLayout {
    /// Size of every text on the chart, px.
    pub font_px: f64,
    /// The caption's lines (wrapped at spaces if the chart is narrow) and their boxes, top-left.
    pub caption: Vec<(String, PixelBox)>,
    /// One entry per event kind present, after the caption on its row if there is room.
    pub legend: Vec<LegendEntry>,
    /// The plotting area: the line, the band and the event lines stay inside it.
    pub plot: PixelBox,
    /// Space left of the plot for the value tick labels, px.
    pub y_label_area_px: f64,
    /// Space under the plot for the day tick labels and the day title, px.
    pub x_label_area_px: f64,
    /// Room right of the plot, so the last day label is not cut off, px.
    pub margin_right_px: f64,
    /// The day title's box, centred under the day tick labels.
    pub x_title: PixelBox,
    /// Most tick labels each axis gets without them touching.
    pub x_label_count: usize,
    pub y_label_count: usize,
}

/// The font size for a chart this wide: smaller on narrow charts, px.
fn font_px_for_width(width_px: f64) -> f64 {
    if width_px >= 400.0 {
        14.0
    } else if width_px >= 280.0 {
        12.0
    } else {
        11.0
    }
}

/// Splits `text` into lines no wider than `width_px` at spaces (a single long word keeps its line).
fn wrap_words(text: &str, width_px: f64, font_px: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if text_width_px(&format!("{line} {word}"), font_px) <= width_px => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// Lays out a chart of `width_px` × `height_px`.
///
/// - `caption`: what the y axis shows, with its unit.
/// - `legend`: the event kinds present, each with its name.
/// - `widest_value_label`, `widest_day_label`: the longest tick labels the axes can print.
/// - `x_title`: the day axis title.
pub fn chart_layout(
    (width_px, height_px): (f64, f64),
    caption: &str,
    legend: &[(ChartEventKind, &str)],
    widest_value_label: &str,
    widest_day_label: &str,
    x_title: &str,
) -> ChartLayout {
    let font_px = font_px_for_width(width_px);
    // Whole and even, so a text centred on a row sits on whole pixels.
    let line_px = (font_px * TEXT_HEIGHT_EM / 2.0).ceil() * 2.0;
    let usable_width_px = width_px - 2.0 * MARGIN_PX;

    // The caption, top-left, wrapped.
    let caption: Vec<(String, PixelBox)> = wrap_words(caption, usable_width_px, font_px)
        .into_iter()
        .enumerate()
        .map(|(row, line)| {
            let text_box = PixelBox {
                left: MARGIN_PX,
                top: MARGIN_PX + row as f64 * line_px,
                width: text_width_px(&line, font_px),
                height: line_px,
            };
            (line, text_box)
        })
        .collect();

    // The legend: after the caption on its last row if everything fits, else on rows of its own.
    let entry_width = |name: &str| SWATCH_WIDTH_PX + SWATCH_GAP_PX + text_width_px(name, font_px);
    let legend_width_px = legend
        .iter()
        .map(|(_, name)| entry_width(name))
        .sum::<f64>()
        + ENTRY_GAP_PX * legend.len().saturating_sub(1) as f64;
    let caption_end_px = caption
        .last()
        .map_or(MARGIN_PX, |(_, text_box)| text_box.right());
    let mut row = caption.len().saturating_sub(1);
    let mut x_px = if caption_end_px + ENTRY_GAP_PX + legend_width_px <= width_px - MARGIN_PX {
        // Right-aligned on the caption's row.
        width_px - MARGIN_PX - legend_width_px
    } else {
        row += 1;
        MARGIN_PX
    };
    let mut entries = Vec::with_capacity(legend.len());
    for &(kind, name) in legend {
        if x_px > MARGIN_PX && x_px + entry_width(name) > width_px - MARGIN_PX {
            row += 1;
            x_px = MARGIN_PX;
        }
        let top = MARGIN_PX + row as f64 * line_px;
        let text_width = text_width_px(name, font_px);
        entries.push(LegendEntry {
            kind,
            swatch: PixelBox {
                left: x_px,
                top,
                width: SWATCH_WIDTH_PX,
                height: line_px,
            },
            text: PixelBox {
                left: x_px + SWATCH_WIDTH_PX + SWATCH_GAP_PX,
                top,
                width: text_width,
                height: line_px,
            },
        });
        x_px += entry_width(name) + ENTRY_GAP_PX;
    }
    let rows = if caption.is_empty() && entries.is_empty() {
        0
    } else {
        row + 1
    };
    let header_bottom_px = MARGIN_PX + rows as f64 * line_px;

    // Below the header: room for the event markers and for half of a top value label.
    let marker_room_px = f64::from(2 * MARKER_RADIUS_PX + 3);
    let plot_top_px =
        header_bottom_px + marker_room_px.max((font_px * TEXT_HEIGHT_EM / 2.0).ceil() + 2.0);
    let y_label_area_px =
        (TICK_LABEL_GAP_PX + text_width_px(widest_value_label, font_px) + 2.0).ceil();
    let x_label_area_px = TICK_LABEL_GAP_PX + line_px + TITLE_GAP_PX + line_px;
    let day_label_width_px = text_width_px(widest_day_label, font_px);
    let margin_right_px = MARGIN_PX.max((day_label_width_px / 2.0 + 2.0).ceil());
    let plot_left_px = MARGIN_PX + y_label_area_px;
    let plot_bottom_px = height_px - MARGIN_PX - x_label_area_px;
    let plot = PixelBox {
        left: plot_left_px,
        top: plot_top_px,
        width: (width_px - margin_right_px - plot_left_px).max(1.0),
        height: (plot_bottom_px - plot_top_px).max(1.0),
    };
    let x_title_width = text_width_px(x_title, font_px);
    let x_title = PixelBox {
        left: plot.left + plot.width / 2.0 - x_title_width / 2.0,
        top: plot.bottom() + x_label_area_px - line_px,
        width: x_title_width,
        height: line_px,
    };
    // Day labels get their width and two characters of air each; value labels a line and 4 px.
    let x_label_count =
        ((plot.width / (day_label_width_px + 2.0 * font_px)).floor() as usize).clamp(2, 6);
    let y_label_count = ((plot.height / (line_px + 4.0)).floor() as usize).clamp(2, 5);
    ChartLayout {
        font_px,
        caption,
        legend: entries,
        plot,
        y_label_area_px,
        x_label_area_px,
        margin_right_px,
        x_title,
        x_label_count,
        y_label_count,
    }
}

// ---- Event styles -------------------------------------------------------------------------------

/// The shape at the top of an event line and in its legend entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MarkerShape {
    /// Pointing down at the day, like something dropped in.
    Triangle,
    Square,
    Diamond,
}

/// How one event kind is drawn: colour, dashes and a marker shape, so kinds differ without colour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct EventStyle {
    pub colour: Colour,
    /// (dash, gap) px, or `None` for a solid line.
    pub dash_px: Option<(i32, i32)>,
    pub marker: MarkerShape,
}

/// The drawing style of an event kind.
pub(crate) fn event_style(kind: ChartEventKind, palette: &Palette) -> EventStyle {
    match kind {
        ChartEventKind::Treatment => EventStyle {
            colour: palette.event_treatment,
            dash_px: None,
            marker: MarkerShape::Triangle,
        },
        ChartEventKind::SettingChange => EventStyle {
            colour: palette.event_setting_change,
            dash_px: Some((6, 4)),
            marker: MarkerShape::Square,
        },
        ChartEventKind::Jump => EventStyle {
            colour: palette.event_jump,
            dash_px: Some((2, 3)),
            marker: MarkerShape::Diamond,
        },
    }
}

/// Draws a line from `from` to `to` (px) in an event kind's style.
fn draw_event_line<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    style: &EventStyle,
    from: (i32, i32),
    to: (i32, i32),
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let stroke = style.colour.to_rgb().stroke_width(2);
    match style.dash_px {
        None => area.draw(&PathElement::new(vec![from, to], stroke)),
        Some((dash, gap)) => area.draw(&DashedPathElement::new(vec![from, to], dash, gap, stroke)),
    }
}

/// Draws an event kind's marker centred on `(x, y)` px.
fn draw_marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    style: &EventStyle,
    (x, y): (i32, i32),
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let fill = style.colour.to_rgb().filled();
    let r = MARKER_RADIUS_PX;
    match style.marker {
        MarkerShape::Triangle => area.draw(&Polygon::new(
            vec![(x - r - 1, y - r), (x + r + 1, y - r), (x, y + r)],
            fill,
        )),
        MarkerShape::Square => area.draw(&Rectangle::new([(x - r, y - r), (x + r, y + r)], fill)),
        MarkerShape::Diamond => area.draw(&Polygon::new(
            vec![
                (x, y - r - 1),
                (x + r + 1, y),
                (x, y + r + 1),
                (x - r - 1, y),
            ],
            fill,
        )),
    }
}

// ---- Drawing ------------------------------------------------------------------------------------

/// What a drawn chart shows, for the page to expose (`data-y-min` …) and tests to check.
#[derive(Clone, Debug, PartialEq)]
pub struct DrawnChart {
    /// The day axis, days.
    pub days: (f64, f64),
    /// The value axis as drawn (the bounds plus room for the latest-value dot), lab unit.
    pub values: (f64, f64),
    /// The value of the dot at the end of the line, if there is a line.
    pub last_value: Option<f64>,
    pub layout: ChartLayout,
}

/// The event kinds marked within the shown days, in legend order.
fn kinds_present(events: &[ChartEvent], (first_day, last_day): (f64, f64)) -> Vec<ChartEventKind> {
    ChartEventKind::ALL
        .into_iter()
        .filter(|kind| {
            events
                .iter()
                .any(|event| event.kind == *kind && (first_day..=last_day).contains(&event.day))
        })
        .collect()
}

/// Draws one time course into `area`: caption and legend above, the reference band shaded, events
/// marked by kind, the line and a dot on its latest value.
pub fn draw_time_course<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    course: &TimeCourse<'_>,
    palette: &Palette,
    strings: &Strings,
) -> Result<DrawnChart, DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&palette.chart_background.to_rgb())?;
    let (data_days, (low, high)) = chart_bounds(course);
    let (first_day, last_day) = data_days;
    // Events are marked (and in the legend) only within the days the data span.
    let shown = |event: &&ChartEvent| (data_days.0..=data_days.1).contains(&event.day);
    let kinds = kinds_present(course.events, data_days);
    let legend: Vec<(ChartEventKind, &str)> = kinds
        .iter()
        .map(|&kind| (kind, strings.chart_event_label(kind)))
        .collect();
    let span = high - low;
    let decimal_sign = strings.lang().decimal_sign();
    let (width_px, height_px) = area.dim_in_pixel();
    let lay_out = |widest_value_label: &str| {
        chart_layout(
            (f64::from(width_px), f64::from(height_px)),
            course.label,
            &legend,
            widest_value_label,
            // The room made beside the latest day below is under a tenth of the days shown.
            &day_label(last_day + (last_day - first_day) * 0.1),
            strings.chart_day_axis,
        )
    };
    // Room for the latest-value dot: a value at an axis end (a 0 on a 0-based axis) keeps its dot
    // inside the plot. Less than a tick step, so no tick below 0 appears. The plot's height does
    // not depend on the value labels' width, so a first layout tells it.
    let first_layout = lay_out("");
    let dot_room = span * f64::from(LATEST_DOT_RADIUS_PX + 1) / first_layout.plot.height;
    let (low, high) = (low - dot_room, high + dot_room);
    // Every value tick lies between the axis ends (not below 0 unless a value is), and no label
    // is longer than theirs.
    let widest_value_label = [low.max(0.0_f64.min(low + dot_room)), high]
        .map(|value| tick_label(value, span, decimal_sign))
        .into_iter()
        .max_by_key(|label| label.chars().count())
        .unwrap_or_default();
    let layout = lay_out(&widest_value_label);
    // Likewise beside the first and the latest day.
    let day_room = (last_day - first_day) * f64::from(LATEST_DOT_RADIUS_PX + 1) / layout.plot.width;
    let (first_day, last_day) = (first_day - day_room, last_day + day_room);

    let text = palette.chart_text.to_rgb();
    let font = ("sans-serif", layout.font_px).into_font().color(&text);
    let mut chart = ChartBuilder::on(area)
        .margin_top(layout.plot.top as u32)
        .margin_left(MARGIN_PX as u32)
        .margin_right(layout.margin_right_px as u32)
        .margin_bottom(MARGIN_PX as u32)
        .x_label_area_size(layout.x_label_area_px as u32)
        .y_label_area_size(layout.y_label_area_px as u32)
        .build_cartesian_2d(first_day..last_day, low..high)?;
    chart
        .configure_mesh()
        .x_desc(strings.chart_day_axis)
        .x_labels(layout.x_label_count)
        .y_labels(layout.y_label_count)
        .x_label_formatter(&|day| day_label(*day))
        .y_label_formatter(&|value| tick_label(*value, span, decimal_sign))
        .light_line_style(palette.chart_grid.to_rgb().mix(0.15))
        .bold_line_style(palette.chart_grid.to_rgb())
        .axis_style(text)
        .label_style(font.clone())
        .axis_desc_style(font.clone())
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

    // Event lines across the plot, their markers just above it; markers of kinds marked on the
    // same day stand side by side, so none hides another.
    let (plot_top, plot_bottom) = (layout.plot.top as i32, layout.plot.bottom() as i32);
    let marker_step_px = 2 * MARKER_RADIUS_PX + 4;
    for kind in &kinds {
        let style = event_style(*kind, palette);
        for event in course
            .events
            .iter()
            .filter(|event| event.kind == *kind)
            .filter(shown)
        {
            let same_day: Vec<ChartEventKind> = kinds
                .iter()
                .copied()
                .filter(|other| {
                    course
                        .events
                        .iter()
                        .any(|marked| marked.kind == *other && marked.day == event.day)
                })
                .collect();
            let place = same_day.iter().position(|other| other == kind).unwrap_or(0) as i32;
            let offset_px =
                place * marker_step_px - (same_day.len() as i32 - 1) * marker_step_px / 2;
            let x = chart.backend_coord(&(event.day, low)).0;
            draw_event_line(area, &style, (x, plot_top), (x, plot_bottom))?;
            draw_marker(
                area,
                &style,
                (x + offset_px, plot_top - MARKER_RADIUS_PX - 2),
            )?;
        }
    }

    // The line over the events; points the model could not compute are left out.
    let finite_points = || {
        course
            .points
            .iter()
            .copied()
            .filter(|(day, value)| day.is_finite() && value.is_finite())
    };
    chart.draw_series(LineSeries::new(
        finite_points(),
        palette
            .chart_line
            .to_rgb()
            .stroke_width(palette.chart_stroke_px(2)),
    ))?;
    // The second patient, dashed in its own colour.
    if !course.second.is_empty() {
        chart.draw_series(DashedLineSeries::new(
            course
                .second
                .iter()
                .copied()
                .filter(|(day, value)| day.is_finite() && value.is_finite()),
            6,
            4,
            palette
                .chart_line_second
                .to_rgb()
                .stroke_width(palette.chart_stroke_px(2)),
        ))?;
    }
    // The latest value as a dot: it shows where the line ends, and is the whole course on day 0.
    let last_point = finite_points().next_back();
    if let Some((day, value)) = last_point {
        chart.draw_series(std::iter::once(Circle::new(
            (day, value),
            LATEST_DOT_RADIUS_PX,
            palette.chart_line.to_rgb().filled(),
        )))?;
    }

    // Caption and legend, in the strip above the plot.
    let top_left = font.pos(Pos::new(HPos::Left, VPos::Top));
    for (line, text_box) in &layout.caption {
        area.draw_text(line, &top_left, (text_box.left as i32, text_box.top as i32))?;
    }
    let middle_left = font.pos(Pos::new(HPos::Left, VPos::Center));
    for entry in &layout.legend {
        let style = event_style(entry.kind, palette);
        let middle_y = (entry.swatch.top + entry.swatch.height / 2.0).round() as i32;
        let (left, right) = (entry.swatch.left as i32, entry.swatch.right() as i32);
        draw_event_line(area, &style, (left, middle_y), (right, middle_y))?;
        draw_marker(area, &style, ((left + right) / 2, middle_y))?;
        area.draw_text(
            strings.chart_event_label(entry.kind),
            &middle_left,
            (entry.text.left as i32, middle_y),
        )?;
    }
    area.present()?;
    Ok(DrawnChart {
        days: (first_day, last_day),
        values: (low, high),
        last_value: last_point.map(|(_, value)| value),
        layout,
    })
}

/// The caption of a lab's chart in `units`: its label and unit ("Hemoglobin (g/L)").
pub fn lab_caption(key: LabKey, units: Units, strings: &Strings) -> String {
    let unit = display_unit(key, units);
    if unit.is_empty() {
        strings.lab_label(key).to_string()
    } else {
        format!("{} ({unit})", strings.lab_label(key))
    }
}

/// The band a lab's chart shades in `units`: the reference range converted with the values, an
/// open lower end closed at 0, an open upper end left unshaded.
pub fn lab_reference_band(key: LabKey, units: Units) -> Option<(f64, f64)> {
    match display_range(key, units) {
        (Some(low), Some(high)) => Some((low, high)),
        (None, Some(high)) => Some((0.0, high)),
        _ => None,
    }
}

/// A lab's (day, value) points, from the model's conventional values into `units`.
pub fn lab_points(
    key: LabKey,
    units: Units,
    labs: impl Iterator<Item = (f64, f64)>,
) -> Vec<(f64, f64)> {
    labs.map(|(day, value)| (day, display_value(key, units, value)))
        .collect()
}

// SVG rendering is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
