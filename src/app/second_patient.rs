//! The second patient of compare mode (`data-patient="b"`): its own preset, sliders and lab
//! report, on the same clock as the first; its lines join the first patient's on the charts.

use leptos::prelude::*;

use super::page_context::PageContext;
use super::{LabInterpretation, LabPanel, PresetPicker, SettingSlider, WhyPanel};
use crate::model::{LabKey, SettingKey};
use crate::strings::ENGLISH;

/// Patient B's column.
///
/// - `patient`: patient B's context; the controls inside act on it.
#[component]
pub fn SecondPatient(patient: PageContext) -> impl IntoView {
    provide_context(patient);
    let labs = Signal::derive(move || patient.snapshot.with(|snapshot| snapshot.labs.clone()));
    let labs_and_week_ago = Signal::derive(move || {
        patient
            .snapshot
            .with(|snapshot| (snapshot.labs.clone(), snapshot.labs_week_ago.clone()))
    });
    let why = RwSignal::new(None::<LabKey>);
    let moment = Memo::new(move |_| {
        let lab = why.get()?;
        Some(patient.snapshot.with(|snapshot| {
            (
                lab,
                (snapshot.day * 4.0).floor() as i64,
                snapshot.settings,
                (snapshot.labs.hb_g_dl * 100.0).round() as i64,
            )
        }))
    });
    let chain = Signal::derive(move || {
        let (lab, ..) = moment.get()?;
        Some((
            lab,
            patient.with_simulation(|simulation| simulation.patient().causal_chain(lab)),
        ))
    });
    let close = Callback::new(move |()| why.set(None));
    view! {
        <section class="compare-patient" data-patient="b" aria-labelledby="patient-b-heading">
            <h2 id="patient-b-heading">{ENGLISH.patient_b()}</h2>
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
