//! The [`Painter`] of the page: a 2D canvas context, drawing scene units through a view transform.

use std::cell::RefCell;

use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::CanvasRenderingContext2d;

use crate::palette::Colour;
use crate::view::drawing::painter::{Painter, TextAlign, ViewTransform};

/// JavaScript strings kept by key, one slot per key (direct-mapped: a newer key replaces the older
/// in its slot), so that a string set on a canvas many times a frame is made and sent once. A
/// fixed number of slots cannot grow while playing, and costs less download than a hash map.
pub(crate) struct JsStrings<K> {
    slots: Vec<Option<(K, JsValue)>>,
}

impl<K: Copy + PartialEq> JsStrings<K> {
    /// An empty cache of `slots` slots.
    pub fn new(slots: usize) -> JsStrings<K> {
        JsStrings {
            slots: vec![None; slots],
        }
    }

    /// The string for `key`, which lives in slot `hash` modulo the slots; `make` writes it when
    /// the slot holds another key.
    pub fn get(&mut self, key: K, hash: usize, make: impl FnOnce() -> String) -> JsValue {
        let slot = hash % self.slots.len();
        match &self.slots[slot] {
            Some((cached, string)) if *cached == key => string.clone(),
            _ => {
                let string = JsValue::from_str(&make());
                self.slots[slot] = Some((key, string.clone()));
                string
            }
        }
    }
}

/// A slot hash of a colour's channels (spreads the palette's colours over the slots).
pub(crate) fn rgb_hash(red: u8, green: u8, blue: u8) -> usize {
    usize::from(red) * 7 + usize::from(green) * 31 + usize::from(blue) * 131
}

thread_local! {
    /// Colours' `#rrggbb`: a scene sets a fill colour about a hundred times a frame (cells
    /// alternate body and nucleus), and making each string anew was a large part of drawing it
    /// (issue 12). 256 slots: more than the palette's few dozen colours and the shades the scene
    /// mixes as cells ripen, so that they seldom share one.
    static CSS_COLOURS: RefCell<JsStrings<Colour>> = RefCell::new(JsStrings::new(256));
}

/// `colour`'s `#rrggbb` as a JavaScript string, made once while it keeps its slot.
fn css_colour(colour: Colour) -> JsValue {
    CSS_COLOURS.with(|cache| {
        cache.borrow_mut().get(
            colour,
            rgb_hash(colour.red, colour.green, colour.blue),
            || colour.css(),
        )
    })
}

/// Paints on a canvas whose context is in CSS pixels (see [`fit_canvas`]).
///
/// It remembers the drawing state it last set (colours, alpha, line width, font, alignment) and
/// sets it again only when a shape needs another: a scene draws hundreds of shapes in a few
/// colours, and each setting is a call into the browser with a string to parse (issue 12).
pub struct CanvasPainter<'a> {
    context: &'a CanvasRenderingContext2d,
    transform: ViewTransform,
    /// Lines are drawn this many times their scene width (the palette's line weight).
    line_scale: f64,
    /// What the context was last given; `None` until set by this painter.
    fill_colour: Option<Colour>,
    stroke_colour: Option<Colour>,
    alpha: Option<f64>,
    line_width_px: Option<f64>,
    font_px: Option<f64>,
    align: Option<TextAlign>,
}

impl<'a> CanvasPainter<'a> {
    pub fn new(context: &'a CanvasRenderingContext2d, transform: ViewTransform) -> Self {
        CanvasPainter {
            context,
            transform,
            line_scale: 1.0,
            fill_colour: None,
            stroke_colour: None,
            alpha: None,
            line_width_px: None,
            font_px: None,
            align: None,
        }
    }

    /// Draws lines at `palette`'s weight (thicker for a projector).
    pub fn with_line_weight(mut self, palette: &crate::palette::Palette) -> Self {
        self.line_scale = palette.line_width(1.0);
        self
    }

    fn point(&self, x: f64, y: f64) -> (f64, f64) {
        self.transform.apply(x, y)
    }

    /// Starts a path holding one full circle, in scene units.
    fn circle_path(&self, x: f64, y: f64, radius: f64) {
        let (centre_x, centre_y) = self.point(x, y);
        self.context.begin_path();
        // A non-negative radius and a full turn cannot fail.
        let _ = self.context.arc(
            centre_x,
            centre_y,
            (radius * self.transform.scale).max(0.0),
            0.0,
            std::f64::consts::TAU,
        );
    }

    fn fill(&mut self, colour: Colour, alpha: f64) {
        self.set_alpha(alpha);
        if self.fill_colour != Some(colour) {
            self.fill_colour = Some(colour);
            // web-sys marks the `JsValue` setters deprecated because they accept any value (a
            // gradient, a pattern); here it is always a colour string, made once (`css_colour`),
            // where the `&str` setter would copy and decode a new string on every call.
            #[allow(deprecated)]
            self.context.set_fill_style(&css_colour(colour));
        }
    }

    fn set_alpha(&mut self, alpha: f64) {
        let alpha = alpha.clamp(0.0, 1.0);
        if self.alpha != Some(alpha) {
            self.alpha = Some(alpha);
            self.context.set_global_alpha(alpha);
        }
    }

    /// Sets the stroke for a line `line_width` scene units wide (times the palette's weight).
    fn stroke(&mut self, line_width: f64, colour: Colour) {
        self.set_alpha(1.0);
        if self.stroke_colour != Some(colour) {
            self.stroke_colour = Some(colour);
            // As for the fill (see `fill`).
            #[allow(deprecated)]
            self.context.set_stroke_style(&css_colour(colour));
        }
        let width_px = line_width * self.line_scale * self.transform.scale;
        if self.line_width_px != Some(width_px) {
            self.line_width_px = Some(width_px);
            self.context.set_line_width(width_px);
        }
    }
}

