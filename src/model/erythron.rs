//! The erythron: the marrow's day-resolved conveyor (BFU-E → CFU-E → erythroblasts → marrow
//! reticulocytes) and the circulating red cells, kept as daily age cohorts.
//!
//! Cell counts are in 10⁹ cells, cell volumes in fL, hemoglobin per cell in pg. 10⁹ cells × 1 pg of
//! hemoglobin is 1 mg of hemoglobin, which holds [`IRON_MG_PER_MG_HEMOGLOBIN`] mg of iron.

/// Iron in hemoglobin: 3.4 mg per g (reference section 3).
pub const IRON_MG_PER_MG_HEMOGLOBIN: f64 = 3.4e-3;

/// Days a BFU-E spends before becoming a CFU-E (reference section 2: ≈ 7 d; Zheng 2021 τ 7 d).
pub const BFU_E_DAYS: usize = 7;
/// Days in the EPO-dependent CFU-E stage (reference section 2: ≈ 7 d).
pub const CFU_E_DAYS: usize = 7;
/// Days from proerythroblast to orthochromatic erythroblast (reference section 2: 5–7 d).
pub const ERYTHROBLAST_DAYS: usize = 6;
/// Divisions in the erythroblast stage, 1 → 16 cells (reference section 2).
pub const ERYTHROBLAST_DIVISIONS: f64 = 4.0;
/// The longest a red cell can live in the model, days: room for slow ageing (no cohort lives so long).
pub const MAX_RED_CELL_AGE_DAYS: usize = 256;

/// One day's worth of circulating red cells, all released on the same day.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RedCellCohort {
    /// Cells, 10⁹.
    pub cells: f64,
    /// Mean cell volume, fL.
    pub volume_fl: f64,
    /// Hemoglobin per cell, pg.
    pub hemoglobin_pg: f64,
    /// Biological age as a fraction of a normal life (1 = a healthy cell's mean lifespan used up).
    pub biological_age: f64,
    /// How fast this cohort ages relative to a healthy cell: 1, or more for megaloblastic cells
    /// (they are fragile); never below 1.
    pub fragility: f64,
    /// Days the cohort counts as reticulocytes once in blood (1 d normally; 2–2.5 d when released early).
    pub blood_reticulocyte_days: f64,
    /// Folate packed into the cells when they were made, relative to a healthy adult (RBC folate).
    pub folate_relative: f64,
    /// Days since release into blood.
    pub age_days: f64,
    /// The cells divided by the share of a healthy population still alive at this biological age:
    /// ageing then only multiplies (cells = this × survival), with no division per cohort per day.
    /// Bleeding scales it with the cells; merging recomputes it.
    pub cells_per_survivor: f64,
}

impl RedCellCohort {
    /// Hemoglobin of the cohort, mg.
    pub fn hemoglobin_mg(&self) -> f64 {
        self.cells * self.hemoglobin_pg
    }

    /// Iron in the cohort's hemoglobin, mg.
    pub fn iron_mg(&self) -> f64 {
        self.hemoglobin_mg() * IRON_MG_PER_MG_HEMOGLOBIN
    }

    /// Packed volume of the cohort, L (10⁹ cells × 1 fL = 10⁻⁶ L).
    pub fn volume_l(&self) -> f64 {
        self.cells * self.volume_fl * 1e-6
    }

    /// The share of the cohort that still counts as reticulocytes. Cohorts are a day wide, so the
    /// share is the part of that day still inside the reticulocyte window.
    pub fn reticulocyte_share(&self) -> f64 {
        (self.blood_reticulocyte_days - self.age_days).clamp(0.0, 1.0)
    }
}

impl RedCellCohort {
    /// The fields in the order of [`RedCellCohorts`]' buffers, the ages as readings of `clocks`.
    fn to_fields(self, clocks: Clocks) -> [f64; COHORT_FIELDS] {
        [
            self.cells,
            self.volume_fl,
            self.hemoglobin_pg,
            clocks.ageing_table_entries
                - SenescenceTable::position(self.biological_age) / self.fragility,
            self.fragility,
            self.blood_reticulocyte_days,
            self.folate_relative,
            clocks.days - self.age_days,
            self.cells_per_survivor,
        ]
    }

