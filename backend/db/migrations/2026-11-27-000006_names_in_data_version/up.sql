-- Cached list pages (cache.rs) also hold what their rows show: authors' and creators' names
-- and positions. A change to those moves the data version too (a sign-in or a password
-- change does not: only statements that set these columns fire the trigger).
CREATE TRIGGER users_names_data_version
    AFTER UPDATE OF display_name, position ON users
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
