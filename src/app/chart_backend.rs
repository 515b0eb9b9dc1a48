//! The charts' plotters backend: plotters-canvas's `CanvasBackend`, with its lines drawn more
//! cheaply and to the same pixels.
//!
//! A chart's redraw is mostly its grid: about a hundred lines, each of which `CanvasBackend`
//! draws by formatting its colour as a new `rgba(…)` string, handing it to the browser to parse,
//! setting the line width, then stroking (issue 12). Here a line sets the stroke style and width
//! only when they differ from the line before, from a JavaScript string made once per colour; the
//! strokes, their order and the strings are those of `CanvasBackend`, so the picture is the same.
//! Everything else is `CanvasBackend`'s own drawing.

use std::cell::RefCell;

use plotters::prelude::DrawingBackend;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::canvas_painter::{rgb_hash, JsStrings};

/// `CanvasBackend`'s error (its type is not exported by name).
type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;

/// A colour as a key: red, green, blue and the bits of its alpha (`BackendColor` has no `Eq`).
type ColourKey = (u8, u8, u8, u64);

fn colour_key(colour: BackendColor) -> ColourKey {
    let (red, green, blue) = colour.rgb;
    (red, green, blue, colour.alpha.to_bits())
}

thread_local! {
    /// Stroke colours' `rgba(…)` strings, as `CanvasBackend` writes them (see [`JsStrings`]). 64
    /// slots: a chart draws with a handful of colours (grid, axes, event kinds, the two patients).
    static STROKE_STYLES: RefCell<JsStrings<ColourKey>> = RefCell::new(JsStrings::new(64));
}

/// The `rgba(r,g,b,a)` string `CanvasBackend` sets for `colour`, as a JavaScript string.
fn stroke_style(colour: BackendColor) -> JsValue {
    let (red, green, blue) = colour.rgb;
    let key = colour_key(colour);
    let hash = rgb_hash(red, green, blue) + (key.3 >> 44) as usize;
    STROKE_STYLES.with(|cache| {
        cache.borrow_mut().get(key, hash, || {
            format!("rgba({red},{green},{blue},{alpha})", alpha = colour.alpha)
        })
    })
}

/// A chart's canvas: [`CanvasBackend`] for everything but single lines.
pub struct ChartBackend {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
    /// The stroke colour and width the context has from the last line drawn here; `None` after
    /// anything else is drawn (which may set its own).
    line_style: Option<(ColourKey, u32)>,
}

impl ChartBackend {
    /// The backend for `canvas`, or `None` if it has no 2D context.
    pub fn new(canvas: HtmlCanvasElement) -> Option<ChartBackend> {
        let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        let inner = CanvasBackend::with_canvas_object(canvas)?;
        Some(ChartBackend {
            inner,
            context,
            line_style: None,
        })
    }
}

/// Moves a vertical or horizontal line half a pixel, as `CanvasBackend` does (so that a one-pixel
/// line covers one pixel column or row rather than blurring over two).
fn crisp_line(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut from, mut to) = (
        (f64::from(from.0), f64::from(from.1)),
        (f64::from(to.0), f64::from(to.1)),
    );
    if from.0 == to.0 {
        from.0 -= 0.5;
        to.0 -= 0.5;
    }
    if from.1 == to.1 {
        from.1 -= 0.5;
        to.1 -= 0.5;
    }
    (from, to)
}

impl DrawingBackend for ChartBackend {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        colour: BackendColor,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.line_style = None;
        self.inner.draw_pixel(point, colour)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        let wanted = (colour_key(colour), style.stroke_width());
        if self.line_style != Some(wanted) {
            // web-sys marks the `JsValue` setter deprecated because it accepts any value; this
            // one is always a colour string, made once (`stroke_style`).
            #[allow(deprecated)]
            self.context.set_stroke_style(&stroke_style(colour));
            self.context.set_line_width(f64::from(wanted.1));
            self.line_style = Some(wanted);
        }
        let (from, to) = crisp_line(from, to);
        self.context.begin_path();
        self.context.move_to(from.0, from.1);
        self.context.line_to(to.0, to.1);
        self.context.stroke();
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.line_style = None;
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.line_style = None;
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.line_style = None;
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.line_style = None;
        self.inner.fill_polygon(vertices, style)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.line_style = None;
        self.inner.draw_text(text, style, pos)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        self.inner.estimate_text_size(text, style)
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        (width, height): (u32, u32),
        source: &[u8],
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.line_style = None;
        self.inner.blit_bitmap(pos, (width, height), source)
    }
}
