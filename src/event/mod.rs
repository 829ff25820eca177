//! The event's workflow: the states a contest's results go through, and
//! the rule for each step between them, stated once.

pub mod roles;

pub use roles::{acting, Actor};
