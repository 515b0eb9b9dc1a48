//! The B12 absorption view: the four-step relay drawn as hand-offs, each with its slider, and how
//! much B12 gets through.

use leptos::prelude::*;

use super::page_context::PageContext;
use super::SettingSlider;
use crate::model::SettingKey;
use crate::strings::{fill, t};

/// The relay's stations, in order.
const STATIONS: [SettingKey; 4] = [
    SettingKey::GastricAcid,
    SettingKey::PancreaticProtease,
    SettingKey::IntrinsicFactor,
    SettingKey::IlealUptake,
];

/// The relay diagram and its four sliders.
#[component]
pub fn B12RelayView() -> impl IntoView {
    let context = PageContext::get();
    let settings = Memo::new(move |_| context.shown.with(|shown| shown.settings));
    let absorbed_ug_per_day =
        Memo::new(move |_| context.shown.with(|shown| shown.b12_absorbed_ug_per_day));
    let result = move || {
        fill(
            t().relay_result,
            &[
                ("absorbed", &format!("{:.2}", absorbed_ug_per_day.get())),
                (
                    "intake",
                    &format!(
                        "{}",
                        settings.with(|settings| settings.b12_intake_ug_per_day)
                    ),
                ),
            ],
        )
    };
    view! {
        <details class="b12-relay" prop:open=move || !context.projector.get()>
            <summary><h3>{t().relay_heading}</h3></summary>
            <p class="relay-intro">{t().relay_intro}</p>
            <ol class="relay-chain" aria-label=t().relay_heading>
                {STATIONS
                    .into_iter()
                    .enumerate()
                    .map(|(index, key)| {
                        let name = t().relay_station(key);
                        // What is still carried after this hand-off (the product of the steps so far).
                        let carried = move || {
                            settings.with(|settings| {
                                STATIONS[..=index]
                                    .iter()
                                    .map(|key| settings.get(*key) / 100.0)
                                    .product::<f64>()
                            })
                        };
                        view! {
                            <li class="relay-station">
                                <span class="relay-name">{name}</span>
                                <span
                                    class="relay-baton"
                                    aria-hidden="true"
                                    style:border-top-width=move || {
                                        format!("{:.1}px", 1.0 + 7.0 * carried())
                                    }
                                    style:opacity=move || format!("{:.2}", 0.2 + 0.8 * carried())
                                ></span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <ol class="relay-steps">
                {STATIONS
                    .into_iter()
                    .map(|key| {
                        view! {
                            <li>
                                <p class="relay-step">{t().relay_step(key)}</p>
                                <SettingSlider key=key/>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <p class="relay-result" data-testid="b12-absorbed">{result}</p>
        </details>
    }
}
