'use strict';
// Worker process: takes jobs from the Redis list `jobs` and applies each one exactly once.
//
// Delivery is at-least-once (a job stays in this worker's processing list until it is done,
// so a crash never loses it: this worker's next run or another worker puts it back); the effect
// is exactly-once because the job id is recorded in PostgreSQL in the same transaction as the
// effect, and a redelivered job is skipped. A job that keeps failing is retried with backoff and
// then moved to a dead-letter list, so it never holds up the jobs behind it.
const os = require('node:os');
const { pool } = require('./db');
const { createRedisClient, closeClient, reconnectDelay } = require('./redis');
const {
  QUEUE, PROCESSING_PREFIX, RETRY, ATTEMPTS, DEAD, processingList, heartbeatKey, noteJob, parseJob,
} = require('./queue');
const { withTimeout, REDIS_TIMEOUT_MS } = require('./timeouts');

// On Heroku DYNO (worker.1) survives restarts, so a restarted worker finds its own unfinished
// jobs at once. On ECS and Kubernetes the host name is new for every task or pod; the jobs of a
// worker that is gone are recovered through its expired heartbeat instead (recoverOrphans).
const WORKER_ID = process.env.WORKER_ID || process.env.DYNO || os.hostname();
const PROCESSING = processingList(WORKER_ID);
const HEARTBEAT = heartbeatKey(WORKER_ID);
// How long a worker may stay silent before others take its jobs back; renewed 3 times as often.
const HEARTBEAT_SECONDS = Number(process.env.WORKER_HEARTBEAT_SECONDS || 30);
const POLL_SECONDS = 1; // BLMOVE timeout: how long a SIGTERM may wait while the queue is empty
// A job that fails this many times goes to the dead-letter list.
const MAX_ATTEMPTS = Number(process.env.WORKER_MAX_ATTEMPTS || 5);
// How often unprocessed notes are queued again, and how old a note must be to count as lost.
const SWEEP_SECONDS = Number(process.env.WORKER_SWEEP_SECONDS || 60);
// TEST ONLY: pause inside the job transaction so a test can kill the worker mid-job.
const TEST_DELAY_MS = Number(process.env.WORKER_TEST_DELAY_MS || 0);

let stopping = false;

const sleep = (ms) => new Promise((resolve) => {
  setTimeout(resolve, ms);
});

// Move the jobs of a processing list back to the queue. LMOVE is atomic per job, so two workers
// recovering the same list at once neither lose nor duplicate a job.
async function requeueList(redis, list) {
  const pending = await withTimeout(redis.lLen(list), 'LLEN');
  let moved = 0;
  while (moved < pending && (await withTimeout(redis.lMove(list, QUEUE, 'RIGHT', 'RIGHT'), 'LMOVE')) !== null) {
    moved += 1;
  }
  return moved;
}

// Put back every job a previous run of this worker had claimed but not finished.
async function recover(redis) {
  const moved = await requeueList(redis, PROCESSING);
  if (moved > 0) {
    console.log(`worker: requeued ${moved} unfinished job(s)`);
  }
}

// --8<-- [start:heartbeat]
// Every worker renews a heartbeat key with a TTL while it runs. A processing list whose owner
// has no heartbeat belongs to a worker that is gone (killed, scaled in, replaced with a new
// host name), and any worker puts its jobs back. A worker that was merely stalled for longer
// than the TTL may see a job delivered twice; processed_jobs makes the second run a no-op.
async function beat(redis) {
  await withTimeout(
    redis.set(HEARTBEAT, String(process.pid), { expiration: { type: 'EX', value: HEARTBEAT_SECONDS } }),
    'SET heartbeat',
  );
}

async function recoverOrphans(redis) {
  for await (const lists of redis.scanIterator({ MATCH: `${PROCESSING_PREFIX}*`, COUNT: 1000 })) {
    for (const list of lists) {
      const owner = list.slice(PROCESSING_PREFIX.length);
      if (owner !== WORKER_ID && !(await withTimeout(redis.exists(heartbeatKey(owner)), 'EXISTS'))) {
        const moved = await requeueList(redis, list);
        if (moved > 0) {
          console.log(`worker: requeued ${moved} job(s) of stopped worker ${owner}`);
        }
      }
    }
  }
}
// --8<-- [end:heartbeat]

