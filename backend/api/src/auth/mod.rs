//! Authentication: passwords (argon2id), access tokens (JWT, HS256 pinned), rotating refresh
//! tokens, and the `Principal` extractor that every protected handler takes.

pub mod jwt;
pub mod password;
pub mod principal;
pub mod principals;
pub mod refresh;
pub mod throttle;

pub use principal::{Grant, Principal};
