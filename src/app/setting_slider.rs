//! One setting's slider (`slider-KEY`), with its label, value, unit and clinical landmarks.

use leptos::prelude::*;

use super::page_context::PageContext;
use crate::model::SettingKey;
use crate::strings::t;

/// Where a landmark sits along the slider, as a CSS percentage.
fn position_percent(key: SettingKey, value: f64) -> f64 {
    let spec = key.spec();
    (value - spec.min) / (spec.max - spec.min) * 100.0
}

/// Rough width of a landmark label as a share of the slider (≈ 6.5 px a character on a ≈ 260 px
/// slider): enough to put a label that would overlap its neighbour on a second row.
const LANDMARK_PERCENT_PER_CHARACTER: f64 = 2.6;

/// Where a label starts and ends along the slider (percent): labels hang to the right of their
/// mark, or to the left near the slider's right end.
fn label_extent(key: SettingKey, value: f64, label: &str) -> (f64, f64, bool) {
    let at = position_percent(key, value);
    let width = (label.chars().count() as f64 + 1.0) * LANDMARK_PERCENT_PER_CHARACTER;
    let hangs_left = at + width > 100.0;
    if hangs_left {
        (at - width, at, true)
    } else {
        (at, at + width, false)
    }
}

/// The row (0 or 1) of each landmark label, so that neighbours do not overlap.
fn landmark_rows(key: SettingKey, landmarks: &[(f64, &str)]) -> Vec<usize> {
    let mut rows = Vec::with_capacity(landmarks.len());
    let mut row_end = [f64::NEG_INFINITY; 2];
    for (value, label) in landmarks {
        let (start, end, _) = label_extent(key, *value, label);
        let row = if start > row_end[0] { 0 } else { 1 };
        row_end[row] = end;
        rows.push(row);
    }
    rows
}

/// The `<input type="range">` of one setting of contract section 1. Reads the current value from
/// the snapshot the page shows and sets it through the page context.
///
/// - `key`: which setting.
#[component]
pub fn SettingSlider(key: SettingKey) -> impl IntoView {
    let context = PageContext::get();
    let spec = key.spec();
    let value = Memo::new(move |_| context.shown.with(|shown| shown.settings.get(key)));
    let test_id = format!("slider-{}", spec.key);
    let input_id = context.dom_id(&test_id);
    let output_id = context.dom_id(&format!("value-{}", spec.key));
    let list_id = context.dom_id(&format!("landmarks-{}", spec.key));
    let landmarks = t().landmarks(key);
    // A teacher's `lock=`: the slider shows its value but does not move.
    let locked = context
        .classroom
        .with_value(|classroom| classroom.locked.contains(&key));
    let note_id = context.dom_id(&format!("locked-{}", spec.key));
    let described_by = if locked {
        format!("{output_id} {note_id}")
    } else {
        output_id.clone()
    };
    view! {
        <div class="setting-slider">
            <label for=input_id.clone()>{t().setting_label(key)}</label>
            <output id=output_id.clone() for=input_id.clone()>
                {move || format!("{} {}", value.get(), t().unit(spec.unit))}
            </output>
            <input
                type="range"
                id=input_id.clone()
                data-testid=test_id
                min=spec.min
                max=spec.max
                step=spec.step
                list=list_id.clone()
                aria-describedby=described_by
                disabled=locked
                aria-valuetext=move || format!("{} {}", value.get(), t().unit(spec.unit))
                prop:value=move || value.get().to_string()
                on:input=move |event| {
                    if let Ok(new_value) = event_target_value(&event).parse::<f64>() {
                        if key.check(new_value).is_ok() {
                            context.set_setting(key, new_value);
                        }
                    }
                }
            />
            {locked
                .then(|| view! {
                    <p class="locked-note" id=note_id data-testid=format!("locked-{}", spec.key)>
                        {t().locked_note()}
                    </p>
                })}
            <datalist id=list_id>
                {landmarks
                    .iter()
                    .map(|(value, label)| view! { <option value=*value label=*label></option> })
                    .collect_view()}
            </datalist>
            <div
                class="landmarks"
                class:two-rows=landmark_rows(key, &landmarks).contains(&1)
                aria-hidden="true"
            >
                {landmarks
                    .iter()
                    .zip(landmark_rows(key, &landmarks))
                    .map(|((value, label), row)| {
                        let at = position_percent(key, *value);
                        let (_, _, hangs_left) = label_extent(key, *value, label);
                        let side = if hangs_left { "hangs-left" } else { "hangs-right" };
                        view! {
                            <span
                                class=format!("landmark {side} row-{row}")
                                style:left=format!("{at:.1}%")
                            >
                                {*label}
                            </span>
                        }
                    })
                    .collect_view()}
            </div>
        </div>
    }
}
