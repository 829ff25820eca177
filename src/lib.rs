//! podium: an exact, parallel scoring engine for skills competitions and
//! labour contests.
//!
//! The flow: `contest` loads and checks `contest.ron` into `Rules`; `data`
//! reads entries, marks and element data; `engine` builds a bevy_ecs World
//! with one entity per entry and runs the scoring schedule; `stages` scores
//! a contest run in stages, each stage as a contest of its own; `output` renders
//! the results; `cli` wires it to the command line.

// Errors are the cold path and carry their whole context (file, line,
// field, help) to the user; boxing them would buy nothing.
#![allow(clippy::result_large_err)]

pub mod blind;
pub mod campaign;
pub mod chart;
pub mod cli;
pub mod contest;
pub mod data;
pub mod engine;
pub mod enter;
pub mod error;
pub mod event;
pub mod formula;
pub mod i18n;
pub mod load;
pub mod lock;
pub mod output;
pub mod periods;
pub mod random;
pub mod report;
pub mod serve;
pub mod sheets;
pub mod stages;
pub mod store;
pub mod text;
pub mod timings;