    fn from_fields(fields: [f64; COHORT_FIELDS], clocks: Clocks) -> RedCellCohort {
        let [cells, volume_fl, hemoglobin_pg, position_start, fragility, blood_reticulocyte_days, folate_relative, release_day, cells_per_survivor] =
            fields;
        RedCellCohort {
            cells,
            volume_fl,
            hemoglobin_pg,
            biological_age: SenescenceTable::age_at(
                fragility * (clocks.ageing_table_entries - position_start),
            ),
            fragility,
            blood_reticulocyte_days,
            folate_relative,
            age_days: clocks.days - release_day,
            cells_per_survivor,
        }
    }
}

/// The two clocks the red cells' ages are read from: days, and the biological age a cell of
/// fragility 1 gains (1/120 a day in health; inflammation and uraemia speed it up), counted in
/// entries of the senescence table, where the daily pass reads survival. Each cohort keeps a
/// reading of the clocks for its start, so a day of ageing moves the two clocks, not every
/// cohort. The clocks run on for as long as the patient is simulated; after a million days they
/// still resolve ages to 10⁻⁹ d, far finer than the model's day-wide cohorts.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Clocks {
    /// Days since the clocks started.
    pub days: f64,
    /// Biological age gained at fragility 1 since the clocks started, in entries of the
    /// senescence table ([`SenescenceTable::ENTRIES_PER_AGE`] per unit of biological age).
    pub ageing_table_entries: f64,
}

/// Fields of a [`RedCellCohort`].
const COHORT_FIELDS: usize = 9;

/// The circulating red cells: one [`RedCellCohort`] per day of release, youngest first.
///
/// Stored field by field (one buffer per field) rather than as a queue of cohorts, because the
/// daily pass over the ≈ 200 cohorts is most of the model's work: it then reads each field as one
/// contiguous run, and the compiler vectorizes its element-wise parts. The live cohorts occupy
/// `head..head + len` of every buffer. A new youngest cohort goes just before `head`; when there
/// is no room left there, the live cohorts move to the end of the buffers, which leaves room for
/// as many days as there are free places (so a move happens about once in
/// [`MAX_RED_CELL_AGE_DAYS`] days).
#[derive(Clone)]
pub(crate) struct RedCellCohorts {
    head: usize,
    len: usize,
    buffers: [Vec<f64>; COHORT_FIELDS],
    clocks: Clocks,
}

/// The fields that the daily pass over the live cohorts works on, as slices of equal length,
/// youngest first (see [`RedCellCohorts`]).
pub(crate) struct CohortColumns<'a> {
    pub cells: &'a mut [f64],
    pub volume_fl: &'a [f64],
    pub hemoglobin_pg: &'a [f64],
    /// Where the cohort started on the ageing clock: its position in the senescence table
    /// ([`SenescenceTable::position`]) is its fragility × (the ageing clock − this).
    pub position_start: &'a [f64],
    pub fragility: &'a [f64],
    /// The day clock's reading when the cohort was released: its age is the day clock − this.
    pub release_day: &'a [f64],
    pub cells_per_survivor: &'a mut [f64],
    /// The clocks all the cohorts' ages are read from.
    pub clocks: &'a mut Clocks,
}

