'use strict';
// node-redis v5 client factory shared by the web and worker processes.
const fs = require('node:fs');
const { createClient } = require('redis');

// --8<-- [start:backoff]
const BACKOFF_BASE_MS = 100;
const BACKOFF_CAP_MS = 5000; // longest wait between reconnect attempts

// Exponential backoff with "equal jitter": the ceiling doubles per attempt up to the cap and
// the delay is drawn from [ceiling/2, ceiling], so many clients don't reconnect in lockstep.
// Returning a number means "retry forever": the process stays up and /health reports 503.
function reconnectDelay(retries) {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** retries);
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}
// --8<-- [end:backoff]

// --8<-- [start:tls]
function tlsOptions(url, env = process.env) {
  if (!url.startsWith('rediss://')) {
    return {}; // redis:// is plain TCP: local development only
  }
  const socket = { tls: true };
  if (env.REDIS_CA_CERT) {
    socket.ca = fs.readFileSync(env.REDIS_CA_CERT, 'utf8');
  }
  // Heroku Key-Value Store uses self-signed certificates, so verification cannot succeed
  // there. Turn it off only when explicitly asked: the link is then encrypted but not
  // authenticated (MITM-able).
  if (env.REDIS_TLS === 'no-verify') {
    socket.rejectUnauthorized = false;
  }
  return socket;
}
// --8<-- [end:tls]

function createRedisClient(env = process.env) {
  const url = env.REDIS_URL || 'redis://127.0.0.1:6379';
  const client = createClient({
    url,
    socket: { ...tlsOptions(url, env), connectTimeout: 3000, reconnectStrategy: reconnectDelay },
    // Reject commands while disconnected instead of queueing them, so callers can answer 503.
    disableOfflineQueue: true,
  });
  // Without an 'error' listener a connection error would crash the process.
  client.on('error', (err) => console.error('redis:', err.message));
  return client;
}

// --8<-- [start:close]
// Close for shutdown: close() waits for in-flight commands (quit() is deprecated in v5); a client
// that is still reconnecting has nothing in flight and is destroyed.
async function closeClient(client) {
  if (client.isReady) {
    await client.close();
  } else if (client.isOpen) {
    client.destroy();
  }
}
// --8<-- [end:close]

module.exports = { createRedisClient, closeClient, reconnectDelay, tlsOptions, BACKOFF_CAP_MS };
