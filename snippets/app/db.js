'use strict';
// PostgreSQL pool shared by the web and worker processes.
// TLS is chosen explicitly with DATABASE_SSL instead of `sslmode` in DATABASE_URL: pg 8 treats
// `sslmode=require` in a URL as verify-full, and URL parameters override the `ssl` object below.
const fs = require('node:fs');
const { Pool } = require('pg');

// --8<-- [start:pool]
function sslConfig(env = process.env) {
  const mode = env.DATABASE_SSL || 'off';
  if (mode === 'off') {
    return false; // local development: plain TCP
  }
  if (mode === 'no-verify') {
    // Encrypted, but the server certificate is NOT checked, so anyone on the network path can
    // impersonate the database (MITM). This is what Heroku's Node.js example does; use it only
    // where the provider offers no verifiable certificate.
    return { rejectUnauthorized: false };
  }
  if (mode === 'verify') {
    // Encrypted and authenticated: the certificate must chain to DATABASE_CA_CERT (e.g. the RDS
    // CA bundle) or, when unset, to Node's built-in CA list; the host name is checked too.
    const ca = env.DATABASE_CA_CERT ? fs.readFileSync(env.DATABASE_CA_CERT, 'utf8') : undefined;
    return { rejectUnauthorized: true, ca };
  }
  throw new Error(`DATABASE_SSL must be off, no-verify or verify (got "${mode}")`);
}

const QUERY_TIMEOUT_MS = 5000; // no request of this app needs a longer query

const pool = new Pool({
  connectionString: process.env.DATABASE_URL, // read at boot: Heroku rotates it on failover
  ssl: sslConfig(),
  max: Number(process.env.PG_POOL_MAX || 5),
  connectionTimeoutMillis: 3000, // fail fast (503) instead of queueing during an outage
  idleTimeoutMillis: 10000,
  // The server cancels a statement that runs too long (and frees its locks)...
  statement_timeout: QUERY_TIMEOUT_MS,
  // ...and the client stops waiting for a server that does not answer at all (stalled, or the
  // network path is gone); the pool then discards that connection.
  query_timeout: QUERY_TIMEOUT_MS + 1000,
});

// An idle client lost its connection (database restart, failover). The pool has already
// discarded it and opens a new one on the next query, so log instead of exiting.
pool.on('error', (err) => {
  console.error('postgres: idle client error:', err.message);
});
// --8<-- [end:pool]

module.exports = { pool, sslConfig };
