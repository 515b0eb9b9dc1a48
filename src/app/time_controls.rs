//! The clock's controls (contract hooks `play-pause`, `step`, `speed`, `skip-forward`,
//! `reset-all`, `sim-day`) and the jump to the long-run state.

use leptos::prelude::*;

use super::page_context::PageContext;
use crate::strings::{fill, t};
use crate::view::session::simulation::{Simulation, SPEEDS_DAYS_PER_SECOND};

/// Play/pause, step, speed, skip, jump and Reset All, with the current day.
#[component]
pub fn TimeControls() -> impl IntoView {
    let context = PageContext::get();
    let snapshot = context.snapshot;
    let playing = Memo::new(move |_| snapshot.with(|shown| shown.playing));
    let day = Memo::new(move |_| snapshot.with(|shown| shown.day.floor()));
    let speed = Memo::new(move |_| snapshot.with(|shown| shown.speed_days_per_second));
    view! {
        <nav class="time-controls" aria-label=t().time_controls_label()>
            <button
                type="button"
                class="primary"
                data-testid="play-pause"
                aria-pressed=move || playing.get().to_string()
                on:click=move |_| context.change(Simulation::toggle_playing)
            >
                {move || if playing.get() { t().pause } else { t().play }}
            </button>
            <button
                type="button"
                data-testid="step"
                on:click=move |_| context.change(Simulation::step_day)
            >
                {t().step_day}
            </button>
            <label class="speed">
                {t().speed_label} " "
                <select
                    data-testid="speed"
                    prop:value=move || speed.get().to_string()
                    on:change=move |event| {
                        if let Ok(value) = event_target_value(&event).parse::<f64>() {
                            context.change(|simulation| simulation.set_speed(value));
                        }
                    }
                >
                    {SPEEDS_DAYS_PER_SECOND
                        .into_iter()
                        .map(|value| {
                            view! {
                                <option value=value.to_string() selected=move || speed.get() == value>
                                    {if t().lang().is_singular(value) {
                                        t().speed_option_one.to_string()
                                    } else {
                                        fill(t().speed_option, &[("value", &value.to_string())])
                                    }}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <button
                type="button"
                data-testid="skip-forward"
                on:click=move |_| context.change(Simulation::skip_forward)
            >
                {t().skip_forward}
            </button>
            <button
                type="button"
                data-testid="jump-settled"
                title=t().jump_settled_hint
                on:click=move |_| context.change(Simulation::jump_to_settled)
            >
                {t().jump_settled}
            </button>
            <button
                type="button"
                data-testid="reset-all"
                on:click=move |_| context.reset_all()
            >
                {t().reset_all}
            </button>
            <p class="sim-day" aria-live="off">
                {t().sim_day_label} " "
                <span data-testid="sim-day">{move || day.get()}</span>
            </p>
            <p class="keyboard-hint">{t().keyboard_hint}</p>
        </nav>
    }
}
