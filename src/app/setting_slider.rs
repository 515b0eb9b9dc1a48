//! One setting's slider, with its label, value and unit.

use leptos::prelude::*;

use crate::model::SettingKey;
use crate::strings::ENGLISH;

/// The `<input type="range">` of one setting (`data-testid="slider-KEY"`).
///
/// - `key`: which setting of contract section 1.
/// - `value`: the setting's current value.
/// - `on_change`: called with the new value whenever the student moves the slider.
#[component]
pub fn SettingSlider(
    key: SettingKey,
    #[prop(into)] value: Signal<f64>,
    on_change: Callback<f64>,
) -> impl IntoView {
    let spec = key.spec();
    let input_id = format!("slider-{}", spec.key);
    let output_id = format!("value-{}", spec.key);
    view! {
        <div class="setting-slider">
            <label for=input_id.clone()>{ENGLISH.setting_label(key)}</label>
            <input
                type="range"
                id=input_id.clone()
                data-testid=input_id
                min=spec.min
                max=spec.max
                step=spec.step
                aria-describedby=output_id.clone()
                prop:value=move || value.get().to_string()
                on:input=move |event| {
                    if let Ok(new_value) = event_target_value(&event).parse::<f64>() {
                        if key.check(new_value).is_ok() {
                            on_change.run(new_value);
                        }
                    }
                }
            />
            <output id=output_id>{move || format!("{} {}", value.get(), spec.unit)}</output>
        </div>
    }
}
