//! Black-box HTTP tests: one binary, a module per concern. See `helpers` for the harness.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod auth;
mod awards;
mod campaigns;
mod errors;
mod evaluation;
mod evaluation_decisions;
mod exports;
mod files;
mod helpers;
mod initiatives;
mod matrix;
mod openapi;
mod ops;
mod organizations;
mod registrations;
mod regressions;
mod reports;
mod statistics;
mod users;
