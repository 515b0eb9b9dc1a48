//! The few drawing operations the scenes need, as a trait: the page implements it on a canvas, the
//! native tests on a recorder, so every scene is a pure function that can be tested without a
//! browser (style.md, principle 8).

use crate::palette::Colour;

/// Horizontal anchoring of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextAlign {
    Left,
    Centre,
    Right,
}

/// Drawing in scene units (the scene's own coordinate system; see [`ViewTransform`]).
pub trait Painter {
    /// A filled rectangle; `alpha` is the opacity (0–1).
    fn rectangle(&mut self, x: f64, y: f64, width: f64, height: f64, colour: Colour, alpha: f64);
    /// A filled circle.
    fn circle(&mut self, x: f64, y: f64, radius: f64, colour: Colour, alpha: f64);
    /// A circle's outline.
    fn ring(&mut self, x: f64, y: f64, radius: f64, line_width: f64, colour: Colour);
    /// A straight line.
    fn line(&mut self, from: (f64, f64), to: (f64, f64), line_width: f64, colour: Colour);
    /// A filled polygon through `points`.
    fn polygon(&mut self, points: &[(f64, f64)], colour: Colour, alpha: f64);
    /// Text with its baseline at `y`; `size` is the font size in scene units.
    fn text(&mut self, text: &str, x: f64, y: f64, size: f64, colour: Colour, align: TextAlign);
}

/// Maps scene units to CSS pixels: the scene is drawn in a fixed coordinate system and scaled to
/// fit the canvas, keeping its aspect ratio and centring it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewTransform {
    pub scale: f64,
    pub offset_x: f64,
    pub offset_y: f64,
}

impl ViewTransform {
    /// Fits a `scene_width` × `scene_height` scene into a `width` × `height` canvas (CSS pixels).
    pub fn fit(scene_width: f64, scene_height: f64, width: f64, height: f64) -> ViewTransform {
        let scale = (width / scene_width).min(height / scene_height).max(1e-6);
        ViewTransform {
            scale,
            offset_x: (width - scene_width * scale) / 2.0,
            offset_y: (height - scene_height * scale) / 2.0,
        }
    }

    /// A scene point in CSS pixels.
    pub fn apply(&self, x: f64, y: f64) -> (f64, f64) {
        (
            self.offset_x + x * self.scale,
            self.offset_y + y * self.scale,
        )
    }
}

/// What a recorder saw: one entry per drawing call, for native tests.
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    Rectangle {
        x: f64,
        y: f64,
        width: f64,
        height: f64,
        colour: Colour,
        alpha: f64,
    },
    Circle {
        x: f64,
        y: f64,
        radius: f64,
        colour: Colour,
        alpha: f64,
    },
    Ring {
        x: f64,
        y: f64,
        radius: f64,
        colour: Colour,
    },
    Line {
        from: (f64, f64),
        to: (f64, f64),
        colour: Colour,
    },
    Polygon {
        points: Vec<(f64, f64)>,
        colour: Colour,
        alpha: f64,
    },
    Text {
        text: String,
        x: f64,
        y: f64,
        size: f64,
        align: TextAlign,
    },
}

/// A painter that only records, so tests can ask what a scene drew.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Recorder {
    pub marks: Vec<Mark>,
}

impl Recorder {
    /// Circles drawn in `colour`.
    pub fn circles_of(&self, colour: Colour) -> usize {
        self.marks
            .iter()
            .filter(|mark| matches!(mark, Mark::Circle { colour: c, .. } if *c == colour))
            .count()
    }

    /// Every text drawn.
    pub fn texts(&self) -> Vec<&str> {
        self.marks
            .iter()
            .filter_map(|mark| match mark {
                Mark::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }
}

impl Painter for Recorder {
    fn rectangle(&mut self, x: f64, y: f64, width: f64, height: f64, colour: Colour, alpha: f64) {
        self.marks.push(Mark::Rectangle {
            x,
            y,
            width,
            height,
            colour,
            alpha,
        });
    }
    fn circle(&mut self, x: f64, y: f64, radius: f64, colour: Colour, alpha: f64) {
        self.marks.push(Mark::Circle {
            x,
            y,
            radius,
            colour,
            alpha,
        });
    }
    fn ring(&mut self, x: f64, y: f64, radius: f64, _line_width: f64, colour: Colour) {
        self.marks.push(Mark::Ring {
            x,
            y,
            radius,
            colour,
        });
    }
    fn line(&mut self, from: (f64, f64), to: (f64, f64), _line_width: f64, colour: Colour) {
        self.marks.push(Mark::Line { from, to, colour });
    }
    fn polygon(&mut self, points: &[(f64, f64)], colour: Colour, alpha: f64) {
        self.marks.push(Mark::Polygon {
            points: points.to_vec(),
            colour,
            alpha,
        });
    }
    fn text(&mut self, text: &str, x: f64, y: f64, size: f64, _colour: Colour, align: TextAlign) {
        self.marks.push(Mark::Text {
            text: text.to_string(),
            x,
            y,
            size,
            align,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_transform_fits_and_centres_the_scene() {
        let wide = ViewTransform::fit(1000.0, 500.0, 1200.0, 500.0);
        assert_eq!(wide.scale, 1.0);
        assert_eq!(wide.apply(0.0, 0.0), (100.0, 0.0));
        let narrow = ViewTransform::fit(1000.0, 500.0, 500.0, 500.0);
        assert_eq!(narrow.scale, 0.5);
        assert_eq!(narrow.apply(1000.0, 500.0), (500.0, 375.0));
    }
}
