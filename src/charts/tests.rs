//! Native tests of the charts: bounds, layout and the SVG they draw.

use super::*;
use crate::strings::ENGLISH;

/// The sizes charts take on the page: one column at 1280 px and wider (544 px), two columns in the
/// 1024 × 768 layout (472 px), phones (343, 320 px, at the component's least height, 200 px), and the
/// narrowest the component draws (200 px).
const PAGE_SIZES_PX: [(u32, u32); 5] = [(544, 272), (472, 236), (343, 200), (320, 200), (200, 200)];

fn render_svg_at(course: &TimeCourse<'_>, size_px: (u32, u32)) -> (String, DrawnChart) {
    let mut svg = String::new();
    let drawn = {
        let area = SVGBackend::with_string(&mut svg, size_px).into_drawing_area();
        draw_time_course(&area, course, &Palette::STANDARD, &ENGLISH).unwrap()
    };
    (svg, drawn)
}

fn render_svg(course: &TimeCourse<'_>) -> String {
    render_svg_at(course, (480, 240)).0
}

fn course<'a>(
    label: &'a str,
    points: &'a [(f64, f64)],
    reference_band: Option<(f64, f64)>,
    events: &'a [ChartEvent],
) -> TimeCourse<'a> {
    TimeCourse {
        label,
        points,
        reference_band,
        events,
        second: &[],
    }
}

/// Every SVG element named `tag`, as its attribute list (and its text, for `<text>`).
fn elements(svg: &str, tag: &str) -> Vec<(Vec<(String, String)>, String)> {
    let open = format!("<{tag} ");
    svg.match_indices(&open)
        .map(|(start, _)| {
            let rest = &svg[start + open.len()..];
            let end = rest.find('>').expect("a closed tag");
            let attributes = rest[..end]
                .split('"')
                .collect::<Vec<_>>()
                .chunks(2)
                .filter(|pair| pair.len() == 2)
                .map(|pair| {
                    let name = pair[0].trim().trim_end_matches('=').to_string();
                    (name, pair[1].to_string())
                })
                .collect();
            let content = rest[end + 1..]
                .split(&format!("</{tag}>"))
                .next()
                .unwrap_or("")
                .trim()
                .to_string();
            (attributes, content)
        })
        .collect()
}

fn attribute<'a>(attributes: &'a [(String, String)], name: &str) -> &'a str {
    attributes
        .iter()
        .find(|(key, _)| key == name)
        .map_or("", |(_, value)| value.as_str())
}

fn number(attributes: &[(String, String)], name: &str) -> f64 {
    attribute(attributes, name)
        .parse()
        .unwrap_or_else(|_| panic!("no number in {name}: {attributes:?}"))
}

/// Every text drawn, with its estimated box (the same generous estimate the layout uses).
fn text_boxes(svg: &str) -> Vec<(String, PixelBox)> {
    elements(svg, "text")
        .into_iter()
        .map(|(attributes, text)| {
            assert_eq!(attribute(&attributes, "transform"), "", "rotated: {text}");
            // plotters-svg writes the font size divided by 1.24; the canvas gets the size itself.
            let font_px = number(&attributes, "font-size") * 1.24;
            let width = text_width_px(&text, font_px);
            let height = font_px * TEXT_HEIGHT_EM;
            let (x, y) = (number(&attributes, "x"), number(&attributes, "y"));
            let left = match attribute(&attributes, "text-anchor") {
                "start" => x,
                "middle" => x - width / 2.0,
                "end" => x - width,
                other => panic!("anchor {other}"),
            };
            let top = match attribute(&attributes, "dy") {
                "0.76em" => y,
                "0.5ex" => y - height / 2.0,
                "-0.5ex" => y - height,
                other => panic!("baseline {other}"),
            };
            (
                text,
                PixelBox {
                    left,
                    top,
                    width,
                    height,
                },
            )
        })
        .collect()
}

fn colour_hex(colour: Colour) -> String {
    colour.css().to_uppercase()
}

