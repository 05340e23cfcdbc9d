//! Black-box HTTP tests of the Thi đua CCHC API live in `tests/api/` (one integration-test
//! binary, `api`, with a module per resource). Each test clones a fresh PostgreSQL database
//! from a template that holds the migrations and the demo data, starts the server on port 0
//! and talks to it over HTTP. Run them with `make test`, or set `DATABASE_URL` to a
//! PostgreSQL superuser URL and run `cargo test -p thidua-api-tests`.
