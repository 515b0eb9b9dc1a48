//! The clinical alarm (`life-alarm`): shown while the model says the patient's state is
//! life-threatening, instead of letting a student read a falling Hb as just another number.

use leptos::prelude::*;

use crate::model::patient::LIFE_THREATENING_HB_G_DL;
use crate::strings::{fill, ENGLISH};

/// The alarm.
///
/// - `alarm`: `Some(hb_g_dl)` while the state is life-threatening, `None` otherwise.
#[component]
pub fn LifeAlarm(alarm: Signal<Option<f64>>) -> impl IntoView {
    view! {
        <Show when=move || alarm.get().is_some()>
            <section class="life-alarm" role="alert" data-testid="life-alarm">
                <strong>{ENGLISH.life_alarm_heading}</strong>
                " "
                {move || {
                    let hb = alarm.get().unwrap_or_default();
                    if hb < LIFE_THREATENING_HB_G_DL {
                        fill(ENGLISH.life_alarm_severe_anemia, &[("hb", &format!("{hb:.1}"))])
                    } else {
                        ENGLISH.life_alarm_hypovolemia.to_string()
                    }
                }}
            </section>
        </Show>
    }
}
