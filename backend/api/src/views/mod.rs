//! Wire types: what the API sends and accepts. Database rows never cross this line; they
//! are converted here, one way.

/// Mirrors a domain enum as a wire enum (with its OpenAPI schema), converting both ways.
macro_rules! mirror_enum {
    ($wire:ident, $domain:path, [$($v:ident),+ $(,)?]) => {
        impl From<$domain> for $wire {
            fn from(x: $domain) -> Self {
                use $domain as D;
                match x { $(D::$v => $wire::$v),+ }
            }
        }
        impl From<$wire> for $domain {
            fn from(x: $wire) -> Self {
                use $domain as D;
                match x { $($wire::$v => D::$v),+ }
            }
        }
    };
}

pub mod audit;
pub mod auth;
pub mod awards;
pub mod campaigns;
pub mod common;
pub mod evaluation;
pub mod files;
pub mod initiatives;
pub mod organizations;
pub mod registrations;
pub mod reports;
pub mod statistics;
pub mod submissions;
pub mod users;

pub use common::*;
