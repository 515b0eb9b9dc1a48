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
    /// The second patient's line in compare mode (dashed): a blue that reads apart from the red.
    pub chart_line_second: Colour,
    pub reference_band: Colour,
    /// The keyboard focus ring (CSS only since the charts tell event kinds apart, issue 9).
    pub event_marker: Colour,
    /// Chart marks of the three event kinds; each also has its own dash and marker shape.
    pub event_treatment: Colour,
    pub event_setting_change: Colour,
    pub event_jump: Colour,
    pub gate_frame: Colour,
    pub hepcidin: Colour,
    pub dock: Colour,
    pub iron: Colour,
    pub liver: Colour,
    pub pipe: Colour,
    pub kidney: Colour,
    pub epo: Colour,
    pub b12: Colour,
    pub folate: Colour,
    pub floor_area: Colour,
    pub plasma_cell: Colour,
    pub plasma_cell_nucleus: Colour,
    pub worker: Colour,
    pub worker_starved: Colour,
    pub worker_nucleus: Colour,
    pub megaloblast: Colour,
    pub cytokine_haze: Colour,
    pub red_cell_pale: Colour,
    pub smear_background: Colour,
    pub prussian_blue: Colour,
    pub macrophage: Colour,
    pub flag_low: Colour,
    pub flag_high: Colour,
    /// Line weight of the scene and the charts, percent of the standard widths (thicker lines
    /// read from the back of a lecture room).
    pub line_weight_percent: u32,
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
        chart_line_second: Colour::hex(0x1f5fa8),
        reference_band: Colour::hex(0x7fb98a),
        event_marker: Colour::hex(0x2b5fa8),
        event_treatment: Colour::hex(0x7b3294),
        event_setting_change: Colour::hex(0x2b5fa8),
        event_jump: Colour::hex(0x5c5048),
        gate_frame: Colour::hex(0x4a3f36),
        hepcidin: Colour::hex(0x6a3d9a),
        dock: Colour::hex(0xe2d2bd),
        iron: Colour::hex(0x9c4a1a),
        liver: Colour::hex(0x7a2e2e),
        pipe: Colour::hex(0xd9c3a5),
        kidney: Colour::hex(0xb0413e),
        epo: Colour::hex(0x2b5fa8),
        b12: Colour::hex(0xc2185b),
        folate: Colour::hex(0x2e7d32),
        floor_area: Colour::hex(0xf8efe4),
        plasma_cell: Colour::hex(0x8e6bbf),
        plasma_cell_nucleus: Colour::hex(0x4b2c7a),
        worker: Colour::hex(0xd64550),
        worker_starved: Colour::hex(0x9aa0a6),
        worker_nucleus: Colour::hex(0x3b2a55),
        megaloblast: Colour::hex(0x9fc5e8),
        cytokine_haze: Colour::hex(0xe07b39),
        red_cell_pale: Colour::hex(0xf6c9c4),
        smear_background: Colour::hex(0xf4ecf4),
        prussian_blue: Colour::hex(0x1f3c99),
        macrophage: Colour::hex(0xd8b4c8),
        flag_low: Colour::hex(0x1f5fa8),
        flag_high: Colour::hex(0xb3261e),
        line_weight_percent: 100,
    };

    /// For a projector (`mode=projector`): white grounds, black text, and saturated, darker
    /// colours that keep their contrast on a washed-out screen; lines 1.75 × as thick.
    pub const PROJECTOR: Palette = Palette {
        page_background: Colour::hex(0xffffff),
        text: Colour::hex(0x000000),
        factory_floor: Colour::hex(0xffffff),
        conveyor: Colour::hex(0x3b2f26),
        red_cell: Colour::hex(0xd0021b),
        chart_background: Colour::hex(0xffffff),
        chart_text: Colour::hex(0x000000),
        chart_grid: Colour::hex(0x6b6b6b),
        chart_line: Colour::hex(0xb00010),
        chart_line_second: Colour::hex(0x0047ab),
        reference_band: Colour::hex(0x2e9e48),
        event_marker: Colour::hex(0x0047ab),
        event_treatment: Colour::hex(0x6a0dad),
        event_setting_change: Colour::hex(0x0047ab),
        event_jump: Colour::hex(0x333333),
        gate_frame: Colour::hex(0x1a1410),
        hepcidin: Colour::hex(0x5b1fa6),
        dock: Colour::hex(0xd9c2a3),
        iron: Colour::hex(0xa33c00),
        liver: Colour::hex(0x6b0f0f),
        pipe: Colour::hex(0xbfa27a),
        kidney: Colour::hex(0xc21807),
        epo: Colour::hex(0x0047ab),
        b12: Colour::hex(0xd1005b),
        folate: Colour::hex(0x00802b),
        floor_area: Colour::hex(0xf4f4f4),
        plasma_cell: Colour::hex(0x7a3fc4),
        plasma_cell_nucleus: Colour::hex(0x3a0f78),
        worker: Colour::hex(0xe0101e),
        worker_starved: Colour::hex(0x7a7f85),
        worker_nucleus: Colour::hex(0x240a4a),
        megaloblast: Colour::hex(0x4a90e2),
        cytokine_haze: Colour::hex(0xf06a00),
        red_cell_pale: Colour::hex(0xf2a8a0),
        smear_background: Colour::hex(0xffffff),
        prussian_blue: Colour::hex(0x0a2aa8),
        macrophage: Colour::hex(0xc98bb0),
        flag_low: Colour::hex(0x0047ab),
        flag_high: Colour::hex(0xc00000),
        line_weight_percent: 175,
    };

    /// A line `standard_width` wide (any unit), at this palette's weight.
    pub fn line_width(&self, standard_width: f64) -> f64 {
        standard_width * f64::from(self.line_weight_percent) / 100.0
    }

    /// A chart stroke, px, from a standard one.
    pub fn chart_stroke_px(&self, standard_px: u32) -> u32 {
        (standard_px * self.line_weight_percent).div_ceil(100)
    }

    /// (CSS token name, colour) for every entry, to mirror in the style sheet.
    pub fn tokens(&self) -> [(&'static str, Colour); 39] {
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
            ("chart-line-second", self.chart_line_second),
            ("reference-band", self.reference_band),
            ("event-marker", self.event_marker),
            ("event-treatment", self.event_treatment),
            ("event-setting-change", self.event_setting_change),
            ("event-jump", self.event_jump),
            ("gate-frame", self.gate_frame),
            ("hepcidin", self.hepcidin),
            ("dock", self.dock),
            ("iron", self.iron),
            ("liver", self.liver),
            ("pipe", self.pipe),
            ("kidney", self.kidney),
            ("epo", self.epo),
            ("b12", self.b12),
            ("folate", self.folate),
            ("floor-area", self.floor_area),
            ("plasma-cell", self.plasma_cell),
            ("plasma-cell-nucleus", self.plasma_cell_nucleus),
            ("worker", self.worker),
            ("worker-starved", self.worker_starved),
            ("worker-nucleus", self.worker_nucleus),
            ("megaloblast", self.megaloblast),
            ("cytokine-haze", self.cytokine_haze),
            ("red-cell-pale", self.red_cell_pale),
            ("smear-background", self.smear_background),
            ("prussian-blue", self.prussian_blue),
            ("macrophage", self.macrophage),
            ("flag-low", self.flag_low),
            ("flag-high", self.flag_high),
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
    fn projector_css_tokens_mirror_the_projector_palette() {
        let css = include_str!("../style/main.css");
        let start = css
            .find(".projector {")
            .expect("style/main.css has a `.projector` block of tokens");
        let block = &css[start..start + css[start..].find('}').unwrap_or(0)];
        for (name, colour) in Palette::PROJECTOR.tokens() {
            let declaration = format!("--colour-{name}: {};", colour.css());
            assert!(
                block.contains(&declaration),
                "the `.projector` block of style/main.css lacks `{declaration}`"
            );
        }
        assert!(Palette::PROJECTOR.chart_stroke_px(2) > Palette::STANDARD.chart_stroke_px(2));
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
