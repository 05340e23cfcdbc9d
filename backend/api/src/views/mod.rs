//! Wire types: what the API sends and accepts. Database rows never cross this line; they
//! are converted here, one way.

pub mod audit;
pub mod auth;
pub mod campaigns;
pub mod common;
pub mod organizations;
pub mod users;

pub use common::*;
