'use strict';
// Release-phase migration (Procfile `release:`): idempotent, safe to run on every deploy.
const { pool } = require('./db');

const SCHEMA = `
  SELECT pg_advisory_xact_lock(0, 1); -- serialise concurrent runs of this script
  CREATE TABLE IF NOT EXISTS notes (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body text NOT NULL CHECK (length(body) BETWEEN 1 AND 1000),
    created_at timestamptz NOT NULL DEFAULT now(),
    word_count integer,
    processed_at timestamptz,
    process_count integer NOT NULL DEFAULT 0
  );
  CREATE TABLE IF NOT EXISTS processed_jobs (
    job_id text PRIMARY KEY,
    processed_at timestamptz NOT NULL DEFAULT now()
  );
`;

async function migrate() {
  try {
    // A multi-statement simple query runs as one transaction, so the lock covers all of it.
    await pool.query(SCHEMA);
    console.log('migrate: schema is up to date');
  } finally {
    await pool.end();
  }
}

migrate().catch((err) => {
  console.error('migrate: failed:', err.message);
  process.exitCode = 1; // a failing release command stops the Heroku release
});