// --8<-- [start:sweep]
// The web process commits a note first and queues its job second, so a job can be missing: Redis
// was down, stalled or restarted without persistence. Queue again the notes that are still
// unprocessed (older than `graceSeconds`, so a job that is merely on its way is not doubled) and
// whose job is not dead-lettered. A job queued twice is harmless: processed_jobs skips the rerun.
async function requeueUnprocessed(redis, graceSeconds) {
  const { rows } = await pool.query(
    `SELECT id FROM notes WHERE processed_at IS NULL AND created_at < now() - make_interval(secs => $1)
     ORDER BY id LIMIT 1000`,
    [graceSeconds],
  );
  const dead = new Set((await withTimeout(redis.lRange(DEAD, 0, -1), 'LRANGE')).map((raw) => parseJob(raw).job?.noteId));
  const lost = rows.filter((row) => !dead.has(row.id));
  if (lost.length > 0) {
    await withTimeout(redis.lPush(QUEUE, lost.map((row) => noteJob(row.id))), 'LPUSH');
    console.log(`worker: queued ${lost.length} unprocessed note(s) again`);
  }
}
// --8<-- [end:sweep]

// A failure that retrying the same job cannot fix (a database outage is not one).
class JobError extends Error {}

// The effect of a job: count the words of the note (process_count makes duplicates visible).
async function applyJob(db, job) {
  // A second delivery of the same job waits here until the first one's transaction ends, then
  // inserts nothing: the primary key serialises them.
  const first = await db.query(
    'INSERT INTO processed_jobs (job_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING job_id',
    [job.jobId],
  );
  if (first.rowCount === 0) {
    return 'duplicate, skipped';
  }
  const updated = await db.query(
    `UPDATE notes SET word_count = array_length(regexp_split_to_array(btrim(body), '\\s+'), 1),
       processed_at = now(), process_count = process_count + 1
     WHERE id = $1`,
    [job.noteId],
  );
  if (updated.rowCount === 0) {
    throw new JobError(`note ${job.noteId} does not exist`);
  }
  if (TEST_DELAY_MS > 0) {
    await sleep(TEST_DELAY_MS);
  }
  return 'done';
}

// --8<-- [start:retry]
// SQLSTATE classes that mean the job's own data is wrong (22 data exception, 23 integrity
// violation): retrying cannot help. Anything else (connection lost, timeouts, a restarting
// server) is an outage: the job is retried without counting, after the worker's own backoff.
function isJobFailure(err) {
  return err instanceof JobError || /^2[23]/.test(String(err.code || ''));
}

// Give up on a job: one log line, and the job kept in the dead-letter list for a person.
async function deadLetter(redis, raw, reason, attempts) {
  await withTimeout(redis.multi().lRem(PROCESSING, 1, raw).lPush(DEAD, raw).hDel(ATTEMPTS, raw).exec(), 'MULTI');
  console.error(`worker: gave up on job ${raw.slice(0, 120)} after ${attempts} attempt(s): ${reason}; moved to ${DEAD}`);
}

// A failed job waits in a sorted set until its backoff has passed, out of the queue's way.
async function retryLater(redis, raw, reason) {
  const attempts = await withTimeout(redis.hIncrBy(ATTEMPTS, raw, 1), 'HINCRBY');
  if (attempts >= MAX_ATTEMPTS) {
    await deadLetter(redis, raw, reason, attempts);
    return;
  }
  const due = Date.now() + reconnectDelay(attempts);
  await withTimeout(redis.multi().lRem(PROCESSING, 1, raw).zAdd(RETRY, { score: due, value: raw }).exec(), 'MULTI');
  console.error(`worker: job ${raw.slice(0, 120)} failed (attempt ${attempts} of ${MAX_ATTEMPTS}): ${reason}`);
}

// Move the retries that are due back to the queue, atomically (a Lua script runs as one command).
const PROMOTE_DUE = `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, 100)
for _, job in ipairs(due) do
  redis.call('ZREM', KEYS[1], job)
  redis.call('LPUSH', KEYS[2], job)
end
return #due`;

async function promoteDueRetries(redis) {
  await withTimeout(redis.eval(PROMOTE_DUE, { keys: [RETRY, QUEUE], arguments: [String(Date.now())] }), 'EVAL');
}
// --8<-- [end:retry]

