-- Servers keep the principals of recent requests (an account with its role grants) in
-- memory; these triggers tell them, when a transaction commits, whose changed (see
-- backend/api/src/auth/principals.rs). NOTIFY is transactional: nothing is sent for a
-- transaction that rolls back, and duplicates within one are sent once.

CREATE FUNCTION notify_principal_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'users' THEN
        PERFORM pg_notify('thidua_principals', COALESCE(NEW.id, OLD.id)::text);
    ELSIF TG_TABLE_NAME = 'role_grants' THEN
        PERFORM pg_notify('thidua_principals', COALESCE(NEW.user_id, OLD.user_id)::text);
    END IF;
    RETURN NULL;
END
$$;

-- Grants carry their organisation's name and ancestry: any change to the tree drops all.
CREATE FUNCTION notify_principals_all() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('thidua_principals', '*');
    RETURN NULL;
END
$$;

CREATE TRIGGER users_notify_principal
    AFTER UPDATE OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION notify_principal_change();
CREATE TRIGGER role_grants_notify_principal
    AFTER INSERT OR UPDATE OR DELETE ON role_grants
    FOR EACH ROW EXECUTE FUNCTION notify_principal_change();
CREATE TRIGGER organizations_notify_principals
    AFTER UPDATE OR DELETE OR TRUNCATE ON organizations
    FOR EACH STATEMENT EXECUTE FUNCTION notify_principals_all();
CREATE TRIGGER users_truncate_notify_principals
    AFTER TRUNCATE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION notify_principals_all();
CREATE TRIGGER role_grants_truncate_notify_principals
    AFTER TRUNCATE ON role_grants
    FOR EACH STATEMENT EXECUTE FUNCTION notify_principals_all();
