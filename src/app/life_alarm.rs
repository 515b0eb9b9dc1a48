//! The clinical alarm (`life-alarm`): shown while the model says the patient's state is
//! life-threatening, instead of letting a student read a falling Hb as just another number.

use leptos::prelude::*;

use crate::model::patient::LIFE_THREATENING_HB_G_DL;
use crate::model::LabKey;
use crate::strings::{fill, t};
use crate::view::units::{display_decimals, display_unit, display_value, Units};

/// The alarm.
///
/// - `alarm`: `Some(hb_g_dl)` while the state is life-threatening, `None` otherwise.
/// - `units`: the units the Hb is printed in.
#[component]
pub fn LifeAlarm(alarm: Signal<Option<f64>>, units: Signal<Units>) -> impl IntoView {
    view! {
        <Show when=move || alarm.get().is_some()>
            <section class="life-alarm" role="alert" data-testid="life-alarm">
                <strong>{t().life_alarm_heading}</strong>
                " "
                {move || {
                    let hb = alarm.get().unwrap_or_default();
                    if hb < LIFE_THREATENING_HB_G_DL {
                        let units = units.get();
                        let key = LabKey::Hemoglobin;
                        let shown = display_value(key, units, hb);
                        let decimals = display_decimals(key, units, 1);
                        let hb = format!("{shown:.decimals$} {}", display_unit(key, units));
                        fill(t().life_alarm_severe_anemia, &[("hb", &hb)])
                    } else {
                        t().life_alarm_hypovolemia.to_string()
                    }
                }}
            </section>
        </Show>
    }
}
