-- Roles and databases for the docker-compose PostgreSQL, matching bin/db (password = role name; schemas come
-- from each service's Flyway migrations). The image runs this once, on an empty data volume; it is idempotent
-- so it can also be applied by hand: psql -h 127.0.0.1 -p 15432 -U postgres -f infra/postgres/init.sql
-- The *_test and *_e2e databases that bin/db also makes are left out: tests run against bin/db's server.

DO $$
DECLARE
  r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['ax_applications', 'ax_budget', 'ax_evaluation', 'ax_gateway'] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
      EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', r, r);
    END IF;
  END LOOP;
END
$$;

-- CREATE DATABASE cannot run inside a DO block (a transaction), hence \gexec.
SELECT format('CREATE DATABASE %I OWNER %I', d, d)
FROM unnest(ARRAY['ax_applications', 'ax_budget', 'ax_evaluation', 'ax_gateway']) AS d
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = d)
\gexec
