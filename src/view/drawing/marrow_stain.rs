//! The marrow iron stain (Prussian blue) as a smear: macrophages whose blue granules show the
//! macrophage iron grade, and erythroblasts with a ring of blue dots when iron reaches them
//! (sideroblasts). In inflammation the macrophages are full and the erythroblasts empty.

use crate::model::Labs;
use crate::palette::Palette;

use super::painter::Painter;
use super::scatter;

pub const STAIN_WIDTH: f64 = 400.0;
pub const STAIN_HEIGHT: f64 = 240.0;
/// Erythroblasts in the field; tuned so that each one is 5 % of the sideroblast count.
pub const ERYTHROBLASTS_IN_FIELD: usize = 20;
const MACROPHAGES_IN_FIELD: usize = 3;
/// Blue granules per macrophage per grade (0–6).
const GRANULES_PER_GRADE: f64 = 7.0;

/// What the smear shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MarrowStain {
    /// Macrophage iron, grade 0–6.
    pub grade: f64,
    /// Erythroblasts with iron granules, %.
    pub sideroblasts_percent: f64,
}

impl MarrowStain {
    pub fn from_labs(labs: &Labs) -> MarrowStain {
        MarrowStain {
            grade: labs.marrow_iron_grade,
            sideroblasts_percent: labs.sideroblasts_percent,
        }
    }

    /// Granules drawn in each macrophage.
    pub fn granules_per_macrophage(&self) -> usize {
        (self.grade.clamp(0.0, 6.0) * GRANULES_PER_GRADE).round() as usize
    }

    /// Erythroblasts drawn as sideroblasts.
    pub fn sideroblasts_in_field(&self) -> usize {
        ((self.sideroblasts_percent.clamp(0.0, 100.0) / 100.0) * ERYTHROBLASTS_IN_FIELD as f64)
            .round() as usize
    }
}

/// Draws the smear. A pure function of the stain and the palette.
pub fn draw_marrow_stain(painter: &mut impl Painter, stain: &MarrowStain, palette: &Palette) {
    painter.rectangle(
        0.0,
        0.0,
        STAIN_WIDTH,
        STAIN_HEIGHT,
        palette.smear_background,
        1.0,
    );
    let macrophage_centres = [(80.0, 70.0), (300.0, 80.0), (190.0, 175.0)];
    let granules = stain.granules_per_macrophage();
    for (index, &(x, y)) in macrophage_centres
        .iter()
        .enumerate()
        .take(MACROPHAGES_IN_FIELD)
    {
        painter.circle(x, y, 46.0, palette.macrophage, 1.0);
        painter.circle(x - 10.0, y + 8.0, 14.0, palette.worker_nucleus, 0.6);
        for granule in 0..granules {
            let angle = scatter(granule + index * 100, 1) * std::f64::consts::TAU;
            let distance = 8.0 + scatter(granule + index * 100, 2) * 32.0;
            painter.circle(
                x + angle.cos() * distance,
                y + angle.sin() * distance,
                3.2,
                palette.prussian_blue,
                0.9,
            );
        }
    }
    let sideroblasts = stain.sideroblasts_in_field();
    let mut placed = 0;
    let mut candidate = 0;
    while placed < ERYTHROBLASTS_IN_FIELD && candidate < 500 {
        let x = 18.0 + scatter(candidate, 3) * (STAIN_WIDTH - 36.0);
        let y = 18.0 + scatter(candidate, 4) * (STAIN_HEIGHT - 36.0);
        candidate += 1;
        // Erythroblasts sit between the macrophages, not on them.
        if macrophage_centres
            .iter()
            .any(|&(mx, my)| (x - mx).hypot(y - my) < 62.0)
        {
            continue;
        }
        painter.circle(x, y, 13.0, palette.worker, 0.55);
        painter.circle(x, y, 7.0, palette.worker_nucleus, 1.0);
        if placed < sideroblasts {
            for dot in 0..4 {
                let angle = dot as f64 * std::f64::consts::FRAC_PI_2 + scatter(placed, 5);
                painter.circle(
                    x + angle.cos() * 10.0,
                    y + angle.sin() * 10.0,
                    2.0,
                    palette.prussian_blue,
                    1.0,
                );
            }
        }
        placed += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Patient, Settings};
    use crate::view::drawing::painter::Recorder;

    fn blue_dots(stain: &MarrowStain) -> usize {
        let mut recorder = Recorder::default();
        draw_marrow_stain(&mut recorder, stain, &Palette::STANDARD);
        recorder.circles_of(Palette::STANDARD.prussian_blue)
    }

    #[test]
    fn the_smear_draws_the_grade_and_the_sideroblasts() {
        let stain = MarrowStain {
            grade: 2.0,
            sideroblasts_percent: 35.0,
        };
        assert_eq!(stain.granules_per_macrophage(), 14);
        assert_eq!(stain.sideroblasts_in_field(), 7);
        assert_eq!(blue_dots(&stain), 3 * 14 + 7 * 4);
        let empty = MarrowStain {
            grade: 0.0,
            sideroblasts_percent: 0.0,
        };
        assert_eq!(blue_dots(&empty), 0);
    }

    #[test]
    fn inflammation_shows_full_warehouses_and_empty_erythroblasts() {
        let healthy = MarrowStain::from_labs(&Patient::new(Settings::default()).labs());
        let inflamed = MarrowStain::from_labs(
            &Patient::settled(Settings {
                il6_pg_per_ml: 80.0,
                ..Settings::default()
            })
            .labs(),
        );
        let iron_deficient = MarrowStain::from_labs(
            &Patient::settled(Settings {
                blood_loss_ml_per_day: 6.0,
                ..Settings::default()
            })
            .labs(),
        );
        assert!(inflamed.granules_per_macrophage() > healthy.granules_per_macrophage());
        assert!(inflamed.sideroblasts_in_field() < healthy.sideroblasts_in_field());
        assert!(iron_deficient.granules_per_macrophage() < healthy.granules_per_macrophage());
        assert!(iron_deficient.sideroblasts_in_field() < healthy.sideroblasts_in_field());
    }
}
