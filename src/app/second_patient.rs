//! The second patient of compare mode (`data-patient="b"`): its own preset, sliders and lab
//! report, on the same clock as the first; its lines join the first patient's on the charts.

use leptos::prelude::*;

use super::page_context::PageContext;
use super::{LabInterpretation, LabPanel, PresetPicker, SettingSlider, WhyPanel};
use crate::model::{LabKey, SettingKey};
use crate::strings::t;

/// Patient B's column.
///
/// - `patient`: patient B's context; the controls inside act on it.
#[component]
pub fn SecondPatient(patient: PageContext) -> impl IntoView {
    provide_context(patient);
    let labs: Signal<_> = patient.labs().into();
    let labs_and_week_ago: Signal<_> = patient.labs_and_week_ago().into();
    let why = RwSignal::new(None::<LabKey>);
    let chain: Signal<_> = patient.why_chain(why).into();
    let close = Callback::new(move |()| why.set(None));
    view! {
        <section class="compare-patient" data-patient="b" aria-labelledby="patient-b-heading">
            <h2 id="patient-b-heading">{t().patient_b()}</h2>
            <div class="compare-columns">
                <div class="compare-controls">
                    <PresetPicker/>
                    {SettingKey::MAIN
                        .into_iter()
                        .map(|key| view! { <SettingSlider key=key/> })
                        .collect_view()}
                </div>
                <div class="compare-labs">
                    <div id="b-why-panel">
                        <WhyPanel chain=chain on_close=close id_prefix="b-" units=patient.units/>
                    </div>
                    <LabPanel labs=labs_and_week_ago why=why id_prefix="b-" units=patient.units/>
                    <LabInterpretation labs=labs id_prefix="b-"/>
                </div>
            </div>
        </section>
    }
}