impl Painter for CanvasPainter<'_> {
    fn rectangle(&mut self, x: f64, y: f64, width: f64, height: f64, colour: Colour, alpha: f64) {
        self.fill(colour, alpha);
        let (left, top) = self.point(x, y);
        let scale = self.transform.scale;
        self.context
            .fill_rect(left, top, width * scale, height * scale);
    }

    fn circle(&mut self, x: f64, y: f64, radius: f64, colour: Colour, alpha: f64) {
        self.fill(colour, alpha);
        self.circle_path(x, y, radius);
        self.context.fill();
    }

    fn ring(&mut self, x: f64, y: f64, radius: f64, line_width: f64, colour: Colour) {
        self.stroke(line_width, colour);
        self.circle_path(x, y, radius);
        self.context.stroke();
    }

    fn line(&mut self, from: (f64, f64), to: (f64, f64), line_width: f64, colour: Colour) {
        self.stroke(line_width, colour);
        let (from_x, from_y) = self.point(from.0, from.1);
        let (to_x, to_y) = self.point(to.0, to.1);
        self.context.begin_path();
        self.context.move_to(from_x, from_y);
        self.context.line_to(to_x, to_y);
        self.context.stroke();
    }

    fn polygon(&mut self, points: &[(f64, f64)], colour: Colour, alpha: f64) {
        let Some((first, rest)) = points.split_first() else {
            return;
        };
        self.fill(colour, alpha);
        self.context.begin_path();
        let (x, y) = self.point(first.0, first.1);
        self.context.move_to(x, y);
        for point in rest {
            let (x, y) = self.point(point.0, point.1);
            self.context.line_to(x, y);
        }
        self.context.close_path();
        self.context.fill();
    }

    fn text(&mut self, text: &str, x: f64, y: f64, size: f64, colour: Colour, align: TextAlign) {
        self.fill(colour, 1.0);
        let font_px = size * self.transform.scale;
        if self.font_px != Some(font_px) {
            self.font_px = Some(font_px);
            self.context
                .set_font(&format!("600 {font_px:.1}px system-ui, sans-serif"));
        }
        if self.align != Some(align) {
            self.align = Some(align);
            self.context.set_text_align(match align {
                TextAlign::Left => "left",
                TextAlign::Centre => "center",
                TextAlign::Right => "right",
            });
        }
        let (left, baseline) = self.point(x, y);
        // Text that cannot be measured is skipped; the next frame tries again.
        let _ = self.context.fill_text(text, left, baseline);
    }
}

/// Matches a canvas's backing store to its displayed size (`css_size`, from [`displayed_size`])
/// and the device pixel ratio (HiDPI) and returns a context in CSS pixels with that size.
pub fn fit_canvas(
    canvas: &web_sys::HtmlCanvasElement,
    (css_width, css_height): (f64, f64),
) -> Option<(CanvasRenderingContext2d, f64, f64)> {
    use wasm_bindgen::JsCast;
    let pixel_ratio = web_sys::window().map_or(1.0, |window| window.device_pixel_ratio());
    let width = (css_width * pixel_ratio).round() as u32;
    let height = (css_height * pixel_ratio).round() as u32;
    if width > 0 && (canvas.width() != width || canvas.height() != height) {
        canvas.set_width(width);
        canvas.set_height(height);
    }
    let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    context
        .set_transform(pixel_ratio, 0.0, 0.0, pixel_ratio, 0.0, 0.0)
        .ok()?;
    Some((context, css_width, css_height))
}

/// A canvas's displayed size (`clientWidth`, `clientHeight`), CSS px: (0, 0) until the canvas is
/// on the page, then kept current by a `ResizeObserver`. Drawing reads this instead of asking the
/// element each frame: in a frame whose DOM has changed, that question makes the browser lay out
/// the page at once (a forced layout, 2–3 ms of a frame at 4x CPU throttling; issue 12). The
/// observer's callback runs after the browser's own layout, where the question costs nothing.
pub fn displayed_size(canvas_ref: NodeRef<Canvas>) -> ReadSignal<(f64, f64)> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let size = RwSignal::new((0.0, 0.0));
    let observer = StoredValue::new_local(None::<web_sys::ResizeObserver>);
    let client_size = |canvas: &web_sys::HtmlCanvasElement| {
        (
            f64::from(canvas.client_width()),
            f64::from(canvas.client_height()),
        )
    };
    Effect::new(move || {
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        // Once, as the canvas arrives, so the first drawing has its size.
        size.set(client_size(&canvas));
        let watched = canvas.clone();
        // Owned by the browser from here on: freed with the observer, so no call can reach a
        // dropped closure; a call after the component is gone sets nothing (`try_`).
        let on_resize = Closure::<dyn FnMut()>::new(move || {
            let now = client_size(&watched);
            if size.try_get_untracked().is_some_and(|shown| shown != now) {
                size.try_set(now);
            }
        })
        .into_js_value();
        if let Ok(watcher) = web_sys::ResizeObserver::new(on_resize.unchecked_ref()) {
            watcher.observe(&canvas);
            observer.update_value(|old| {
                if let Some(old) = old.replace(watcher) {
                    old.disconnect();
                }
            });
        }
    });
    on_cleanup(move || {
        observer
            .try_with_value(|watcher| watcher.as_ref().map(web_sys::ResizeObserver::disconnect));
    });
    size.read_only()
}
