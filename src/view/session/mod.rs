//! The session: what the student has done and where the patient is in time. The simulation clock
//! (play, pause, speed, history), the share link, and the treatment orders. Nothing here draws.

pub mod classroom;
pub mod page_link;
pub mod scenario_file;
pub mod simulation;
pub mod treatment_order;
