//! The [`Painter`] of the page: a 2D canvas context, drawing scene units through a view transform.

use web_sys::CanvasRenderingContext2d;

use crate::palette::Colour;
use crate::view::drawing::painter::{Painter, TextAlign, ViewTransform};

/// Paints on a canvas whose context is in CSS pixels (see [`fit_canvas`]).
pub struct CanvasPainter<'a> {
    context: &'a CanvasRenderingContext2d,
    transform: ViewTransform,
    /// Lines are drawn this many times their scene width (the palette's line weight).
    line_scale: f64,
}

impl<'a> CanvasPainter<'a> {
    pub fn new(context: &'a CanvasRenderingContext2d, transform: ViewTransform) -> Self {
        CanvasPainter {
            context,
            transform,
            line_scale: 1.0,
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

    fn fill(&self, colour: Colour, alpha: f64) {
        self.context.set_global_alpha(alpha.clamp(0.0, 1.0));
        self.context.set_fill_style_str(&colour.css());
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
        self.context.set_global_alpha(1.0);
        self.context.set_stroke_style_str(&colour.css());
        self.context
            .set_line_width(line_width * self.line_scale * self.transform.scale);
        self.circle_path(x, y, radius);
        self.context.stroke();
    }

    fn line(&mut self, from: (f64, f64), to: (f64, f64), line_width: f64, colour: Colour) {
        self.context.set_global_alpha(1.0);
        self.context.set_stroke_style_str(&colour.css());
        self.context
            .set_line_width(line_width * self.line_scale * self.transform.scale);
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
        self.context.set_font(&format!(
            "600 {:.1}px system-ui, sans-serif",
            size * self.transform.scale
        ));
        self.context.set_text_align(match align {
            TextAlign::Left => "left",
            TextAlign::Centre => "center",
            TextAlign::Right => "right",
        });
        let (left, baseline) = self.point(x, y);
        // Text that cannot be measured is skipped; the next frame tries again.
        let _ = self.context.fill_text(text, left, baseline);
    }
}

/// Matches a canvas's backing store to its displayed size and the device pixel ratio (HiDPI) and
/// returns a context in CSS pixels with the canvas's CSS size.
pub fn fit_canvas(
    canvas: &web_sys::HtmlCanvasElement,
) -> Option<(CanvasRenderingContext2d, f64, f64)> {
    use wasm_bindgen::JsCast;
    let pixel_ratio = web_sys::window().map_or(1.0, |window| window.device_pixel_ratio());
    let css_width = f64::from(canvas.client_width());
    let css_height = f64::from(canvas.client_height());
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
