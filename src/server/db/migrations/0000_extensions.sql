-- Extensions every later migration relies on. Both ship with the embedded server and with
-- Debian's postgresql-contrib; IF NOT EXISTS keeps this safe on a database that already has them.
CREATE EXTENSION IF NOT EXISTS ltree;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
