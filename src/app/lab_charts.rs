//! The time-course charts: the student picks which labs to follow (default Hb, MCV, ferritin,
//! reticulocytes); Reset All restores the default picks.

use leptos::prelude::*;

use super::page_context::{PageContext, DEFAULT_CHART_KEYS};
use super::TimeChart;
use crate::model::LabKey;
use crate::strings::t;
use crate::view::lab_report::panel_keys;
use crate::view::session::classroom::MAX_CHARTS;

/// Checkboxes to pick labs and one chart per picked lab.
///
/// - `second`: the second patient, drawn dashed on the same charts while `compare` is on.
#[component]
pub fn LabCharts(second: PageContext, compare: Signal<bool>) -> impl IntoView {
    let context = PageContext::get();
    // A teacher's `charts=` replaces the default picks (and Reset All returns to them).
    let starting = move || {
        context
            .classroom
            .with_value(|classroom| classroom.charts.clone())
            .unwrap_or_else(|| DEFAULT_CHART_KEYS.to_vec())
    };
    let picked = RwSignal::new(starting());
    Effect::new(move || {
        // Reset All resets this view-only setting too.
        context.view_reset.track();
        picked.set(starting());
    });
    let toggle = move |key: LabKey, on: bool| {
        picked.update(|picked| {
            if on && !picked.contains(&key) && picked.len() < MAX_CHARTS {
                picked.push(key);
            } else if !on {
                picked.retain(|picked_key| *picked_key != key);
            }
        });
    };
    view! {
        <h2 id="chart-heading">{t().chart_heading}</h2>
        <details class="chart-picker">
            <summary>{t().chart_pick_label}</summary>
            <fieldset>
                <legend class="visually-hidden">{t().chart_pick_label}</legend>
                {panel_keys()
                    .map(|key| {
                        view! {
                            <label class="chart-pick">
                                <input
                                    type="checkbox"
                                    data-testid=format!("chart-pick-{}", key.key())
                                    prop:checked=move || picked.with(|picked| picked.contains(&key))
                                    on:change=move |event| toggle(key, event_target_checked(&event))
                                />
                                {t().lab_label(key)}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
        </details>
        <Show when=move || compare.get()>
            <p class="compare-legend" data-testid="compare-legend">
                <span class="compare-swatch first" aria-hidden="true"></span>
                {t().patient_a()}
                <span class="compare-swatch second" aria-hidden="true"></span>
                {t().patient_b()}
            </p>
        </Show>
        <div class="chart-grid">
            <For each=move || picked.get() key=|key| *key let:key>
                <TimeChart
                    key=key
                    second=second
                    compare=compare
                    position=Signal::derive(move || {
                        picked.with(|picked| picked.iter().position(|picked| *picked == key).unwrap_or(0))
                    })
                />
            </For>
        </div>
    }
}