impl RedCellCohorts {
    /// No cohorts, with room for a full lifetime of them.
    pub fn new() -> RedCellCohorts {
        let capacity = 2 * MAX_RED_CELL_AGE_DAYS;
        RedCellCohorts {
            head: capacity,
            len: 0,
            buffers: std::array::from_fn(|_| vec![0.0; capacity]),
            clocks: Clocks::default(),
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    /// The cohort `index` days from the youngest, if there is one.
    pub fn get(&self, index: usize) -> Option<RedCellCohort> {
        (index < self.len).then(|| {
            let at = self.head + index;
            RedCellCohort::from_fields(
                self.buffers.each_ref().map(|buffer| buffer[at]),
                self.clocks,
            )
        })
    }

    /// Replaces the cohort `index` days from the youngest (which must exist).
    pub fn set(&mut self, index: usize, cohort: RedCellCohort) {
        assert!(
            index < self.len,
            "no red-cell cohort {index} of {}",
            self.len
        );
        let at = self.head + index;
        for (buffer, value) in self.buffers.iter_mut().zip(cohort.to_fields(self.clocks)) {
            buffer[at] = value;
        }
    }

    /// The oldest cohort, if any.
    pub fn oldest(&self) -> Option<RedCellCohort> {
        self.len.checked_sub(1).and_then(|last| self.get(last))
    }

    /// Every cohort, youngest first.
    pub fn iter(&self) -> impl Iterator<Item = RedCellCohort> + '_ {
        let live = self.head..self.head + self.len;
        // Slices of the live cohorts, all `len` long, so that reading them needs no bounds checks.
        let fields = self.buffers.each_ref().map(|buffer| &buffer[live.clone()]);
        (0..self.len).map(move |index| {
            RedCellCohort::from_fields(fields.map(|field| field[index]), self.clocks)
        })
    }

    /// Adds a cohort younger than all others.
    pub fn push_youngest(&mut self, cohort: RedCellCohort) {
        if self.head == 0 {
            self.move_to_end();
        }
        self.head -= 1;
        self.len += 1;
        self.set(0, cohort);
    }

    /// Adds a cohort older than all others.
    pub fn push_oldest(&mut self, cohort: RedCellCohort) {
        let at = self.head + self.len;
        for (buffer, value) in self.buffers.iter_mut().zip(cohort.to_fields(self.clocks)) {
            if at == buffer.len() {
                buffer.push(value);
            } else {
                buffer[at] = value;
            }
        }
        self.len += 1;
    }

    /// Removes and returns the oldest cohort.
    pub fn pop_oldest(&mut self) -> Option<RedCellCohort> {
        let oldest = self.oldest()?;
        self.len -= 1;
        Some(oldest)
    }

    /// The cells of the oldest cohort, 10⁹, if any (read once a day, without the whole cohort).
    pub fn oldest_cells(&self) -> Option<f64> {
        let [cells, ..] = &self.buffers;
        self.len.checked_sub(1).map(|last| cells[self.head + last])
    }

    /// The live cohorts' fields, youngest first, for passes over all of them.
    pub fn columns_mut(&mut self) -> CohortColumns<'_> {
        let live = self.head..self.head + self.len;
        let [cells, volume_fl, hemoglobin_pg, position_start, fragility, _, _, release_day, cells_per_survivor] =
            &mut self.buffers;
        CohortColumns {
            cells: &mut cells[live.clone()],
            volume_fl: &volume_fl[live.clone()],
            hemoglobin_pg: &hemoglobin_pg[live.clone()],
            position_start: &position_start[live.clone()],
            fragility: &fragility[live.clone()],
            release_day: &release_day[live.clone()],
            cells_per_survivor: &mut cells_per_survivor[live],
            clocks: &mut self.clocks,
        }
    }

    /// Moves the live cohorts to the end of the buffers (growing them to twice the live count
    /// if that is more), leaving the front free for new cohorts.
    fn move_to_end(&mut self) {
        let capacity = self.buffers[0].len().max(2 * self.len).max(1);
        let new_head = capacity - self.len;
        for buffer in &mut self.buffers {
            buffer.resize(capacity, 0.0);
            buffer.copy_within(self.head..self.head + self.len, new_head);
        }
        self.head = new_head;
    }
}

impl Default for RedCellCohorts {
    fn default() -> Self {
        RedCellCohorts::new()
    }
}

/// Equal when the live cohorts are (where they sit in the buffers does not matter).
impl PartialEq for RedCellCohorts {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

impl std::fmt::Debug for RedCellCohorts {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.debug_list().entries(self.iter()).finish()
    }
}

