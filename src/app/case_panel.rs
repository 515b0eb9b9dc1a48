//! A mystery patient (`case-order-PANEL`, `case-diagnosis`, `case-treatment`, `case-submit`,
//! `case-feedback`): the history and examination, the panels the student orders and their
//! results, the answers, and the feedback; then the page opens and the chosen treatment plays out.

use leptos::prelude::*;

use super::page_context::{LivePage, PageContext};
use super::{prose, MarrowStainView};
use crate::model::LabKey;
use crate::strings::{fill, t};
use crate::teaching::case::{read_records, smear, with_record, CaseProgress, CaseRecord, Panel};
use crate::teaching::cases::CaseFile;
use crate::view::lab_report::{format_range, unit};
use crate::view::session::simulation::SPEEDS_DAYS_PER_SECOND;
use crate::view::units::display_value;

/// Where finished cases are kept in the browser.
const RECORDS_KEY: &str = "marrow-factory.cases";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored records of finished cases.
fn stored_records() -> Vec<CaseRecord> {
    storage()
        .and_then(|storage| storage.get_item(RECORDS_KEY).ok().flatten())
        .map(|stored| read_records(&stored))
        .unwrap_or_default()
}

/// The case panel; nothing outside a case.
///
/// - `progress`: the case and what the student has done; `None` when the student leaves.
#[component]
pub fn CasePanel(progress: RwSignal<Option<CaseProgress>>) -> impl IntoView {
    let context = PageContext::get();
    let records = RwSignal::new(stored_records());
    let labs: Signal<_> = context.labs().into();
    let submit = move |_| {
        let Some(mut current) = progress.get_untracked() else {
            return;
        };
        if !current.can_submit() {
            return;
        }
        current.submitted = true;
        let order = current
            .treatment
            .as_deref()
            .and_then(|id| current.case.order(id));
        let fastest = SPEEDS_DAYS_PER_SECOND
            .iter()
            .copied()
            .fold(1.0_f64, f64::max);
        context.change(|simulation| {
            if let Some(order) = order {
                simulation.give(&order.usual());
            }
            simulation.set_speed(fastest);
            simulation.set_playing(true);
        });
        let record = CaseRecord {
            id: current.id.to_string(),
            correct: current.diagnosis_correct() && current.treatment_correct(),
            tests_ordered: current.ordered.len(),
        };
        let stored = with_record(records.get_untracked(), record);
        if let Some(storage) = storage() {
            // Progress is a convenience: a browser that refuses storage still runs the case.
            let _ = storage.set_item(RECORDS_KEY, &stored);
        }
        records.set(read_records(&stored));
        progress.set(Some(current));
    };
    view! {
        {move || {
            progress.get().map(|current| {
                let case = current.case.clone();
                let submitted = current.submitted;
                let ordered = current.ordered.clone();
                let count = fill(t().case_count(), &[("count", &ordered.len().to_string())]);
                let record_line = records.with(|records| {
                    fill(
                        t().case_record(),
                        &[
                            ("done", &records.len().to_string()),
                            ("right", &records.iter().filter(|r| r.correct).count().to_string()),
                        ],
                    )
                });
                view! {
                    <section class="case-panel" data-testid="case-panel" aria-labelledby="case-heading">
                        <h2 id="case-heading">{t().tr(&case.title).to_string()}</h2>
                        <p><strong>{t().case_history()} ": "</strong>{prose(&case.history, context.units.get_untracked())}</p>
                        <p><strong>{t().case_vitals()} ": "</strong>{prose(&case.vitals, context.units.get_untracked())}</p>
                        <h3>{t().case_orders()}</h3>
                        <div class="case-orders">
                            {Panel::ALL
                                .into_iter()
                                .map(|panel| {
                                    let can = current.can_order(panel);
                                    view! {
                                        <button
                                            type="button"
                                            data-testid=format!("case-order-{}", panel.key())
                                            disabled=!can
                                            class:ordered=ordered.contains(&panel)
                                            on:click=move |_| progress.update(|progress| {
                                                if let Some(progress) = progress {
                                                    progress.order(panel);
                                                }
                                            })
                                        >
                                            {t().panel_name(panel)}
                                        </button>
                                    }
                                })
                                .collect_view()}
                        </div>
                        <p class="case-count" data-testid="case-count">{count}</p>
                        <div class="case-results">
                            {ordered
                                .iter()
                                .map(|&panel| view! { <PanelResult panel=panel labs=labs/> })
                                .collect_view()}
                        </div>
                        <div class="case-answers">
                            <label>
                                {t().case_diagnosis()}
                                <select
                                    data-testid="case-diagnosis"
                                    disabled=submitted
                                    on:change=move |event| {
                                        let value = event_target_value(&event);
                                        progress.update(|progress| {
                                            if let Some(progress) = progress {
                                                progress.diagnosis = (!value.is_empty()).then_some(value);
                                            }
                                        });
                                    }
                                >
                                    <option value="">{t().case_choose()}</option>
                                    {case
                                        .diagnoses
                                        .iter()
                                        .map(|answer| {
                                            let picked = current.diagnosis.as_deref() == Some(answer.id.as_str());
                                            view! { <option value=answer.id.clone() selected=picked>{t().tr(&answer.label).to_string()}</option> }
                                        })
                                        .collect_view()}
                                </select>
                            </label>
                            <label>
                                {t().case_treatment()}
                                <select
                                    data-testid="case-treatment"
                                    disabled=submitted
                                    on:change=move |event| {
                                        let value = event_target_value(&event);
                                        progress.update(|progress| {
                                            if let Some(progress) = progress {
                                                progress.treatment = (!value.is_empty()).then_some(value);
                                            }
                                        });
                                    }
                                >
                                    <option value="">{t().case_choose()}</option>
                                    {case
                                        .treatments
                                        .iter()
                                        .map(|answer| {
                                            let picked = current.treatment.as_deref() == Some(answer.id.as_str());
                                            view! { <option value=answer.id.clone() selected=picked>{t().tr(&answer.label).to_string()}</option> }
                                        })
                                        .collect_view()}
                                </select>
                            </label>
                            <button
                                type="button"
                                class="primary"
                                data-testid="case-submit"
                                disabled=!current.can_submit()
                                on:click=submit
                            >
                                {t().case_submit()}
                            </button>
                            <button type="button" data-testid="case-leave" on:click=move |_| progress.set(None)>
                                {t().case_leave()}
                            </button>
                        </div>
                        {submitted.then(|| view! { <CaseFeedback progress=current.clone()/> })}
                        <p class="case-record" data-testid="case-record">{record_line}</p>
                    </section>
                }
            })
        }}
    }
}

