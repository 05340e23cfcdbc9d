use std::io::Read;

use anyhow::Context;
use clap::{Parser, Subcommand};
use thidua_api::config::{LogFormat, Settings};
use thidua_api::startup::Application;
use thidua_api::{openapi, seed, telemetry};

/// Thi đua CCHC: the emulation movement on administrative reform.
#[derive(Parser)]
#[command(name = "thidua", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API, the SPA and the docs (migrates first unless THIDUA_MIGRATE_ON_START=false).
    Serve,
    /// Apply pending database migrations.
    Migrate,
    /// Load the demo data (idempotent): organisations, accounts, the 2023 campaigns.
    SeedDemo,
    /// Write the OpenAPI document.
    Openapi {
        /// Where to write it.
        #[arg(long, default_value = "openapi/openapi.json")]
        output: String,
        /// Do not write; fail when the file differs from the code.
        #[arg(long)]
        check: bool,
    },
    /// Create an administrator (the password is read from THIDUA_ADMIN_PASSWORD or stdin).
    CreateAdmin {
        #[arg(long)]
        username: String,
        #[arg(long, default_value = "Quản trị hệ thống")]
        display_name: String,
        /// Code of the organisation the account belongs to (created as a city root if absent).
        #[arg(long, default_value = "HCM")]
        organization_code: String,
    },
}

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let format = match std::env::var("THIDUA_LOG_FORMAT").as_deref() {
        Ok("json") => LogFormat::Json,
        _ => LogFormat::Pretty,
    };
    telemetry::init(format);
    match cli.command {
        Command::Serve => {
            let settings = Settings::from_env()?;
            let app = Application::build(settings).await?;
            tracing::info!(port = app.port(), "listening");
            app.run_until_stopped().await?;
            tracing::info!("stopped");
        }
        Command::Migrate => {
            let url = Settings::database_url_from_env()?;
            let applied =
                thidua_db::run_migrations(secrecy::ExposeSecret::expose_secret(&url)).await?;
            println!(
                "migrations applied: {}",
                if applied.is_empty() {
                    "none pending".to_string()
                } else {
                    applied.join(", ")
                }
            );
        }
        Command::SeedDemo => {
            let url = Settings::database_url_from_env()?;
            let url = secrecy::ExposeSecret::expose_secret(&url).to_string();
            thidua_db::run_migrations(&url).await?;
            let report = seed::seed_demo(&url).await?;
            // The demo evidence's bytes, in the store the server reads (the rows name them).
            let store = Settings::file_store_from_env();
            let files = thidua_api::files::open(&store, u64::MAX)?;
            let stored = seed::reports::materialize(&files).await?;
            println!("{report}; {stored} demo evidence files in {store}");
        }
        Command::Openapi { output, check } => {
            let json = openapi::to_pretty_json(&openapi::document())?;
            if check {
                let current = std::fs::read_to_string(&output).unwrap_or_default();
                if current != json {
                    anyhow::bail!("{output} is stale: run `make openapi` and commit the result");
                }
                println!("{output} is up to date");
            } else {
                std::fs::write(&output, json).with_context(|| format!("writing {output}"))?;
                println!("wrote {output}");
            }
        }
        Command::CreateAdmin {
            username,
            display_name,
            organization_code,
        } => {
            let url = Settings::database_url_from_env()?;
            let url = secrecy::ExposeSecret::expose_secret(&url).to_string();
            let password = match std::env::var("THIDUA_ADMIN_PASSWORD") {
                Ok(p) if !p.is_empty() => p,
                _ => {
                    let mut s = String::new();
                    std::io::stdin().read_to_string(&mut s)?;
                    s.trim_end_matches(['\n', '\r']).to_string()
                }
            };
            thidua_db::run_migrations(&url).await?;
            seed::create_admin(
                &url,
                &username,
                &display_name,
                &password,
                &organization_code,
            )
            .await?;
            println!("administrator {username} is ready");
        }
    }
    Ok(())
}
