DROP TRIGGER users_names_data_version ON users;