/// The results of one ordered panel, from the model now.
#[component]
fn PanelResult(panel: Panel, labs: Signal<crate::model::Labs>) -> impl IntoView {
    let context = PageContext::get();
    let units = context.units;
    let rows = move || {
        let units = units.get();
        labs.with(|labs| {
            panel
                .labs()
                .iter()
                .map(|&key| {
                    let flag = labs.flag(key);
                    let shown = display_value(key, units, labs.value(key));
                    let value = crate::view::why_trace::number(shown);
                    (key, value, unit(key, units), format_range(key, units), flag)
                })
                .collect::<Vec<_>>()
        })
    };
    let extra = move || match panel {
        Panel::Smear => {
            context.shown.track();
            context
                .with_simulation(|simulation| smear(simulation.patient()))
                .into_iter()
                .map(|finding| view! { <li>{t().smear_finding(finding)}</li> })
                .collect_view()
                .into_any()
        }
        Panel::Kidney => {
            let egfr = context
                .shown
                .with(|snapshot| snapshot.settings.egfr_ml_per_min);
            view! { <li>{fill(t().case_egfr(), &[("value", &format!("{egfr:.0}"))])}</li> }
                .into_any()
        }
        _ => ().into_any(),
    };
    view! {
        <div class="case-result" data-testid=format!("case-result-{}", panel.key())>
            <h4>{t().panel_name(panel)}</h4>
            <ul class="case-findings">{extra}</ul>
            {(!panel.labs().is_empty()).then(|| view! {
                <table class="lab-report case-table">
                    <tbody>
                        {move || rows()
                            .into_iter()
                            .map(|(key, value, unit, range, flag): (LabKey, String, &str, String, crate::model::Flag)| view! {
                                <tr class=format!("lab-line flag-{}", flag.as_str())>
                                    <th scope="row">{t().lab_label(key)}</th>
                                    <td class="lab-value" data-testid=format!("case-lab-{}", key.key()) data-flag=flag.as_str()>{value}</td>
                                    <td class="lab-unit">{unit}</td>
                                    <td class="lab-range">{range}</td>
                                </tr>
                            })
                            .collect_view()}
                    </tbody>
                </table>
            })}
            {(panel == Panel::Marrow).then(|| view! { <MarrowStainView labs=labs palette=Signal::derive(move || context.palette())/> })}
        </div>
    }
}

