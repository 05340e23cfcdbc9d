DROP TRIGGER role_grants_truncate_notify_principals ON role_grants;
DROP TRIGGER users_truncate_notify_principals ON users;
DROP TRIGGER organizations_notify_principals ON organizations;
DROP TRIGGER role_grants_notify_principal ON role_grants;
DROP TRIGGER users_notify_principal ON users;
DROP FUNCTION notify_principals_all();
DROP FUNCTION notify_principal_change();