/// A day-stage of marrow precursors moving along the conveyor.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PrecursorCohort {
    /// Cells, 10⁹ (for CFU-E and erythroblasts: counted as the cells they will yield at the stage's
    /// end, so division does not change the number along the stage).
    pub cells: f64,
    /// Hemoglobin made so far per cell, pg (erythroblasts only).
    pub hemoglobin_pg: f64,
    /// Running mean of DNA-synthesis capacity over the divisions so far (1 = normal).
    pub dna_synthesis: f64,
    /// Days spent in the stage (counts how many entries of `dna_synthesis` are averaged).
    pub days_in_stage: f64,
}

/// The cumulative normal distribution used for red-cell senescence, from a table: each red cell dies
/// when its biological age passes a threshold drawn from N(1, [`SENESCENCE_SPREAD`]).
///
/// Between table entries the share is interpolated linearly. Survival is looked up for every red-cell
/// cohort every day (most of the model's work), so each interval's line is kept ready, with one
/// flat line below the table (everyone alive) and one above it (everyone dead): a lookup is one
/// multiply-add for the position, one conversion to a line's number and one multiply-add on the
/// line, with no branch. There are 256 lines so that the conversion of the position to a byte,
/// which saturates at 0 and 255, is itself the clamp to the flat lines at both ends.
pub struct SenescenceTable {
    survival_lines: [SurvivalLine; 256],
}

/// Survival along one line of the table: `at_zero + slope × position`, the position counted in
/// table entries from one entry below the table's start.
#[derive(Clone, Copy, Default)]
struct SurvivalLine {
    at_zero: f64,
    slope: f64,
}

/// Spread of red-cell lifespans as a fraction of the mean (SD ≈ 17 d around 120 d): the Ashby and
/// ⁵¹Cr survival curves decline roughly linearly between days ≈ 80 and 140, i.e. lifespans spread
/// about uniformly over 60 days, whose SD is 60/√12 ≈ 17 d. The spread also keeps a burst of new
/// cells (after treatment) from dying all at once 120 days later.
pub const SENESCENCE_SPREAD: f64 = 0.14;
/// Entries of the cumulative distribution, spaced evenly over ±5 SD (0.04 SD, ≈ 0.66 d of a
/// healthy life, apart; linear interpolation between them is within 5 × 10⁻⁵ of the distribution).
/// With the line below and the line above the table this makes the 256 lines of [`SenescenceTable`].
const SENESCENCE_TABLE_SIZE: usize = 255;
const SENESCENCE_TABLE_LOW: f64 = 1.0 - 5.0 * SENESCENCE_SPREAD;
/// The biological age below which no red cell has reached its lifespan (the table's start, 5 SD
/// before the mean): survival is 1 there.
pub const SENESCENCE_ONSET: f64 = SENESCENCE_TABLE_LOW;
const SENESCENCE_TABLE_HIGH: f64 = 1.0 + 5.0 * SENESCENCE_SPREAD;
/// Table entries per unit of biological age.
const ENTRIES_PER_AGE: f64 =
    (SENESCENCE_TABLE_SIZE - 1) as f64 / (SENESCENCE_TABLE_HIGH - SENESCENCE_TABLE_LOW);

impl SenescenceTable {
    pub fn new() -> SenescenceTable {
        let cumulative: [f64; SENESCENCE_TABLE_SIZE] = std::array::from_fn(|index| {
            let age = SENESCENCE_TABLE_LOW + index as f64 / ENTRIES_PER_AGE;
            normal_cdf((age - 1.0) / SENESCENCE_SPREAD)
        });
        // Line 0 lies below the table and line 255 above it; line n in between runs from entry
        // n − 1 (at position n) to entry n (at position n + 1).
        let mut survival_lines = [SurvivalLine::default(); 256];
        survival_lines[0] = SurvivalLine {
            at_zero: 1.0,
            slope: 0.0,
        };
        for (line, (entries, start)) in survival_lines[1..]
            .iter_mut()
            .zip(cumulative.windows(2).zip(1..))
        {
            let slope = entries[0] - entries[1];
            *line = SurvivalLine {
                at_zero: 1.0 - entries[0] - slope * f64::from(start),
                slope,
            };
        }
        SenescenceTable { survival_lines }
    }

