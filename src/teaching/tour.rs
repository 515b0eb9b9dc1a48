//! A guided tour: steps that set the patient and the clock, point at a part of the factory or a
//! lab, and often ask the student to predict before the model runs.
//!
//! The patient at a step is rebuilt from the tour's start by replaying the earlier steps (each
//! applies its settings and treatment, then runs its days), so going back is exact.

use crate::model::{LabKey, Labs, SettingKey};
use crate::names::OrderChoice;
use crate::view::session::simulation::Simulation;

use super::Highlight;

/// A tour (contract section 5 ids).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tour {
    pub id: &'static str,
    pub title: &'static str,
    /// The preset the tour starts from.
    pub start: &'static str,
    pub steps: &'static [TourStep],
}

/// One step.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TourStep {
    /// What the student reads first.
    pub text: &'static str,
    /// Settings changed when the step opens.
    pub set: &'static [(SettingKey, f64)],
    /// A treatment given when the step opens (from the treatments menu, at its usual dose).
    pub give: Option<OrderChoice>,
    /// Days the clock runs: at once for a step without a prediction, after the answer otherwise.
    pub run_days: f64,
    /// What the step points at.
    pub highlight: &'static [Highlight],
    pub predict: Option<Prediction>,
    /// Shown once the step has run (after the answer, if there is a question).
    pub explain: &'static str,
}

/// A question asked before the model runs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Prediction {
    pub question: &'static str,
    pub kind: PredictionKind,
    /// The answer the step's explanation is written for; a test checks that the model gives it.
    pub expected: &'static str,
}

/// How a prediction is judged from the run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PredictionKind {
    /// Which way a lab moves over the run: `up`, `down` or `same` (within ±[`SAME_WITHIN`]).
    Direction(LabKey),
    /// Which of these labs moves most over the run (relative change); choice ids are sample keys.
    MovesMost(&'static [LabKey]),
}

/// A relative change smaller than this counts as "about the same".
pub const SAME_WITHIN: f64 = 0.05;

/// A choice a prediction offers: its id (`data-choice`) and its words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    pub id: &'static str,
    pub label: &'static str,
}

impl PredictionKind {
    /// The answers offered.
    pub fn choices(self) -> Vec<Choice> {
        match self {
            PredictionKind::Direction(_) => crate::strings::t()
                .direction_choices()
                .into_iter()
                .map(|(id, label)| Choice { id, label })
                .collect(),
            PredictionKind::MovesMost(labs) => labs
                .iter()
                .map(|lab| Choice {
                    id: lab.spec().key,
                    label: crate::strings::t().lab_label(*lab),
                })
                .collect(),
        }
    }

    /// The right answer, given the labs before and after the run.
    pub fn judge(self, before: &Labs, after: &Labs) -> &'static str {
        let change = |lab: LabKey| {
            let (then, now) = (before.value(lab), after.value(lab));
            (now - then) / then.abs().max(1e-9)
        };
        match self {
            PredictionKind::Direction(lab) => {
                let change = change(lab);
                if change > SAME_WITHIN {
                    "up"
                } else if change < -SAME_WITHIN {
                    "down"
                } else {
                    "same"
                }
            }
            PredictionKind::MovesMost(labs) => labs
                .iter()
                .copied()
                .max_by(|a, b| change(*a).abs().total_cmp(&change(*b).abs()))
                .map_or("", |lab| lab.spec().key),
        }
    }
}

/// What happened when a step with a question ran.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// The student's choice id (`None` when the step was skipped).
    pub chosen: Option<String>,
    /// The model's answer.
    pub right: &'static str,
    pub before: Labs,
    pub after: Labs,
}

impl Outcome {
    pub fn correct(&self) -> bool {
        self.chosen.as_deref() == Some(self.right)
    }
}

/// Where a student is in a tour.
#[derive(Clone, Debug, PartialEq)]
pub struct TourProgress {
    pub tour: &'static Tour,
    /// 0-based step.
    pub step: usize,
    /// The run of this step's question, once answered.
    pub outcome: Option<Outcome>,
}

impl TourProgress {
    /// The step the student is at.
    pub fn current(&self) -> &'static TourStep {
        &self.tour.steps[self.step.min(self.tour.steps.len().saturating_sub(1))]
    }

    /// Whether the step's explanation can be shown: it has run (no question, or answered).
    pub fn explained(&self) -> bool {
        self.current().predict.is_none() || self.outcome.is_some()
    }
}

impl Tour {
    /// Number of steps.
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// Opens step `index`: the patient as the earlier steps left it, this step's settings and
    /// treatment applied, and, for a step without a question, its days run. Paused.
    pub fn open_step(&self, index: usize, simulation: &mut Simulation) {
        let index = index.min(self.steps.len().saturating_sub(1));
        simulation.load_preset(self.start);
        simulation.set_playing(false);
        for step in &self.steps[..index] {
            step.apply(simulation);
            simulation.advance_days(step.run_days);
        }
        if let Some(step) = self.steps.get(index) {
            step.apply(simulation);
            if step.predict.is_none() {
                simulation.advance_days(step.run_days);
            }
        }
    }

