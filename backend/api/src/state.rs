use std::sync::Arc;

use diesel_async::AsyncPgConnection;
use diesel_async::pooled_connection::deadpool::Object;
use thidua_db::DbPool;

use thidua_db::models::Initiative;
use thidua_db::queries::Paged;
use thidua_db::queries::initiatives::Related;

use crate::auth::jwt::JwtKeys;
use crate::auth::principals::PrincipalCache;
use crate::cache::VersionedCache;
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
    pub aggregates: Arc<Aggregates>,
    pub principals: Arc<PrincipalCache>,
    pub files: crate::files::FileStore,
}

/// Aggregates cached under the data version (see [`crate::cache`]).
pub struct Aggregates {
    /// Pages of initiative lists and searches, with their totals and what their rows show.
    pub initiative_pages: VersionedCache<Arc<(Paged<Initiative>, Related)>>,
    pub initiative_statistics: VersionedCache<Arc<crate::views::statistics::InitiativeStatistics>>,
    /// Each round's results (ranking over every submitted sheet), with their criteria and
    /// their JSON, under the evaluation version.
    pub round_results: VersionedCache<Arc<crate::routes::evaluation_rounds::results::Computed>>,
    /// Pages of rounds' boards (entries, evaluators, sheet states), as JSON.
    pub round_boards: VersionedCache<actix_web::web::Bytes>,
}

impl Default for Aggregates {
    fn default() -> Self {
        Self {
            // A page holds at most 100 rows of a few KiB: at most a few tens of MiB.
            initiative_pages: VersionedCache::new(512),
            initiative_statistics: VersionedCache::new(256),
            // A round of 2,000 initiatives answers about 1 MiB.
            round_results: VersionedCache::new(64),
            // A page of at most 100 entries: a few hundred KiB at most.
            round_boards: VersionedCache::new(256),
        }
    }
}

impl AppState {
    pub async fn conn(&self) -> Result<Object<AsyncPgConnection>, ApiError> {
        Ok(self.pool.get().await?)
    }
}
