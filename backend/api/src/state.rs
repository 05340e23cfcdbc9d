use std::sync::Arc;

use diesel_async::AsyncPgConnection;
use diesel_async::pooled_connection::deadpool::Object;
use thidua_db::DbPool;

use crate::auth::jwt::JwtKeys;
use crate::config::Settings;
use crate::error::ApiError;
use crate::metrics::Metrics;

/// Shared by every worker.
#[derive(Clone)]
pub struct AppState {
    pub pool: DbPool,
    pub settings: Arc<Settings>,
    pub jwt: Arc<JwtKeys>,
    pub metrics: Arc<Metrics>,
}

impl AppState {
    pub async fn conn(&self) -> Result<Object<AsyncPgConnection>, ApiError> {
        Ok(self.pool.get().await?)
    }
}