/// The latest-value dot: the circle filled with the line's colour.
fn latest_dot(svg: &str) -> PixelBox {
    let line = colour_hex(Palette::STANDARD.chart_line);
    let dots: Vec<_> = elements(svg, "circle")
        .into_iter()
        .filter(|(attributes, _)| attribute(attributes, "fill") == line)
        .collect();
    assert_eq!(dots.len(), 1, "one latest-value dot");
    let attributes = &dots[0].0;
    let (cx, cy, r) = (
        number(attributes, "cx"),
        number(attributes, "cy"),
        number(attributes, "r"),
    );
    PixelBox {
        left: cx - r,
        top: cy - r,
        width: 2.0 * r,
        height: 2.0 * r,
    }
}

/// The y pixel of every vertex of the time-course line.
fn line_ys(svg: &str) -> Vec<f64> {
    let line = colour_hex(Palette::STANDARD.chart_line);
    elements(svg, "polyline")
        .into_iter()
        .filter(|(attributes, _)| attribute(attributes, "stroke") == line)
        .flat_map(|(attributes, _)| {
            attribute(&attributes, "points")
                .split_whitespace()
                .map(|point| point.split(',').nth(1).unwrap().parse::<f64>().unwrap())
                .collect::<Vec<_>>()
        })
        .collect()
}

fn assert_bounds_cover(course: &TimeCourse<'_>) {
    let ((first, last), (low, high)) = chart_bounds(course);
    assert!(last > first && high > low, "{first}..{last}, {low}..{high}");
    for &(day, value) in course.points {
        assert!(
            (first..=last).contains(&day),
            "day {day} outside {first}..{last}"
        );
        assert!(low < value && value < high, "{value} outside {low}..{high}");
    }
    if let Some((band_low, band_high)) = course.reference_band {
        assert!(
            low <= band_low && band_high < high,
            "band outside {low}..{high}"
        );
    }
}

const HB_BAND: Option<(f64, f64)> = Some((13.5, 17.5));

#[test]
fn bounds_cover_data_and_reference_band() {
    let points = [(0.0, 12.0), (10.0, 9.0)];
    let course = course("Hb", &points, HB_BAND, &[]);
    let ((first, last), (low, high)) = chart_bounds(&course);
    assert_eq!((first, last), (0.0, MIN_DAYS_SHOWN));
    assert!(low < 9.0 && high > 17.5, "{low}..{high}");
}

#[test]
fn bounds_cover_a_line_far_below_far_above_single_or_constant() {
    let below: Vec<(f64, f64)> = (0..90)
        .map(|day| (f64::from(day), 6.0 + f64::from(day) / 30.0))
        .collect();
    let above: Vec<(f64, f64)> = (0..90)
        .map(|day| (f64::from(day), 19.0 + f64::from(day) / 10.0))
        .collect();
    let constant: Vec<(f64, f64)> = (0..40).map(|day| (f64::from(day), 9.3)).collect();
    let zeros: Vec<(f64, f64)> = (0..40).map(|day| (f64::from(day), 0.0)).collect();
    for (points, band) in [
        (&below[..], HB_BAND),
        (&above[..], HB_BAND),
        (&[(0.0, 9.3)][..], HB_BAND),
        (&[(0.0, 9.3)][..], None),
        (&constant[..], Some((10.0, 18.0))),
        (&constant[..], None),
        (&[(0.0, 400.0), (1.0, 1500.0)][..], Some((30.0, 300.0))),
    ] {
        assert_bounds_cover(&course("Hb", points, band, &[]));
    }
    // A constant 0 sits on a 0-based axis: its bounds start at it, the drawn axis below it.
    let ((_, _), (low, high)) = chart_bounds(&course("Sideroblasts", &zeros, None, &[]));
    assert!(low == 0.0 && high > 0.0, "{low}..{high}");
}

#[test]
fn bounds_ignore_values_the_model_could_not_compute() {
    let points = [(0.0, 12.0), (1.0, f64::NAN), (2.0, 11.0)];
    let (_, (low, high)) = chart_bounds(&course("Hb", &points, None, &[]));
    assert!(low < 11.0 && 12.0 < high && high.is_finite());
}

