//! The preset picker (`preset-select`) and what to look at in the chosen preset.

use leptos::prelude::*;

use super::page_context::PageContext;
use crate::presets::{Preset, PRESETS};
use crate::strings::t;

/// A `<select>` of the eight presets with the chosen one's explanation.
#[component]
pub fn PresetPicker() -> impl IntoView {
    let context = PageContext::get();
    let preset = Memo::new(move |_| context.shown.with(|shown| shown.preset));
    let select_id = context.dom_id("preset-select");
    let description = move || {
        Preset::find(preset.get())
            .and_then(|preset| preset.scenario().ok())
            .map(|scenario| t().tr(&scenario.description).to_string())
            .unwrap_or_default()
    };
    view! {
        <div class="preset-picker">
            <label for=select_id.clone()>{t().preset_label}</label>
            <select
                id=select_id
                data-testid="preset-select"
                prop:value=move || preset.get()
                on:change=move |event| {
                    let id = event_target_value(&event);
                    if Preset::find(&id).is_some() {
                        context.change(|simulation| simulation.load_preset(&id));
                    }
                }
            >
                {PRESETS
                    .into_iter()
                    .map(|choice| {
                        let name = choice
                            .scenario()
                            .map(|scenario| t().tr(&scenario.name).to_string())
                            .unwrap_or_else(|_| choice.id.to_string());
                        view! {
                            <option value=choice.id selected=move || preset.get() == choice.id>
                                {name}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <p class="preset-description" data-testid="preset-description">
                <strong>{t().preset_look_at} ": "</strong>
                {description}
            </p>
        </div>
    }
}
