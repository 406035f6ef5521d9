-- Trigram matching backs fuzzy concept search ("virtualbx" finds VirtualBox).
-- Installed into public so that every schema on the search path can use it.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
