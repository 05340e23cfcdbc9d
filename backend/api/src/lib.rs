//! The HTTP API of Thi đua CCHC (actix-web). `main.rs` is a thin command-line front.

pub mod auth;
pub mod authz;
pub mod cache;
pub mod config;
pub mod context;
pub mod error;
pub mod exports;
pub mod extract;
pub mod files;
pub mod metrics;
pub mod openapi;
pub mod routes;
pub mod seed;
pub mod startup;
pub mod state;
pub mod telemetry;
pub mod views;
