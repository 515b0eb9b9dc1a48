//! What the student is doing: exploring freely, following a guided tour (`tour-select`), or
//! comparing two patients (`compare-toggle`).

use leptos::prelude::*;

use super::page_context::PageContext;
use crate::strings::ENGLISH;
use crate::teaching::tour::TourProgress;
use crate::teaching::tours::{self, TOURS};

/// The activity controls.
///
/// - `tour`: the tour in progress, if any (choosing one opens its first step).
/// - `compare`: whether a second patient is shown.
#[component]
pub fn ActivityBar(tour: RwSignal<Option<TourProgress>>, compare: RwSignal<bool>) -> impl IntoView {
    let context = PageContext::get();
    let choose_tour = move |event: leptos::ev::Event| {
        let id = event_target_value(&event);
        match tours::find(&id) {
            Some(chosen) => {
                context.change(|simulation| chosen.open_step(0, simulation));
                tour.set(Some(TourProgress {
                    tour: chosen,
                    step: 0,
                    outcome: None,
                }));
            }
            None => tour.set(None),
        }
    };
    view! {
        <nav class="activity-bar" aria-label=ENGLISH.activity_heading()>
            <label>
                {ENGLISH.tour_select_label()}
                " "
                <select
                    data-testid="tour-select"
                    on:change=choose_tour
                    prop:value=move || tour.with(|tour| tour.as_ref().map_or("", |p| p.tour.id).to_string())
                >
                    <option value="">{ENGLISH.tour_none()}</option>
                    {TOURS
                        .iter()
                        .map(|tour| view! { <option value=tour.id>{tour.title}</option> })
                        .collect_view()}
                </select>
            </label>
            <button
                type="button"
                data-testid="compare-toggle"
                aria-pressed=move || compare.get().to_string()
                on:click=move |_| compare.update(|shown| *shown = !*shown)
            >
                {ENGLISH.compare_label()}
            </button>
        </nav>
    }
}
