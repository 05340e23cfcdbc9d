-- The API runs many short queries; PostgreSQL's JIT compilation costs more than it saves on
-- them (measured: ~0.75 s of compilation on one statistics query over 200,000 initiatives).
-- Needs the database owner, which the application's role is.
DO $$
BEGIN
    EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
END
$$;
