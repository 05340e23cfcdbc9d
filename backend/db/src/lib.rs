//! The database layer: diesel schema, row types and insert/update forms, queries returning
//! `QueryResult`, the connection pool and the embedded migrator. Knows nothing of HTTP.

pub mod audit;
pub mod models;
pub mod pool;
pub mod queries;
pub mod schema;

pub use diesel_async::AsyncPgConnection;
pub use pool::{DbPool, build_pool, run_migrations};
