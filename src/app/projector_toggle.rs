//! The projector switch (`projector-toggle`): large type, the projector palette and thicker lines,
//! at once and without a reload; share links carry it (`mode=projector`).

use leptos::prelude::*;

use crate::strings::t;

/// A toggle button.
///
/// - `projector`: projector mode, on or off.
#[component]
pub fn ProjectorToggle(projector: RwSignal<bool>) -> impl IntoView {
    view! {
        <button
            type="button"
            data-testid="projector-toggle"
            aria-pressed=move || projector.get().to_string()
            on:click=move |_| projector.update(|on| *on = !*on)
        >
            {t().projector_toggle()}
        </button>
    }
}