    /// Answers the question of step `index` (opened with [`Tour::open_step`]): runs the step's
    /// days and judges the choice by what the model did. `None` for a step without a question.
    pub fn answer(
        &self,
        index: usize,
        chosen: Option<&str>,
        simulation: &mut Simulation,
    ) -> Option<Outcome> {
        let step = self.steps.get(index)?;
        let prediction = step.predict?;
        let before = simulation.patient().labs();
        simulation.advance_days(step.run_days);
        let after = simulation.patient().labs();
        Some(Outcome {
            chosen: chosen.map(str::to_string),
            right: prediction.kind.judge(&before, &after),
            before,
            after,
        })
    }
}

impl TourStep {
    fn apply(&self, simulation: &mut Simulation) {
        for &(key, value) in self.set {
            simulation.set_setting(key, value);
        }
        if let Some(choice) = self.give {
            simulation.give(&choice.usual());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::teaching::tours::TOURS;

    #[test]
    fn every_tour_answers_as_its_explanations_say_and_going_back_is_exact() {
        for tour in TOURS {
            assert!(!tour.is_empty(), "{}", tour.id);
            let mut simulation = Simulation::open_preset(Some(tour.start));
            for (index, step) in tour.steps.iter().enumerate() {
                tour.open_step(index, &mut simulation);
                let opened = simulation.patient().labs();
                if let Some(prediction) = step.predict {
                    let choices = prediction.kind.choices();
                    assert!(
                        choices
                            .iter()
                            .any(|choice| choice.id == prediction.expected),
                        "{} step {}: {} is not a choice",
                        tour.id,
                        index + 1,
                        prediction.expected
                    );
                    let outcome = tour
                        .answer(index, Some(prediction.expected), &mut simulation)
                        .unwrap();
                    assert!(
                        outcome.correct(),
                        "{} step {}: the model says {}, the tour expects {}",
                        tour.id,
                        index + 1,
                        outcome.right,
                        prediction.expected
                    );
                }
                // Back and forth: reopening the step rebuilds the same patient.
                tour.open_step(index, &mut simulation);
                assert_eq!(
                    simulation.patient().labs(),
                    opened,
                    "{} step {}",
                    tour.id,
                    index + 1
                );
            }
        }
    }

    #[test]
    fn the_tours_are_the_contract_ones() {
        let ids: Vec<&str> = TOURS.iter().map(|tour| tour.id).collect();
        let contract = [
            "b12_relay",
            "two_reactions",
            "megaloblast",
            "iron_heist",
            "inflammation_microcytic",
            "cytokines_epo",
            "ckd_command",
            "myeloma_storm",
            "folate_trap",
        ];
        assert_eq!(ids, contract);
    }

    #[test]
    fn every_step_points_at_something_and_most_steps_ask_first() {
        for tour in TOURS {
            assert!(
                (4..=7).contains(&tour.len()),
                "{}: {} steps",
                tour.id,
                tour.len()
            );
            for (index, step) in tour.steps.iter().enumerate() {
                assert!(
                    !step.highlight.is_empty(),
                    "{} step {} highlights nothing",
                    tour.id,
                    index + 1
                );
            }
            let asking = tour
                .steps
                .iter()
                .filter(|step| step.predict.is_some())
                .count();
            assert!(
                2 * asking >= tour.len(),
                "{}: only {asking} of {} steps ask for a prediction",
                tour.id,
                tour.len()
            );
        }
    }

    /// Sentences in a text: full stops, question and exclamation marks that end the text or are
    /// followed by a space (a closing bracket between them does not count).
    fn sentences(text: &str) -> usize {
        let chars: Vec<char> = text.chars().filter(|&c| c != ')').collect();
        (0..chars.len())
            .filter(|&i| {
                matches!(chars[i], '.' | '?' | '!')
                    && chars.get(i + 1).is_none_or(|next| next.is_whitespace())
            })
            .count()
    }

    #[test]
    fn tour_texts_are_short_enough_for_a_projector() {
        for tour in TOURS {
            for (index, step) in tour.steps.iter().enumerate() {
                let mut texts = vec![step.text, step.explain];
                texts.extend(step.predict.map(|prediction| prediction.question));
                for text in texts {
                    assert!(
                        (1..=3).contains(&sentences(text)) && text.chars().count() <= 260,
                        "{} step {}: {text}",
                        tour.id,
                        index + 1
                    );
                }
            }
        }
    }

    #[test]
    fn a_tour_replays_in_reasonable_time() {
        // Opening a step replays all the earlier ones: keep each tour's simulated time modest.
        for tour in TOURS {
            let days: f64 = tour.steps.iter().map(|step| step.run_days).sum();
            assert!(days <= 2000.0, "{}: {days} days", tour.id);
        }
    }
}
