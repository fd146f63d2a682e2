'use strict';
// Container health check of the worker: `node worker-health.js` exits 0 (healthy) or 1.
//
// worker.js renews its heartbeat key every WORKER_HEARTBEAT_SECONDS / 3 and the key expires after
// WORKER_HEARTBEAT_SECONDS, so a missing key means this worker stopped renewing it: its event loop
// is blocked or its Redis connection is stuck. When Redis itself cannot be reached, the check
// passes: replacing every worker cannot fix a Redis outage, it only adds a restart storm.
const os = require('node:os');
const { createClient } = require('redis');
const { tlsOptions } = require('./redis');
const { heartbeatKey } = require('./queue');

// The same ID worker.js uses; the check runs inside the worker's container, so the host name matches.
const WORKER_ID = process.env.WORKER_ID || process.env.DYNO || os.hostname();
const CONNECT_TIMEOUT_MS = 2000; // well inside the platform's health-check timeout

// --8<-- [start:check]
async function check() {
  const url = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const client = createClient({
    url,
    socket: { ...tlsOptions(url), connectTimeout: CONNECT_TIMEOUT_MS, reconnectStrategy: false },
    disableOfflineQueue: true,
  });
  client.on('error', () => {}); // a failed connect also rejects connect(), handled below
  try {
    await client.connect();
  } catch (err) {
    return { healthy: true, reason: `Redis unreachable (${err.message}): not judging the worker` };
  }
  try {
    const alive = await client.exists(heartbeatKey(WORKER_ID));
    return alive
      ? { healthy: true, reason: `heartbeat of ${WORKER_ID} is fresh` }
      : { healthy: false, reason: `heartbeat of ${WORKER_ID} expired: the worker stopped renewing it` };
  } finally {
    client.destroy();
  }
}
// --8<-- [end:check]

check().then(
  ({ healthy, reason }) => {
    console.log(`worker-health: ${reason}`);
    process.exit(healthy ? 0 : 1);
  },
  (err) => {
    console.error(`worker-health: ${err.message}`);
    process.exit(1);
  },
);
