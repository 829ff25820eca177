//! podium: an exact, parallel scoring engine for skills competitions and
//! labour contests.
//!
//! The flow: `contest` loads and checks `contest.ron` into `Rules`; `data`
//! reads entries, marks and element data; `engine` builds a bevy_ecs World
//! with one entity per entry and runs the scoring schedule; `output` renders
//! the results; `cli` wires it to the command line.

pub mod contest;
pub mod data;
pub mod engine;
pub mod error;
pub mod formula;
pub mod load;
