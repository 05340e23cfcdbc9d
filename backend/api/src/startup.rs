//! Builds the application: pool, migrations, state, routes, documentation and static SPA.
//! `Application::build` binds the listener first, so tests ask for port 0 and read the port.

use std::net::TcpListener;
use std::sync::Arc;

use actix_files::{Files, NamedFile};
use actix_web::dev::{Server, ServiceRequest, ServiceResponse, fn_service};
use actix_web::middleware::from_fn;
use actix_web::{App, HttpServer, web};
use utoipa::OpenApi;
use utoipa::openapi::OpenApi as OpenApiDoc;
use utoipa_actix_web::{AppExt, scope};
use utoipa_swagger_ui::SwaggerUi;

use crate::auth::jwt::JwtKeys;
use crate::config::Settings;
use crate::error::ApiError;
use crate::metrics::Metrics;
use crate::openapi::{ApiDoc, finish};
use crate::state::AppState;
use crate::{extract, routes, telemetry};

/// Registers the operations on a utoipa-aware app and returns the collected document.
fn register<T>(app: utoipa_actix_web::UtoipaApp<T>) -> utoipa_actix_web::UtoipaApp<T>
where
    T: actix_web::dev::ServiceFactory<
            ServiceRequest,
            Config = (),
            Error = actix_web::Error,
            InitError = (),
        >,
{
    app.service(routes::ops::health)
        .service(routes::ops::ready)
        .service(routes::ops::metrics)
        .service(scope("/api/v1").configure(routes::configure))
}

/// The OpenAPI document, without starting anything.
pub fn api_document() -> OpenApiDoc {
    let (_, doc) =
        register(App::new().into_utoipa_app().openapi(ApiDoc::openapi())).split_for_parts();
    finish(doc)
}

pub struct Application {
    port: u16,
    server: Server,
    pub state: AppState,
}

impl Application {
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        let pool = thidua_db::build_pool(settings.database_url(), settings.db_pool_size)?;
        if settings.migrate_on_start {
            let applied = thidua_db::run_migrations(settings.database_url()).await?;
            if !applied.is_empty() {
                tracing::info!(?applied, "migrations applied");
            }
        }
        let listener = TcpListener::bind((settings.host.as_str(), settings.port))?;
        let port = listener.local_addr()?.port();
        let files = crate::files::open(&settings.file_store, settings.upload_max_bytes)?;
        let state = AppState {
            files,
            pool,
            jwt: Arc::new(JwtKeys::new(&settings)),
            metrics: Arc::new(Metrics::new()?),
            aggregates: Arc::new(Default::default()),
            principals: Arc::new(Default::default()),
            settings: Arc::new(settings),
        };
        let doc = api_document();
        let server = run(listener, state.clone(), doc)?;
        Ok(Self {
            port,
            server,
            state,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Serves until stopped, listening meanwhile for changes to the principals it caches.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let listener = self
            .state
            .principals
            .clone()
            .listen(self.state.settings.database_url().to_string());
        let state = self.state.clone();
        // Temporary objects a crash left mid-upload, and bytes no file names any more:
        // collected at start and every hour.
        let sweeper = async move {
            let hour = std::time::Duration::from_secs(3600);
            loop {
                match state.files.sweep(hour).await {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(n, "swept abandoned upload parts"),
                    Err(e) => tracing::warn!(error = %e, "sweeping abandoned uploads failed"),
                }
                let collected = match state.conn().await {
                    Ok(mut conn) => {
                        crate::files::collect_unnamed(&mut conn, &state.files, hour).await
                    }
                    Err(e) => Err(anyhow::anyhow!("{e:?}")),
                };
                match collected {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(n, "collected evidence bytes no file names"),
                    Err(e) => tracing::warn!(error = %e, "collecting unnamed evidence failed"),
                }
                tokio::time::sleep(hour).await;
            }
        };
        tokio::select! {
            served = self.server => served,
            () = listener => Ok(()),
            () = sweeper => Ok(()),
        }
    }
}

/// Paths that belong to the API or the docs never fall back to the SPA's index.html.
fn is_backend_path(path: &str) -> bool {
    path.starts_with("/api/") || path == "/api" || ["/health", "/ready", "/metrics"].contains(&path)
}

fn run(listener: TcpListener, state: AppState, doc: OpenApiDoc) -> anyhow::Result<Server> {
    let static_dir = state
        .settings
        .static_dir
        .clone()
        .filter(|d| std::path::Path::new(d).join("index.html").is_file());
    match &static_dir {
        Some(d) => tracing::info!(dir = %d, "serving the SPA"),
        None => tracing::warn!("no built SPA found (THIDUA_STATIC_DIR); serving the API only"),
    }
    let workers = state.settings.workers;
    let data = web::Data::new(state);
    let mut server = HttpServer::new(move || {
        let app = App::new()
            .app_data(data.clone())
            .app_data(web::PathConfig::default().error_handler(extract::path_error))
            .wrap(from_fn(telemetry::request_middleware))
            // Before the /api/v1 scope, which would otherwise answer 404 for the document.
            .service(SwaggerUi::new("/api/docs/{_:.*}").url("/api/v1/openapi.json", doc.clone()))
            .service(web::redirect("/api/docs", "/api/docs/"));
        let (app, _) = register(app.into_utoipa_app()).split_for_parts();
        match static_dir.clone() {
            Some(dir) => {
                let index = std::path::Path::new(&dir).join("index.html");
                app.service(
                    Files::new("/", dir)
                        .index_file("index.html")
                        .default_handler(fn_service(move |req: ServiceRequest| {
                            let index = index.clone();
                            async move {
                                let (req, _) = req.into_parts();
                                if is_backend_path(req.path()) {
                                    return Ok(ServiceResponse::new(
                                        req,
                                        actix_web::ResponseError::error_response(
                                            &ApiError::not_found(),
                                        ),
                                    ));
                                }
                                let file = NamedFile::open_async(&index).await?;
                                let res = file.into_response(&req);
                                Ok(ServiceResponse::new(req, res))
                            }
                        })),
                )
            }
            None => app.default_service(web::to(|| async {
                Err::<actix_web::HttpResponse, _>(ApiError::not_found())
            })),
        }
    })
    .listen(listener)?
    .shutdown_timeout(10);
    if let Some(w) = workers {
        server = server.workers(w);
    }
    Ok(server.run())
}
