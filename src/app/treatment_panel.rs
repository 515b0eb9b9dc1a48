//! Treatments and events the student can give now (`treatment-select`, `treatment-dose`,
//! `treatment-days`, `treatment-give`): a refused order says why and gives nothing. The menu also
//! offers regimens built from one treatment (the B12 replacement course, `b12_course`).

use leptos::prelude::*;

use super::page_context::PageContext;
use crate::model::Treatment;
use crate::strings::{fill, t};
use crate::view::session::treatment_order::{check_order, OrderChoice};

/// The treatments menu with dose, course length and a button.
#[component]
pub fn TreatmentPanel() -> impl IntoView {
    let context = PageContext::get();
    let first = OrderChoice::Treatment(Treatment::IvIron);
    let choice = RwSignal::new(first);
    let dose = RwSignal::new(first.usual().dose.to_string());
    let days = RwSignal::new(first.usual().days.to_string());
    let message = RwSignal::new(String::new());
    let refused = RwSignal::new(false);
    let choose = move |key: String| {
        if let Some(chosen) = OrderChoice::from_key(&key) {
            let usual = chosen.usual();
            choice.set(chosen);
            dose.set(usual.dose.to_string());
            days.set(usual.days.to_string());
            message.set(String::new());
        }
    };
    let give = move |_| {
        let chosen = choice.get_untracked();
        match check_order(chosen, &dose.get_untracked(), &days.get_untracked(), t()) {
            Ok(order) => {
                let day = context.with_simulation(|simulation| simulation.day().floor());
                context.change(|simulation| simulation.give(&order));
                refused.set(false);
                message.set(fill(
                    t().treatment_given,
                    &[("day", &day.to_string()), ("name", t().order_name(chosen))],
                ));
            }
            Err(why) => {
                refused.set(true);
                message.set(why);
            }
        }
    };
    view! {
        <section class="treatments" aria-labelledby="treatments-heading">
            <h2 id="treatments-heading">{t().treatments_heading}</h2>
            <div class="treatment-form">
                <label>
                    {t().treatment_label}
                    <select
                        data-testid="treatment-select"
                        on:change=move |event| choose(event_target_value(&event))
                    >
                        {OrderChoice::ALL
                            .into_iter()
                            .map(|entry| {
                                view! {
                                    <option
                                        value=entry.key()
                                        selected=move || choice.get() == entry
                                    >
                                        {t().order_name(entry)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <Show when=move || choice.get().treatment().takes_dose()>
                    <label>
                        {move || {
                            if choice.get() == OrderChoice::B12Course {
                                t().b12_course_dose_label
                            } else {
                                t().treatment_dose_label
                            }
                        }}
                        <input
                            type="number"
                            inputmode="decimal"
                            data-testid="treatment-dose"
                            prop:value=move || dose.get()
                            on:input=move |event| dose.set(event_target_value(&event))
                        />
                        " " {move || t().unit(choice.get().treatment().dose_unit())}
                    </label>
                </Show>
                <Show when=move || choice.get().asks_days()>
                    <label>
                        {t().treatment_days_label}
                        <input
                            type="number"
                            inputmode="numeric"
                            data-testid="treatment-days"
                            prop:value=move || days.get()
                            on:input=move |event| days.set(event_target_value(&event))
                        />
                    </label>
                </Show>
                <button type="button" data-testid="treatment-give" on:click=give>
                    {t().treatment_give}
                </button>
            </div>
            <Show when=move || choice.get() == OrderChoice::B12Course>
                <p class="treatment-hint" data-testid="treatment-hint">
                    {t().b12_course_hint}
                </p>
            </Show>
            <p
                class="treatment-message"
                class:refused=move || refused.get()
                data-testid="treatment-message"
                role=move || if refused.get() { "alert" } else { "status" }
            >
                {move || message.get()}
            </p>
        </section>
    }
}
