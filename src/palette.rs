//! Every colour the page draws with, in one place. `style/main.css` mirrors these as CSS custom
//! properties (`--colour-NAME`); a native test keeps the two in step.

use plotters::style::RGBColor;

/// A colour as 8-bit sRGB.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Colour {
    pub red: u8,
    pub green: u8,
    pub blue: u8,
}

impl Colour {
    pub const fn hex(rgb: u32) -> Colour {
        Colour {
            red: (rgb >> 16) as u8,
            green: (rgb >> 8) as u8,
            blue: rgb as u8,
        }
    }

    pub const fn to_rgb(self) -> RGBColor {
        RGBColor(self.red, self.green, self.blue)
    }

    /// `#rrggbb`, for canvas fill styles and CSS.
    pub fn css(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.red, self.green, self.blue)
    }
}

/// The named colours of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    pub page_background: Colour,
    pub text: Colour,
    pub factory_floor: Colour,
    pub conveyor: Colour,
    pub red_cell: Colour,
    pub chart_background: Colour,
    pub chart_text: Colour,
    pub chart_grid: Colour,
    pub chart_line: Colour,
    pub reference_band: Colour,
    pub event_marker: Colour,
}

impl Palette {
    pub const STANDARD: Palette = Palette {
        page_background: Colour::hex(0xfbf7f2),
        text: Colour::hex(0x1f1a17),
        factory_floor: Colour::hex(0xf1e4d3),
        conveyor: Colour::hex(0x6b5b4e),
        red_cell: Colour::hex(0xc0262d),
        chart_background: Colour::hex(0xffffff),
        chart_text: Colour::hex(0x1f1a17),
        chart_grid: Colour::hex(0xb8aca0),
        chart_line: Colour::hex(0x8e1b22),
        reference_band: Colour::hex(0x7fb98a),
        event_marker: Colour::hex(0x2b5fa8),
    };

    /// (CSS token name, colour) for every entry, to mirror in the style sheet.
    pub fn tokens(&self) -> [(&'static str, Colour); 11] {
        [
            ("page-background", self.page_background),
            ("text", self.text),
            ("factory-floor", self.factory_floor),
            ("conveyor", self.conveyor),
            ("red-cell", self.red_cell),
            ("chart-background", self.chart_background),
            ("chart-text", self.chart_text),
            ("chart-grid", self.chart_grid),
            ("chart-line", self.chart_line),
            ("reference-band", self.reference_band),
            ("event-marker", self.event_marker),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_tokens_mirror_the_palette() {
        let css = include_str!("../style/main.css");
        for (name, colour) in Palette::STANDARD.tokens() {
            let declaration = format!("--colour-{name}: {};", colour.css());
            assert!(
                css.contains(&declaration),
                "style/main.css lacks `{declaration}`"
            );
        }
    }

    #[test]
    fn hex_splits_channels() {
        assert_eq!(
            Colour::hex(0x1a2b3c),
            Colour {
                red: 0x1a,
                green: 0x2b,
                blue: 0x3c
            }
        );
        assert_eq!(Colour::hex(0x1a2b3c).css(), "#1a2b3c");
    }
}