#[test]
fn tick_labels_have_the_decimals_the_span_needs() {
    assert_eq!(tick_label(300.0, 290.0, '.'), "300");
    assert_eq!(tick_label(12.5, 8.0, '.'), "12.5");
    assert_eq!(tick_label(0.4, 0.5, '.'), "0.40");
    assert_eq!(tick_label(-1e-17, 0.5, '.'), "0.00", "no negative zero");
    assert_eq!(tick_label(12.5, 8.0, ','), "12,5");
}

#[test]
fn value_ticks_take_the_language_s_decimal_sign() {
    // A span under 20 gives ticks with decimals ("13.5" in English, "13,5" in Spanish).
    let points: Vec<(f64, f64)> = (0..30)
        .map(|day| (day as f64, 15.0 - day as f64 * 0.1))
        .collect();
    let chart = course("Hb", &points, None, &[]);
    let ticks = |strings: &Strings| {
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (480, 240)).into_drawing_area();
            draw_time_course(&area, &chart, &Palette::STANDARD, strings).unwrap();
        }
        elements(&svg, "text")
            .into_iter()
            .map(|(_, text)| text)
            .filter(|text| {
                text.chars().any(|c| c.is_ascii_digit()) && !text.contains(char::is_alphabetic)
            })
            .collect::<Vec<String>>()
    };
    let english = ticks(&ENGLISH);
    let spanish = ticks(crate::i18n::spanish_for_tests());
    assert!(
        english.iter().any(|tick| tick.contains('.')),
        "English ticks: {english:?}"
    );
    assert!(
        spanish.iter().any(|tick| tick.contains(',')),
        "Spanish ticks: {spanish:?}"
    );
    assert!(
        !spanish.iter().any(|tick| tick.contains('.')),
        "Spanish ticks: {spanish:?}"
    );
}

#[test]
fn empty_course_still_has_a_usable_range() {
    let ((first, last), (low, high)) = chart_bounds(&course("Hb", &[], None, &[]));
    assert!(last > first && high > low);
}

#[test]
fn svg_shows_the_label_the_line_the_band_and_the_events() {
    let points: Vec<(f64, f64)> = (0..50)
        .map(|day| (day as f64, 14.0 - day as f64 * 0.05))
        .collect();
    let events = [ChartEvent {
        day: 20.0,
        kind: ChartEventKind::Treatment,
    }];
    let with_events = course("Hb (g/dL)", &points, HB_BAND, &events);
    let svg = render_svg(&with_events);
    assert!(svg.contains("Hb (g/dL)"), "caption missing");
    assert!(
        svg.contains(">\nday\n<") || svg.contains(">day<"),
        "day title missing"
    );
    assert!(svg.contains("<polyline"), "the time course line is missing");
    assert!(svg.contains("<rect"), "the reference band is missing");
    let without_events = render_svg(&course("Hb (g/dL)", &points, HB_BAND, &[]));
    assert!(svg.matches("<polyline").count() > without_events.matches("<polyline").count());
}

#[test]
fn a_course_of_one_day_still_shows_its_value_inside_the_axis() {
    let one_day = course("Hb (g/dL)", &[(0.0, 11.2)], HB_BAND, &[]);
    let (_, (low, high)) = chart_bounds(&one_day);
    assert!(low < 11.2 && 11.2 < high, "{low}–{high}");
    let (svg, drawn) = render_svg_at(&one_day, (480, 240));
    assert!(
        drawn.layout.plot.contains(&latest_dot(&svg)),
        "the day-0 value is not inside"
    );
}

