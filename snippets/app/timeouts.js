'use strict';
// Every call to PostgreSQL and Redis is bounded in time, so a dependency that stalls (a paused
// process, a network path that drops packets without a reset) turns into a quick error instead of
// a request that never answers.
//
// PostgreSQL has its own limits (db.js: statement_timeout, query_timeout). node-redis v5 does not:
// its `timeout` command option stops counting once a command is written to the socket, and a
// stalled server still accepts writes. So Redis calls, and the health checks, are bounded here.

// --8<-- [start:deadline]
const REDIS_TIMEOUT_MS = Number(process.env.REDIS_TIMEOUT_MS || 1000);

class TimeoutError extends Error {}

// Settle with `promise`, or reject after `ms`. The command itself is not cancelled: node-redis
// keeps it in order on the connection, and a late reply resolves a promise nobody awaits any more.
function withTimeout(promise, what, ms = REDIS_TIMEOUT_MS) {
  let timer;
  const deadline = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
// --8<-- [end:deadline]

module.exports = { withTimeout, TimeoutError, REDIS_TIMEOUT_MS };
