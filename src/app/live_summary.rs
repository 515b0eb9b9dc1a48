//! The polite live region (`live-summary`): what changed, in words, for screen-reader users —
//! at most once per 30 simulated days while playing, at once after a step, a slider or a treatment.

use leptos::prelude::*;

use crate::model::{Flag, Labs};
use crate::strings::t;
use crate::view::lab_report::{live_summary, SUMMARY_LABS};
use crate::view::units::Units;

/// Simulated days between two summaries while the clock runs.
const SUMMARY_EVERY_DAYS: f64 = 30.0;

/// When the summary is due: the day (to the summary interval while playing) and the key flags.
#[derive(Clone, Debug, PartialEq)]
struct Moment {
    day_bits: u64,
    flags: Vec<Flag>,
    units: Units,
}

impl Moment {
    fn of(labs: &Labs, playing: bool, units: Units) -> Moment {
        let day = if playing {
            (labs.day / SUMMARY_EVERY_DAYS).floor() * SUMMARY_EVERY_DAYS
        } else {
            labs.day
        };
        Moment {
            day_bits: day.to_bits(),
            flags: SUMMARY_LABS.iter().map(|key| labs.flag(*key)).collect(),
            units,
        }
    }
}

/// The live region.
///
/// - `labs`: the labs now; `playing`: whether the clock runs; `units`: conventional or SI.
#[component]
pub fn LiveSummary(
    labs: Signal<Labs>,
    playing: Signal<bool>,
    units: Signal<Units>,
) -> impl IntoView {
    // The words change only when the moment does: the day (coarse while playing) and the key
    // labs' flags; in between, the last words are kept (so the region is not re-read each frame).
    let said = Memo::new(move |previous: Option<&(Moment, String)>| {
        let units = units.get();
        let moment = labs.with(|labs| Moment::of(labs, playing.get(), units));
        match previous {
            Some((kept, words)) if *kept == moment => (moment, words.clone()),
            _ => (moment, labs.with(|labs| live_summary(labs, units, t()))),
        }
    });
    view! {
        <p class="visually-hidden" role="status" aria-live="polite" data-testid="live-summary">
            {move || said.with(|(_, words)| words.clone())}
        </p>
    }
}