#[test]
fn a_line_far_below_its_band_is_drawn_inside_the_axis_with_its_dot() {
    // Iron deficiency: Hb 9 to 6 g/dL against the 13.5–17.5 band (the "Hb 9.3 on a 10–18 axis" report).
    let points: Vec<(f64, f64)> = (0..120)
        .map(|day| (f64::from(day), 9.0 - f64::from(day) / 40.0))
        .collect();
    let below = course("Hemoglobin (g/dL)", &points, HB_BAND, &[]);
    for size in PAGE_SIZES_PX {
        let (svg, drawn) = render_svg_at(&below, size);
        let (low, high) = drawn.values;
        assert!(low < 6.0 && high > 17.5, "{size:?}: axis {low}..{high}");
        assert_eq!(drawn.last_value, Some(points[119].1));
        let plot = drawn.layout.plot;
        let ys = line_ys(&svg);
        assert!(ys.len() >= 2, "the line is drawn");
        for y in ys {
            assert!(
                plot.top <= y && y <= plot.bottom(),
                "{size:?}: line at y {y} outside {plot:?}"
            );
        }
        assert!(
            plot.contains(&latest_dot(&svg)),
            "{size:?}: dot {:?} outside {plot:?}",
            latest_dot(&svg)
        );
    }
}

#[test]
fn the_latest_dot_stays_inside_at_either_end_of_the_axis() {
    let zeros: Vec<(f64, f64)> = (0..40).map(|day| (f64::from(day), 0.0)).collect();
    let rising: Vec<(f64, f64)> = (0..40)
        .map(|day| (f64::from(day), f64::from(day)))
        .collect();
    for points in [&zeros, &rising] {
        let (svg, drawn) =
            render_svg_at(&course("Sideroblasts (%)", points, None, &[]), (320, 180));
        assert!(
            drawn.layout.plot.contains(&latest_dot(&svg)),
            "{:?}",
            drawn.values
        );
        // The room made for the dot does not print a negative tick.
        assert!(text_boxes(&svg)
            .iter()
            .all(|(text, _)| !text.starts_with('-')));
    }
}

fn all_kinds_on(days: [f64; 3]) -> [ChartEvent; 3] {
    [
        ChartEvent {
            day: days[0],
            kind: ChartEventKind::Treatment,
        },
        ChartEvent {
            day: days[1],
            kind: ChartEventKind::SettingChange,
        },
        ChartEvent {
            day: days[2],
            kind: ChartEventKind::Jump,
        },
    ]
}

#[test]
fn each_event_kind_has_its_own_colour_dashes_and_marker() {
    let palette = Palette::STANDARD;
    let styles = ChartEventKind::ALL.map(|kind| event_style(kind, &palette));
    for (index, style) in styles.iter().enumerate() {
        for other in &styles[index + 1..] {
            // Not by colour alone: the dashes and the marker differ too.
            assert_ne!(style.dash_px, other.dash_px);
            assert_ne!(style.marker, other.marker);
        }
    }
    let points: Vec<(f64, f64)> = (0..60).map(|day| (f64::from(day), 12.0)).collect();
    let events = all_kinds_on([10.0, 20.0, 30.0]);
    let svg = render_svg(&course("Hb (g/dL)", &points, HB_BAND, &events));
    for kind in ChartEventKind::ALL {
        let style = event_style(kind, &palette);
        let colour = colour_hex(style.colour);
        let strokes = elements(&svg, "polyline")
            .into_iter()
            .filter(|(attributes, _)| attribute(attributes, "stroke") == colour)
            .count()
            + elements(&svg, "line")
                .into_iter()
                .filter(|(attributes, _)| attribute(attributes, "stroke") == colour)
                .count();
        // One stroke for the event line and one for the legend sample if solid, many if dashed.
        match style.dash_px {
            None => assert_eq!(strokes, 2, "{kind:?}"),
            Some(_) => assert!(strokes > 6, "{kind:?}: {strokes} dashes"),
        }
        let polygons: Vec<usize> = elements(&svg, "polygon")
            .into_iter()
            .filter(|(attributes, _)| attribute(attributes, "fill") == colour)
            .map(|(attributes, _)| attribute(&attributes, "points").split_whitespace().count())
            .collect();
        let squares = elements(&svg, "rect")
            .into_iter()
            .filter(|(attributes, _)| attribute(attributes, "fill") == colour)
            .count();
        // On the chart and in the legend.
        match style.marker {
            MarkerShape::Triangle => assert_eq!(polygons, [3, 3], "{kind:?}"),
            MarkerShape::Diamond => assert_eq!(polygons, [4, 4], "{kind:?}"),
            MarkerShape::Square => assert_eq!((polygons.len(), squares), (0, 2), "{kind:?}"),
        }
    }
}