    /// The share of a healthy population whose lifespan threshold is below `biological_age`.
    pub fn share_dead_by(&self, biological_age: f64) -> f64 {
        1.0 - self.survival(biological_age)
    }

    /// The share of a healthy population still alive at `biological_age`: 1 below the table, 0 at
    /// and above its end. Always inlined: the page's size-first build would otherwise call it for
    /// every cohort every day, and the call costs as much as the lookup.
    #[inline(always)]
    pub fn survival(&self, biological_age: f64) -> f64 {
        self.survival_at(SenescenceTable::position(biological_age))
    }

    /// Table entries per unit of biological age.
    pub const ENTRIES_PER_AGE: f64 = ENTRIES_PER_AGE;

    /// Where `biological_age` lies in the table, in table entries from one entry below the
    /// table's start: below the table the position is under 1, from its end on it is 255 or
    /// more.
    pub const fn position(biological_age: f64) -> f64 {
        biological_age * ENTRIES_PER_AGE + POSITION_AT_AGE_ZERO
    }

    /// The biological age at a position in the table (the inverse of [`SenescenceTable::position`]).
    pub fn age_at(position: f64) -> f64 {
        (position - POSITION_AT_AGE_ZERO) / ENTRIES_PER_AGE
    }

    /// [`SenescenceTable::survival`] at a position in the table. Always inlined, like it.
    #[inline(always)]
    pub fn survival_at(&self, position: f64) -> f64 {
        // Below the table the position is under 1 (line 0), from its end on it is 255 or more
        // (line 255). The conversion truncates toward zero (the floor, for the positions that
        // pick a sloped line) and saturates at 0 and 255, where the lines are flat.
        let line = self.survival_lines[usize::from(position as u8)];
        line.at_zero + line.slope * position
    }
}

/// The position in the table ([`SenescenceTable::position`]) of biological age 0.
const POSITION_AT_AGE_ZERO: f64 = 1.0 - SENESCENCE_TABLE_LOW * ENTRIES_PER_AGE;

impl Default for SenescenceTable {
    fn default() -> Self {
        SenescenceTable::new()
    }
}

/// Standard normal cumulative distribution (Abramowitz and Stegun 7.1.26, error < 1.5 × 10⁻⁷).
pub fn normal_cdf(z: f64) -> f64 {
    let x = z.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let polynomial = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erf = 1.0 - polynomial * (-x * x).exp();
    if z >= 0.0 {
        0.5 * (1.0 + erf)
    } else {
        0.5 * (1.0 - erf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_cdf_matches_known_points() {
        assert!((normal_cdf(0.0) - 0.5).abs() < 1e-7);
        assert!((normal_cdf(1.96) - 0.975).abs() < 1e-4);
        assert!((normal_cdf(-1.0) - 0.158_655).abs() < 1e-5);
    }

    #[test]
    fn senescence_kills_around_the_mean_lifespan() {
        let table = SenescenceTable::new();
        assert_eq!(table.share_dead_by(0.25), 0.0);
        assert!((table.share_dead_by(1.0) - 0.5).abs() < 1e-3);
        assert_eq!(table.share_dead_by(2.0), 1.0);
        let share = 1.0 - table.survival(1.1) / table.survival(0.9);
        assert!(share > 0.6 && share < 0.9, "{share}");
    }

    #[test]
    fn cohort_iron_follows_its_hemoglobin() {
        let cohort = RedCellCohort {
            cells: 25_000.0,
            volume_fl: 90.0,
            hemoglobin_pg: 30.0,
            biological_age: 0.0,
            fragility: 1.0,
            blood_reticulocyte_days: 1.0,
            folate_relative: 1.0,
            age_days: 0.0,
            cells_per_survivor: 25_000.0,
        };
        // 750 g of hemoglobin holds 2.55 g of iron; 25 × 10¹² cells of 90 fL fill 2.25 L.
        assert!((cohort.iron_mg() - 2550.0).abs() < 1e-9);
        assert!((cohort.volume_l() - 2.25).abs() < 1e-12);
    }
}
