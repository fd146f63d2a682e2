'use strict';
// Web process: a small notes API on PostgreSQL that queues a job in Redis per note.
const http = require('node:http');
const express = require('express');
const { pool } = require('./db');
const { createRedisClient, closeClient } = require('./redis');
const { QUEUE, noteJob } = require('./queue');
const { withTimeout } = require('./timeouts');

const PORT = Number(process.env.PORT || 3000);
const SHUTDOWN_TIMEOUT_MS = 8000; // below Heroku's 30 s and Docker's default 10 s before SIGKILL
const HEALTH_CHECK_MS = 1500; // /health answers within this, whatever the dependencies do

const redis = createRedisClient();
const app = express();
app.disable('x-powered-by'); // no free hint about the framework and its version
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
    withTimeout(pool.query('SELECT 1'), 'postgres', HEALTH_CHECK_MS).then(() => 'ok', () => 'down'),
    // With the offline queue disabled, commands fail at once while Redis is unreachable; a Redis
    // that is connected but stalled is caught by the deadline.
    (redis.isReady ? withTimeout(redis.ping(), 'redis', HEALTH_CHECK_MS) : Promise.reject(new Error('not connected')))
      .then(() => 'ok', () => 'down'),
  ]);
  const healthy = database === 'ok' && queue === 'ok';
  res.status(healthy ? 200 : 503).json({ status: healthy ? 'ok' : 'unavailable', database, redis: queue });
});
// --8<-- [end:health]

// --8<-- [start:validate]
// Reasons are short and name the field; nothing reaches PostgreSQL that it would refuse.
function textProblem(body) {
  const text = body && body.text;
  if (typeof text !== 'string') {
    return 'body must be JSON {"text": "1 to 1000 characters"}';
  }
  if (!text.isWellFormed()) {
    return 'text must be valid Unicode (it has a lone surrogate)';
  }
  if (text.includes('\u0000')) {
    return 'text must not contain NUL characters'; // PostgreSQL text cannot hold them
  }
  const characters = [...text].length; // code points, as PostgreSQL's length() counts them
  if (characters < 1 || characters > 1000) {
    return 'text must be 1 to 1000 characters';
  }
  return null;
}

// Only plain decimal ids: Number() would also take '1e0', '0x1' and ' 1'.
function noteId(param) {
  return /^[1-9][0-9]{0,9}$/.test(param) && Number(param) <= 2147483647 ? Number(param) : null;
}
// --8<-- [end:validate]

// --8<-- [start:write]
app.post('/notes', async (req, res) => {
  const problem = textProblem(req.body);
  if (problem) {
    res.status(400).json({ error: problem });
    return;
  }
  // 1. Commit the note: a single statement, so no transaction stays open while Redis is awaited.
  const { rows } = await pool.query(
    'INSERT INTO notes (body) VALUES ($1) RETURNING id, body, created_at',
    [req.body.text],
  );
  const note = rows[0];
  // 2. Then queue its job. If Redis is down or stalled the note is stored all the same: the
  // worker's sweep queues every note that is still unprocessed, so the job comes late, never lost.
  await enqueue(note.id);
  res.status(201).json(note);
});

async function enqueue(id) {
  try {
    if (!redis.isReady) {
      throw new Error('redis is not connected');
    }
    await withTimeout(redis.lPush(QUEUE, noteJob(id)), 'LPUSH');
  } catch (err) {
    console.error(`web: note ${id} not queued (${err.message}); the worker's sweep will queue it`);
  }
}
// --8<-- [end:write]

app.get('/notes/:id', async (req, res) => {
  const id = noteId(req.params.id);
  if (id === null) {
    res.status(400).json({ error: 'id must be a positive integer such as 42' });
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

// Unknown routes get JSON too, not Express's HTML page.
app.use((req, res) => {
  res.status(404).json({ error: 'not found' });
});

// Short, fixed reasons for the body parser's client errors, instead of its internal messages.
const CLIENT_ERRORS = {
  'entity.parse.failed': 'body must be valid JSON',
  'entity.too.large': 'body is larger than 10 kB',
  'charset.unsupported': 'body must be UTF-8',
  'encoding.unsupported': 'unsupported Content-Encoding',
};

// Express 5 forwards rejected promises here. Every route is a thin layer over PostgreSQL and
// Redis, so anything that is not a client error is reported as a dependency outage (503).
// eslint-disable-next-line no-unused-vars
app.use((err, req, res, next) => {
  const status = err.status >= 400 && err.status < 500 ? err.status : 503;
  if (status === 503) {
    console.error(`${req.method} ${req.path}: ${err.message}`);
    res.status(503).json({ error: 'service unavailable' });
    return;
  }
  res.status(status).json({ error: CLIENT_ERRORS[err.type] || http.STATUS_CODES[status] });
});

const server = app.listen(PORT, (err) => {
  if (err) {
    console.error(`web: cannot listen on port ${PORT}: ${err.message}`);
    process.exit(1);
  }
  console.log(`web: listening on port ${PORT}`);
});
// A client that sends its request slowly gets 408 instead of holding a socket for Node's 300 s.
server.headersTimeout = 10000;
server.requestTimeout = 15000;

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