#[test]
fn the_legend_lists_exactly_the_kinds_present() {
    let points: Vec<(f64, f64)> = (10..70).map(|day| (f64::from(day), 12.0)).collect();
    let legend_texts = |events: &[ChartEvent]| -> Vec<String> {
        let svg = render_svg(&course("Hb (g/dL)", &points, HB_BAND, events));
        let names = ChartEventKind::ALL.map(|kind| ENGLISH.chart_event_label(kind));
        text_boxes(&svg)
            .into_iter()
            .map(|(text, _)| text)
            .filter(|text| names.contains(&text.as_str()))
            .collect()
    };
    assert!(legend_texts(&[]).is_empty(), "no events, no legend");
    let [treatment, setting, jump] = all_kinds_on([20.0, 30.0, 40.0]);
    assert_eq!(legend_texts(&[treatment, treatment]), ["Treatment"]);
    assert_eq!(
        legend_texts(&[jump, setting]),
        ["Setting changed", "Jump to long run"]
    );
    // An event before the first day charted (the history was trimmed) is not on this chart.
    let early_jump = ChartEvent { day: 2.0, ..jump };
    assert_eq!(legend_texts(&[early_jump, setting]), ["Setting changed"]);
    assert_eq!(legend_texts(&[jump, setting, treatment]).len(), 3);
}

