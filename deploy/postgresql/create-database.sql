-- Creates the role and the database of Commendations. Run once, as the postgres superuser:
--   sudo -u postgres psql -v password="'<a long random password>'" -f deploy/postgresql/create-database.sql
-- (the quotes inside the double quotes are part of the value: psql puts it in as a literal).
--
-- One role owns the database and everything in it: the app applies its migrations (--migrate-only) with it and the
-- nodes run with it. It is no superuser and cannot create roles or databases. The migrations create three extensions
-- (pg_trgm, unaccent, btree_gist); all three are "trusted" since PostgreSQL 13, so the database owner may create them.

\set ON_ERROR_STOP on

CREATE ROLE commendations LOGIN PASSWORD :password NOSUPERUSER NOCREATEDB NOCREATEROLE;

-- UTF-8 whatever the cluster's default; template0 so no local additions to template1 come along.
CREATE DATABASE commendations OWNER commendations ENCODING 'UTF8' TEMPLATE template0;

\connect commendations
-- Nobody else may create objects in the app's schema (PostgreSQL 15+ already revokes this; older versions do not).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
ALTER SCHEMA public OWNER TO commendations;
