'use strict';
// Web process: a small notes API on PostgreSQL that queues a job in Redis per note.
const express = require('express');
const { pool } = require('./db');
const { createRedisClient, closeClient } = require('./redis');
const { QUEUE, noteJob } = require('./queue');

const PORT = Number(process.env.PORT || 3000);
const SHUTDOWN_TIMEOUT_MS = 8000; // below Heroku's 30 s and Docker's default 10 s before SIGKILL

const redis = createRedisClient();
const app = express();
app.use(express.json({ limit: '10kb' })); // without it req.body is undefined

// --8<-- [start:health]
let shuttingDown = false; // set on SIGTERM by shutdown() below

// Liveness: is this process still able to answer? It checks nothing else, so an outage of
// PostgreSQL or Redis never makes ECS or the kubelet restart a process that is fine.
app.get('/livez', (req, res) => {
  res.status(shuttingDown ? 503 : 200).json({ status: shuttingDown ? 'shutting down' : 'ok' });
});

// Readiness: may this process get traffic? 200 only when both dependencies answer and it is not
// shutting down; a load balancer or readiness probe takes 503 as "send requests elsewhere".
app.get('/health', async (req, res) => {
  if (shuttingDown) {
    res.status(503).json({ status: 'shutting down' });
    return;
  }
  const [database, queue] = await Promise.all([
    pool.query('SELECT 1').then(() => 'ok', () => 'down'),
    // With the offline queue disabled, commands fail at once while Redis is unreachable.
    (redis.isReady ? redis.ping() : Promise.reject(new Error('not connected')))
      .then(() => 'ok', () => 'down'),
  ]);
  const healthy = database === 'ok' && queue === 'ok';
  res.status(healthy ? 200 : 503).json({ status: healthy ? 'ok' : 'unavailable', database, redis: queue });
});
// --8<-- [end:health]

app.post('/notes', async (req, res) => {
  const text = req.body && req.body.text;
  if (typeof text !== 'string' || text.length < 1 || text.length > 1000) {
    res.status(400).json({ error: 'body must be JSON {"text": "1 to 1000 characters"}' });
    return;
  }
  if (!redis.isReady) {
    res.status(503).json({ error: 'queue unavailable, retry later' });
    return;
  }
  const db = await pool.connect();
  let broken = false;
  try {
    await db.query('BEGIN');
    const { rows } = await db.query(
      'INSERT INTO notes (body) VALUES ($1) RETURNING id, body, created_at',
      [text],
    );
    const note = rows[0];
    // Held until COMMIT/ROLLBACK: the worker takes the same lock, so it never reads a note
    // whose transaction is still open.
    await db.query('SELECT pg_advisory_xact_lock($1)', [note.id]);
    await redis.lPush(QUEUE, noteJob(note.id));
    await db.query('COMMIT');
    res.status(201).json(note); // acknowledged only after the note is committed
  } catch (err) {
    broken = true;
    await db.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    db.release(broken); // true destroys a connection that may be unusable
  }
});

app.get('/notes/:id', async (req, res) => {
  const id = Number(req.params.id);
  if (!Number.isInteger(id) || id < 1 || id > 2147483647) {
    res.status(400).json({ error: 'id must be a positive integer' });
    return;
  }
  const { rows } = await pool.query(
    'SELECT id, body, created_at, word_count, processed_at FROM notes WHERE id = $1',
    [id],
  );
  if (rows.length === 0) {
    res.status(404).json({ error: 'not found' });
    return;
  }
  res.json(rows[0]);
});

// TEST ONLY: a slow request for the graceful-shutdown test. Never set this in production.
if (process.env.ENABLE_TEST_ROUTES === '1') {
  app.get('/__test/slow', async (req, res) => {
    await pool.query('SELECT pg_sleep(1.5)');
    res.json({ status: 'done' });
  });
}

// Express 5 forwards rejected promises here. Every route is a thin layer over PostgreSQL and
// Redis, so anything that is not a client error is reported as a dependency outage (503).
// eslint-disable-next-line no-unused-vars
app.use((err, req, res, next) => {
  const status = err.status >= 400 && err.status < 500 ? err.status : 503;
  if (status === 503) {
    console.error(`${req.method} ${req.path}: ${err.message}`);
  }
  res.status(status).json({ error: status === 503 ? 'service unavailable' : err.message });
});

const server = app.listen(PORT, (err) => {
  if (err) {
    console.error(`web: cannot listen on port ${PORT}: ${err.message}`);
    process.exit(1);
  }
  console.log(`web: listening on port ${PORT}`);
});

// Start without waiting for Redis: /health says 503 until the client is ready.
redis.connect().catch((err) => console.error('redis: initial connect failed:', err.message));

// --8<-- [start:shutdown]
function shutdown(signal) {
  if (shuttingDown) {
    return;
  }
  shuttingDown = true; // /health answers 503 from now on, so load balancers stop sending
  console.log(`web: ${signal} received, draining`);
  // Last resort if a request hangs: exit non-zero before the platform's SIGKILL.
  setTimeout(() => {
    console.error('web: drain timed out');
    process.exit(1);
  }, SHUTDOWN_TIMEOUT_MS).unref();
  // Keep-alive sockets of requests still in flight would otherwise stay open for the 5 s
  // keepAliveTimeout after their response; this closes them as soon as the response is sent.
  server.keepAliveTimeout = 1;
  // close() stops accepting connections and calls back once in-flight requests have finished
  // (idle keep-alive sockets are closed for us since Node 19).
  server.close(async (err) => {
    await Promise.allSettled([pool.end(), closeClient(redis)]);
    console.log('web: shutdown complete');
    process.exit(err ? 1 : 0);
  });
}

process.on('SIGTERM', () => shutdown('SIGTERM')); // Heroku, ECS, Kubernetes, docker stop
process.on('SIGINT', () => shutdown('SIGINT')); // Ctrl-C in a terminal
// --8<-- [end:shutdown]