/// A caption, its ten years of points and its reference band.
type Case = (&'static str, Vec<(f64, f64)>, Option<(f64, f64)>);

/// Captions as long as the page makes them, each with a line that needs wide value labels.
fn hard_cases() -> Vec<Case> {
    let days = |value: fn(f64) -> f64| {
        (0..3650)
            .step_by(5)
            .map(|day| (f64::from(day), value(f64::from(day))))
            .collect()
    };
    vec![
        (
            "Hemoglobin (g/dL)",
            days(|day| 9.0 - day / 3650.0 * 3.0),
            HB_BAND,
        ),
        (
            "Ferritin (ng/mL)",
            days(|day| 10.0 + day / 2.0),
            Some((30.0, 300.0)),
        ),
        (
            "Reticulocytes (%)",
            days(|day| 0.5 + day / 3650.0),
            Some((0.5, 2.5)),
        ),
        (
            "Soluble transferrin receptor (mg/L)",
            days(|day| 1.0 + day / 900.0),
            Some((0.8, 1.8)),
        ),
        (
            "Reticulocyte production index",
            days(|day| 0.2 + day / 4000.0),
            None,
        ),
    ]
}

#[test]
fn no_text_overlaps_another_or_leaves_the_chart_at_the_page_sizes() {
    let events = all_kinds_on([100.0, 200.0, 3000.0]);
    for (label, points, band) in hard_cases() {
        for (events, size) in [&events[..], &[]]
            .into_iter()
            .flat_map(|events| PAGE_SIZES_PX.map(|size| (events, size)))
        {
            let (svg, drawn) = render_svg_at(&course(label, &points, band, events), size);
            let canvas = PixelBox {
                left: 0.0,
                top: 0.0,
                width: f64::from(size.0),
                height: f64::from(size.1),
            };
            let texts = text_boxes(&svg);
            assert!(texts.len() >= 6, "{label} {size:?}: ticks and titles drawn");
            for (index, (text, text_box)) in texts.iter().enumerate() {
                assert!(
                    canvas.contains(text_box),
                    "{label} {size:?}: “{text}” leaves the chart: {text_box:?}"
                );
                for (other, other_box) in &texts[index + 1..] {
                    assert!(
                        !text_box.overlaps(other_box),
                        "{label} {size:?}: “{text}” {text_box:?} overlaps “{other}” {other_box:?}"
                    );
                }
            }
            // The caption and legend stay off the plot, so off the line and its latest value.
            let plot = drawn.layout.plot;
            let header = drawn
                .layout
                .caption
                .iter()
                .map(|(_, text_box)| *text_box)
                .chain(
                    drawn
                        .layout
                        .legend
                        .iter()
                        .flat_map(|entry| [entry.swatch, entry.text]),
                );
            for text_box in header {
                assert!(
                    !text_box.overlaps(&plot),
                    "{label} {size:?}: {text_box:?} on the plot"
                );
            }
            assert!(
                plot.height >= 60.0,
                "{label} {size:?}: a plot {} px high",
                plot.height
            );
        }
    }
}

#[test]
fn the_layout_is_where_plotters_draws_the_ticks_and_the_day_title() {
    let (label, points, band) = hard_cases().swap_remove(1);
    let (svg, drawn) = render_svg_at(&course(label, &points, band, &[]), (472, 236));
    let plot = drawn.layout.plot;
    let texts = text_boxes(&svg);
    let day_ticks: Vec<_> = texts
        .iter()
        .filter(|(text, _)| text.parse::<f64>().is_ok() && text.len() == 4)
        .collect();
    assert!(!day_ticks.is_empty());
    for (text, text_box) in texts.iter().filter(|(text, _)| text.parse::<f64>().is_ok()) {
        // Day ticks hang below the plot, value ticks end left of it, both a tick gap away.
        let below = (text_box.top - (plot.bottom() + TICK_LABEL_GAP_PX)).abs() < 1.5;
        let left = (text_box.right() - (plot.left - TICK_LABEL_GAP_PX)).abs() < 1.5;
        assert!(below || left, "“{text}” at {text_box:?}, plot {plot:?}");
    }
    let (_, title) = texts
        .iter()
        .find(|(text, _)| text == "day")
        .expect("day title");
    assert!(
        (title.top - drawn.layout.x_title.top).abs() < 1.5,
        "{title:?} vs {:?}",
        drawn.layout.x_title
    );
}

#[test]
fn kinds_marked_on_the_same_day_show_every_marker() {
    let points: Vec<(f64, f64)> = (0..60).map(|day| (f64::from(day), 12.0)).collect();
    let (svg, drawn) = render_svg_at(
        &course("Hb (g/dL)", &points, HB_BAND, &all_kinds_on([0.0; 3])),
        (472, 236),
    );
    let plot = drawn.layout.plot;
    let event_colours =
        ChartEventKind::ALL.map(|kind| colour_hex(event_style(kind, &Palette::STANDARD).colour));
    let corners = |points: &str| -> PixelBox {
        let xy: Vec<(f64, f64)> = points
            .split_whitespace()
            .map(|point| {
                let (x, y) = point.split_once(',').unwrap();
                (x.parse().unwrap(), y.parse().unwrap())
            })
            .collect();
        let (left, right) = xy
            .iter()
            .fold((f64::MAX, f64::MIN), |(l, r), p| (l.min(p.0), r.max(p.0)));
        let (top, bottom) = xy
            .iter()
            .fold((f64::MAX, f64::MIN), |(t, b), p| (t.min(p.1), b.max(p.1)));
        PixelBox {
            left,
            top,
            width: right - left,
            height: bottom - top,
        }
    };
    let markers: Vec<PixelBox> = elements(&svg, "polygon")
        .into_iter()
        .filter(|(attributes, _)| {
            event_colours.contains(&attribute(attributes, "fill").to_string())
        })
        .map(|(attributes, _)| corners(attribute(&attributes, "points")))
        .chain(
            elements(&svg, "rect")
                .into_iter()
                .filter(|(attributes, _)| {
                    event_colours.contains(&attribute(attributes, "fill").to_string())
                })
                .map(|(attributes, _)| PixelBox {
                    left: number(&attributes, "x"),
                    top: number(&attributes, "y"),
                    width: number(&attributes, "width"),
                    height: number(&attributes, "height"),
                }),
        )
        // The chart's markers, just above the plot (the legend's are higher up).
        .filter(|marker| marker.bottom() > plot.top - 4.0)
        .collect();
    assert_eq!(markers.len(), 3);
    for (index, marker) in markers.iter().enumerate() {
        assert!(
            marker.bottom() <= plot.top,
            "{marker:?} on the plot {plot:?}"
        );
        for other in &markers[index + 1..] {
            assert!(!marker.overlaps(other), "{marker:?} hides {other:?}");
        }
    }
}

#[test]
fn a_second_patient_is_drawn_dashed_and_the_axis_holds_both() {
    let first: Vec<(f64, f64)> = (0..40).map(|day| (f64::from(day), 14.0)).collect();
    let second: Vec<(f64, f64)> = (0..40).map(|day| (f64::from(day), 7.0)).collect();
    let course = TimeCourse {
        second: &second,
        ..course("Hb (g/dL)", &first, Some((13.5, 17.5)), &[])
    };
    let (_, (low, high)) = chart_bounds(&course);
    assert!(low < 7.0 && high > 17.5, "{low}–{high}");
    let alone = render_svg(&TimeCourse {
        second: &[],
        ..course.clone()
    });
    let both = render_svg(&course);
    assert!(
        both.matches("<polyline").count() + both.matches("<path").count()
            > alone.matches("<polyline").count() + alone.matches("<path").count()
    );
}

#[test]
fn a_lab_chart_in_si_converts_its_caption_band_and_points() {
    let si = Units::Si;
    assert_eq!(
        lab_caption(LabKey::Hemoglobin, si, &ENGLISH),
        format!("{} (g/L)", ENGLISH.lab_label(LabKey::Hemoglobin))
    );
    assert_eq!(
        lab_caption(LabKey::Hemoglobin, Units::Conventional, &ENGLISH),
        format!("{} (g/dL)", ENGLISH.lab_label(LabKey::Hemoglobin))
    );
    assert_eq!(
        lab_reference_band(LabKey::Hemoglobin, si),
        Some((135.0, 175.0))
    );
    assert_eq!(
        lab_reference_band(LabKey::MethylmalonicAcid, si),
        Some((0.0, 0.4))
    );
    assert_eq!(lab_reference_band(LabKey::StorageIron, si), None);
    let points = lab_points(
        LabKey::SerumIron,
        si,
        [(0.0, 100.0), (1.0, 50.0)].into_iter(),
    );
    assert_eq!(points, vec![(0.0, 17.9), (1.0, 8.95)]);
}

#[test]
fn the_projector_palette_draws_the_line_thicker_in_its_own_colours() {
    let points = [(0.0, 12.0), (10.0, 11.0), (20.0, 10.5)];
    let course = course("Hb (g/dL)", &points, Some((12.0, 16.0)), &[]);
    let draw = |palette: &Palette| {
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (480, 240)).into_drawing_area();
            draw_time_course(&area, &course, palette, &ENGLISH).unwrap();
        }
        svg
    };
    let line_width = |svg: &str, colour: Colour| {
        elements(svg, "polyline")
            .into_iter()
            .find(|(attributes, _)| {
                attributes.iter().any(|(name, value)| {
                    name == "stroke" && value.eq_ignore_ascii_case(&colour.css())
                })
            })
            .and_then(|(attributes, _)| {
                attributes
                    .into_iter()
                    .find(|(name, _)| name == "stroke-width")
                    .and_then(|(_, value)| value.parse::<u32>().ok())
            })
    };
    let standard = line_width(&draw(&Palette::STANDARD), Palette::STANDARD.chart_line);
    let projector = line_width(&draw(&Palette::PROJECTOR), Palette::PROJECTOR.chart_line);
    assert_eq!(standard, Some(2));
    assert_eq!(projector, Some(Palette::PROJECTOR.chart_stroke_px(2)));
    assert!(projector > standard);
}