/// Fetches a case's file and opens it: the mystery patient replaces the page's, then `opened`
/// runs with the page (the caller ends what a case replaces). A file that cannot be fetched or
/// read leaves the page as it is, with a notice naming the case and the reason. The page may have
/// rendered itself again in another language while the file came: the case opens in the page
/// shown then.
pub(crate) fn open_case(
    context: PageContext,
    file: CaseFile,
    opened: impl FnOnce(LivePage) + 'static,
) {
    leptos::task::spawn_local(async move {
        let loaded = match super::about_model::fetch_text(&file.path()).await {
            Ok(json) => super::later::read_case(file, json).await,
            Err(reason) => Err(format!("{}: {reason}", file.path())),
        };
        let Some(page) = context.live_page() else {
            return;
        };
        match loaded {
            Ok(loaded) => {
                let patient = loaded.patient();
                page.context
                    .change(|simulation| simulation.load_case(file.id, patient));
                opened(page);
                page.case.set(Some(CaseProgress::new(file.id, loaded)));
            }
            Err(reason) => page.context.notices.update(|notices| {
                notices.push(fill(
                    t().case_failed(),
                    &[("case", t().tr(file.title)), ("reason", &reason)],
                ))
            }),
        }
    });
}

/// What the student got right and wrong, and why.
#[component]
fn CaseFeedback(progress: CaseProgress) -> impl IntoView {
    let units = PageContext::get().units.get_untracked();
    let case = &progress.case;
    let correct = progress.diagnosis_correct() && progress.treatment_correct();
    let chosen_diagnosis = case
        .diagnoses
        .iter()
        .find(|answer| Some(answer.id.as_str()) == progress.diagnosis.as_deref());
    let right_diagnosis = case
        .diagnoses
        .iter()
        .find(|answer| answer.id == case.diagnosis);
    let chosen_treatment = case
        .treatments
        .iter()
        .find(|answer| Some(answer.id.as_str()) == progress.treatment.as_deref());
    let right_treatment = case
        .treatments
        .iter()
        .find(|answer| answer.id == case.treatment);
    let lines: Vec<String> = [
        chosen_diagnosis.map(|answer| prose(&answer.feedback, units)),
        (!progress.diagnosis_correct())
            .then(|| {
                right_diagnosis.map(|answer| {
                    fill(
                        t().case_right_answer(),
                        &[("answer", t().tr(&answer.label))],
                    )
                })
            })
            .flatten(),
        chosen_treatment.map(|answer| prose(&answer.feedback, units)),
        (!progress.treatment_correct())
            .then(|| {
                right_treatment.map(|answer| {
                    fill(
                        t().case_right_answer(),
                        &[("answer", t().tr(&answer.label))],
                    )
                })
            })
            .flatten(),
    ]
    .into_iter()
    .flatten()
    .collect();
    view! {
        <div class="case-feedback" data-testid="case-feedback" data-correct=correct.to_string() aria-live="polite">
            <p><strong>{if correct { t().case_right() } else { t().case_wrong() }}</strong></p>
            {lines.into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
            <h4>{t().case_mechanism()}</h4>
            <p>{prose(&case.mechanism, units)}</p>
        </div>
    }
}
