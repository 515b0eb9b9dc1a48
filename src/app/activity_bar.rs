//! What the student is doing: exploring freely, following a guided tour (`tour-select`), or
//! comparing two patients (`compare-toggle`); and the units labs are printed in (`units-select`).

use leptos::prelude::*;

use super::page_context::PageContext;
use super::{open_case, LanguageSelect};
use crate::strings::t;
use crate::teaching::case::CaseProgress;
use crate::teaching::cases::{self, CASES};
use crate::teaching::tour::TourProgress;
use crate::teaching::tours::{self, TOURS};
use crate::view::units::Units;

/// The activity controls.
///
/// - `tour`: the tour in progress, if any (choosing one opens its first step).
/// - `case`: the mystery patient in progress, if any (choosing one opens it; tours and compare
///   end, since both would give the answer away).
/// - `compare`: whether a second patient is shown.
#[component]
pub fn ActivityBar(
    tour: RwSignal<Option<TourProgress>>,
    case: RwSignal<Option<CaseProgress>>,
    compare: RwSignal<bool>,
) -> impl IntoView {
    let context = PageContext::get();
    let choose_case = move |event: leptos::ev::Event| {
        let id = event_target_value(&event);
        match cases::find(&id) {
            Some(file) => open_case(context, file, |page| {
                page.tour.set(None);
                page.compare.set(false);
            }),
            None => case.set(None),
        }
    };
    let choose_tour = move |event: leptos::ev::Event| {
        let id = event_target_value(&event);
        match tours::find(&id) {
            Some(chosen) => {
                case.set(None);
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
        <nav class="activity-bar" aria-label=t().activity_heading()>
            <label>
                {t().tour_select_label()}
                " "
                <select
                    data-testid="tour-select"
                    on:change=choose_tour
                    prop:value=move || tour.with(|tour| tour.as_ref().map_or("", |p| p.tour.id).to_string())
                >
                    <option value="">{t().tour_none()}</option>
                    {TOURS
                        .iter()
                        .map(|tour| view! { <option value=tour.id>{t().tr(tour.title)}</option> })
                        .collect_view()}
                </select>
            </label>
            <label>
                {t().case_select_label()}
                " "
                <select
                    data-testid="case-select"
                    on:change=choose_case
                    prop:value=move || case.with(|case| case.as_ref().map_or("", |p| p.id).to_string())
                >
                    <option value="">{t().case_none()}</option>
                    {CASES
                        .iter()
                        .map(|file| view! { <option value=file.id>{t().tr(file.title)}</option> })
                        .collect_view()}
                </select>
            </label>
            <label>
                {t().units_select_label()}
                " "
                <select
                    data-testid="units-select"
                    on:change=move |event| {
                        if let Some(units) = Units::from_id(&event_target_value(&event)) {
                            context.units.set(units);
                        }
                    }
                    prop:value=move || context.units.get().id()
                >
                    {Units::ALL
                        .into_iter()
                        .map(|units| {
                            view! {
                                <option value=units.id() selected=move || context.units.get() == units>
                                    {t().units_name(units)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <LanguageSelect/>
            <button
                type="button"
                data-testid="compare-toggle"
                disabled=move || case.with(|case| case.as_ref().is_some_and(|c| !c.submitted))
                aria-pressed=move || compare.get().to_string()
                on:click=move |_| compare.update(|shown| *shown = !*shown)
            >
                {t().compare_label()}
            </button>
        </nav>
    }
}