// --8<-- [start:claim]
async function processOne(redis) {
  await promoteDueRetries(redis);
  // Atomically move the oldest job to this worker's processing list: if the worker dies from
  // here on, the job is still in Redis, and recover() or another worker's recoverOrphans()
  // puts it back.
  const raw = await withTimeout(
    redis.blMove(QUEUE, PROCESSING, 'RIGHT', 'LEFT', POLL_SECONDS),
    'BLMOVE',
    POLL_SECONDS * 1000 + REDIS_TIMEOUT_MS,
  );
  if (raw === null) {
    return; // queue empty
  }
  const { job, problem } = parseJob(raw);
  if (problem) {
    await deadLetter(redis, raw, `invalid job: ${problem}`, 1); // it can never succeed
    return;
  }
  const db = await pool.connect();
  let broken = false;
  try {
    await db.query('BEGIN');
    const outcome = await applyJob(db, job); // records job.jobId in processed_jobs
    await db.query('COMMIT');
    console.log(`worker: ${job.jobId} ${outcome}`);
  } catch (err) {
    broken = !isJobFailure(err); // after an outage the connection may be unusable: discard it
    await db.query('ROLLBACK').catch(() => {});
    if (broken) {
      throw err; // an outage: the job stays in PROCESSING and is retried after the backoff
    }
    await retryLater(redis, raw, err.message);
    return;
  } finally {
    db.release(broken);
  }
  // Acknowledge only after COMMIT. A crash between COMMIT and LREM redelivers the job,
  // and processed_jobs turns that redelivery into a no-op.
  await withTimeout(redis.multi().lRem(PROCESSING, 1, raw).hDel(ATTEMPTS, raw).exec(), 'MULTI');
}
// --8<-- [end:claim]

async function main() {
  const redis = createRedisClient();
  // A second connection for the heartbeat, so it never waits behind the blocking BLMOVE.
  const control = createRedisClient();
  await Promise.all([redis.connect(), control.connect()]);
  await beat(control); // before touching any list: this worker's list is not an orphan
  await recover(redis);
  await recoverOrphans(control);
  await requeueUnprocessed(redis, 0); // at start-up every unprocessed note counts
  let maintaining = false; // a slow round is not started again on top of itself
  let lastSweep = Date.now();
  const maintenance = setInterval(() => {
    beat(control).catch((err) => console.error(`worker: heartbeat: ${err.message}`));
    if (maintaining) {
      return;
    }
    maintaining = true;
    const sweep = Date.now() - lastSweep >= SWEEP_SECONDS * 1000;
    withTimeout(recoverOrphans(control), 'recovery', 10000)
      .then(() => (sweep ? requeueUnprocessed(control, SWEEP_SECONDS) : null))
      .then(() => {
        lastSweep = sweep ? Date.now() : lastSweep;
      })
      .catch((err) => console.error(`worker: maintenance: ${err.message}`))
      .finally(() => {
        maintaining = false;
      });
  }, Math.min(HEARTBEAT_SECONDS, SWEEP_SECONDS) * 1000 / 3);
  console.log(`worker: ${WORKER_ID} waiting for jobs on "${QUEUE}"`);
  let failures = 0;
  while (!stopping) {
    try {
      if (failures > 0) {
        // After an outage, put back what this worker had claimed. Redis runs a connection's
        // commands in order, so this also sees a BLMOVE that we stopped waiting for.
        await recover(redis);
      }
      await processOne(redis);
      failures = 0;
    } catch (err) {
      failures += 1;
      console.error(`worker: ${err.message}; retrying`);
      await sleep(reconnectDelay(failures));
    }
  }
  clearInterval(maintenance);
  await withTimeout(control.del(HEARTBEAT), 'DEL').catch(() => {}); // lets others take leftovers at once
  await Promise.all([closeClient(redis), closeClient(control)]);
  await pool.end();
  console.log('worker: stopped');
}

// Finish the current job, then leave the loop; the BLMOVE timeout bounds the wait.
process.on('SIGTERM', () => {
  stopping = true;
});
process.on('SIGINT', () => {
  stopping = true;
});

main().catch((err) => {
  console.error('worker: fatal:', err.message);
  process.exit(1); // the platform restarts the process
});
