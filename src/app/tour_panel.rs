//! A guided tour in progress (`tour-step`, `tour-choice`, `tour-explain`, `tour-back`,
//! `tour-next`, `tour-exit`): the step's text, its question with the answers to choose from, and,
//! once the model has run, whether the prediction was right and why.

use leptos::prelude::*;

use super::page_context::PageContext;
use super::prose;
use crate::strings::{fill, t};
use crate::teaching::tour::TourProgress;

/// The tour panel; nothing is shown outside a tour.
///
/// - `progress`: the tour and step; set to `None` when the student leaves (the patient stays as
///   it stands).
#[component]
pub fn TourPanel(progress: RwSignal<Option<TourProgress>>) -> impl IntoView {
    let context = PageContext::get();
    let go_to = move |step: usize| {
        let Some(tour) = progress.with_untracked(|progress| progress.as_ref().map(|p| p.tour))
        else {
            return;
        };
        let step = step.min(tour.len().saturating_sub(1));
        context.change(|simulation| tour.open_step(step, simulation));
        progress.set(Some(TourProgress {
            tour,
            step,
            outcome: None,
        }));
    };
    let answer = move |choice: &'static str| {
        let Some(current) = progress.get_untracked() else {
            return;
        };
        if current.outcome.is_some() {
            return;
        }
        let mut outcome = None;
        context.change(|simulation| {
            outcome = current.tour.answer(current.step, Some(choice), simulation);
        });
        progress.set(Some(TourProgress { outcome, ..current }));
    };
    view! {
        {move || {
            progress
                .get()
                .map(|current| {
                    let step = current.current();
                    let count = current.tour.len();
                    let at = current.step;
                    let explained = current.explained();
                    let outcome = current.outcome.clone();
                    view! {
                        <section class="tour-panel" data-testid="tour-panel" aria-labelledby="tour-heading">
                            <h2 id="tour-heading">{t().tr(current.tour.title)}</h2>
                            <p class="tour-step" data-testid="tour-step">
                                {format!("{} / {}", at + 1, count)}
                            </p>
                            <p class="tour-text">{move || prose(step.text, context.units.get())}</p>
                            {step
                                .predict
                                .map(|prediction| {
                                    let chosen = outcome.as_ref().and_then(|o| o.chosen.clone());
                                    let right = outcome.as_ref().map(|o| o.right);
                                    view! {
                                        <p class="tour-question"><strong>{prose(prediction.question, context.units.get_untracked())}</strong></p>
                                        <div class="tour-choices" role="group" aria-label=t().tr(prediction.question)>
                                            {prediction
                                                .kind
                                                .choices()
                                                .into_iter()
                                                .map(|choice| {
                                                    let picked = chosen.as_deref() == Some(choice.id);
                                                    let is_right = right == Some(choice.id);
                                                    view! {
                                                        <button
                                                            type="button"
                                                            class="tour-choice"
                                                            class:picked=picked
                                                            class:right=is_right
                                                            data-testid="tour-choice"
                                                            data-choice=choice.id
                                                            aria-pressed=picked.to_string()
                                                            disabled=right.is_some()
                                                            on:click=move |_| answer(choice.id)
                                                        >
                                                            {choice.label}
                                                        </button>
                                                    }
                                                })
                                                .collect_view()}
                                        </div>
                                    }
                                })}
                            {explained
                                .then(|| {
                                    let right_label = step
                                        .predict
                                        .zip(outcome.as_ref())
                                        .and_then(|(prediction, outcome)| {
                                            prediction
                                                .kind
                                                .choices()
                                                .into_iter()
                                                .find(|choice| choice.id == outcome.right)
                                        })
                                        .map_or("", |choice| choice.label);
                                    let verdict = outcome.as_ref().map(|outcome| {
                                        let template = if outcome.correct() {
                                            t().tour_right()
                                        } else {
                                            t().tour_wrong()
                                        };
                                        fill(template, &[("answer", right_label)])
                                    });
                                    let correct = outcome.as_ref().map(|outcome| outcome.correct().to_string());
                                    view! {
                                        <p class="tour-explain" data-testid="tour-explain" data-correct=correct aria-live="polite">
                                            {verdict.map(|verdict| view! { <strong>{verdict}</strong> " " })}
                                            {move || prose(step.explain, context.units.get())}
                                        </p>
                                    }
                                })}
                            <div class="tour-nav">
                                <button
                                    type="button"
                                    data-testid="tour-back"
                                    disabled={at == 0}
                                    on:click=move |_| go_to(at.saturating_sub(1))
                                >
                                    {t().tour_back()}
                                </button>
                                <button
                                    type="button"
                                    class="primary"
                                    data-testid="tour-next"
                                    disabled={at + 1 >= count}
                                    on:click=move |_| go_to(at + 1)
                                >
                                    {if explained { t().tour_next() } else { t().tour_skip() }}
                                </button>
                                <button
                                    type="button"
                                    data-testid="tour-exit"
                                    on:click=move |_| progress.set(None)
                                >
                                    {t().tour_exit()}
                                </button>
                            </div>
                            <p class="tour-hint">{t().tour_hint()}</p>
                        </section>
                    }
                })
        }}
    }
}
