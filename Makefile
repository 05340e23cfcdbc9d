# Thi đua CCHC — the commands README and CI use. `make` alone lists them.
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
.PHONY: help run test lint fmt openapi bench db db-stop clean-data schema

help: ## List the targets
	@echo 'Thi đua CCHC — make targets:'
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*## "} {printf "  make %-12s %s\n", $$1, $$2}'

run: ## Serve SPA + API + docs with demo data on http://127.0.0.1:8080 (local PostgreSQL unless DATABASE_URL)
	@scripts/run.sh

test: ## Everything CI checks, on a throwaway PostgreSQL (Rust, frontend, Playwright, schemathesis)
	@scripts/test.sh

lint: ## cargo fmt --check, clippy -D warnings, frontend typecheck and lint
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cd frontend && npm run typecheck && npm run lint

fmt: ## Format the Rust code (and the frontend, if it has a format script)
	cargo fmt --all
	cd frontend && npm run --if-present format

openapi: ## Regenerate openapi/openapi.json from the code, then the SPA's API types
	cargo run -q --bin thidua -- openapi
	cd frontend && npm run gen:api

bench: ## City-scale load test: generated data, wrk vs pgbench floor; table + bench/results/*.json
	@scripts/bench.sh

db: ## Start (or reuse) the local durable PostgreSQL and print its DATABASE_URL
	@scripts/pg.sh durable

db-stop: ## Stop the local durable PostgreSQL
	@scripts/pg.sh stop

clean-data: ## Say how to delete the local database and secrets (.data); deletes nothing
	@echo 'This removes the local database (all its data) and the generated JWT secret:'
	@echo '  scripts/pg.sh stop && rm -rf $${THIDUA_DATA_DIR:-.data}'

schema: ## Regenerate backend/db/src/schema.rs from a freshly migrated database (needs diesel_cli)
	@command -v diesel >/dev/null || { echo 'install diesel_cli: cargo install diesel_cli --no-default-features --features postgres'; exit 1; }
	@test -n "$${DATABASE_URL:-}" || { echo 'set DATABASE_URL to a migrated database (e.g. make db)'; exit 1; }
	diesel print-schema --database-url "$$DATABASE_URL" > backend/db/src/schema.rs
