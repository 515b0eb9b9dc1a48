//! The teaching layer: guided tours of each mechanism and mystery patients, as pure Rust over the
//! page's [`Simulation`](crate::view::session::simulation::Simulation). Predictions are judged by
//! what the model does when it runs, never by a canned answer; tests check that the model agrees
//! with what each tour and case says.

pub mod case;
pub mod cases;
pub mod tour;
pub mod tours;

use crate::model::LabKey;
use crate::names::ScenePart;

/// What a step or a finding points the student at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Highlight {
    /// A part of the factory (its `scene-part-ID`).
    Part(ScenePart),
    /// A lab of the report (its `lab-KEY`).
    Lab(LabKey),
}

impl Highlight {
    /// The id the page marks: a scene part's id or a lab's sample key.
    pub const fn id(self) -> &'static str {
        match self {
            Highlight::Part(part) => part.id(),
            Highlight::Lab(lab) => lab.spec().key,
        }
    }
}
