'use strict';
// Worker process: takes jobs from the Redis list `jobs` and applies each one exactly once.
//
// Delivery is at-least-once (a job stays in this worker's processing list until it is done,
// so a crash never loses it: this worker's next run or another worker puts it back); the effect
// is exactly-once because the job id is recorded in PostgreSQL in the same transaction as the
// effect, and a redelivered job is skipped.
const os = require('node:os');
const { pool } = require('./db');
const { createRedisClient, closeClient, reconnectDelay } = require('./redis');
const { QUEUE, PROCESSING_PREFIX, processingList, heartbeatKey, noteJob } = require('./queue');

// On Heroku DYNO (worker.1) survives restarts, so a restarted worker finds its own unfinished
// jobs at once. On ECS and Kubernetes the host name is new for every task or pod; the jobs of a
// worker that is gone are recovered through its expired heartbeat instead (recoverOrphans).
const WORKER_ID = process.env.WORKER_ID || process.env.DYNO || os.hostname();
const PROCESSING = processingList(WORKER_ID);
const HEARTBEAT = heartbeatKey(WORKER_ID);
// How long a worker may stay silent before others take its jobs back; renewed 3 times as often.
const HEARTBEAT_SECONDS = Number(process.env.WORKER_HEARTBEAT_SECONDS || 30);
const POLL_SECONDS = 1; // BLMOVE timeout: how long a SIGTERM may wait while the queue is empty
// TEST ONLY: pause inside the job transaction so a test can kill the worker mid-job.
const TEST_DELAY_MS = Number(process.env.WORKER_TEST_DELAY_MS || 0);

let stopping = false;

const sleep = (ms) => new Promise((resolve) => {
  setTimeout(resolve, ms);
});

// Move the jobs of a processing list back to the queue. LMOVE is atomic per job, so two workers
// recovering the same list at once neither lose nor duplicate a job.
async function requeueList(redis, list) {
  const pending = await redis.lLen(list);
  let moved = 0;
  while (moved < pending && (await redis.lMove(list, QUEUE, 'RIGHT', 'RIGHT')) !== null) {
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
  await redis.set(HEARTBEAT, String(process.pid), {
    expiration: { type: 'EX', value: HEARTBEAT_SECONDS },
  });
}

async function recoverOrphans(redis) {
  for await (const lists of redis.scanIterator({ MATCH: `${PROCESSING_PREFIX}*`, COUNT: 1000 })) {
    for (const list of lists) {
      const owner = list.slice(PROCESSING_PREFIX.length);
      if (owner !== WORKER_ID && !(await redis.exists(heartbeatKey(owner)))) {
        const moved = await requeueList(redis, list);
        if (moved > 0) {
          console.log(`worker: requeued ${moved} job(s) of stopped worker ${owner}`);
        }
      }
    }
  }
}
// --8<-- [end:heartbeat]

// Queue again the notes that were never processed, e.g. because their jobs were in a Redis that
// restarted without persistence. A job queued twice is harmless: processed_jobs skips the rerun.
async function requeueUnprocessed(redis) {
  const { rows } = await pool.query(
    'SELECT id FROM notes WHERE processed_at IS NULL ORDER BY id LIMIT 1000',
  );
  if (rows.length > 0) {
    await redis.lPush(QUEUE, rows.map((row) => noteJob(row.id)));
    console.log(`worker: queued ${rows.length} unprocessed note(s) again`);
  }
}

// The effect of a job: count the words of the note (process_count makes duplicates visible).
async function applyJob(db, job) {
  // Waits while the web request that queued this job still has its transaction open.
  await db.query('SELECT pg_advisory_xact_lock($1)', [job.noteId]);
  const first = await db.query(
    'INSERT INTO processed_jobs (job_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING job_id',
    [job.jobId],
  );
  if (first.rowCount === 0) {
    return 'duplicate, skipped';
  }
  await db.query(
    `UPDATE notes SET word_count = array_length(regexp_split_to_array(btrim(body), '\\s+'), 1),
       processed_at = now(), process_count = process_count + 1
     WHERE id = $1`,
    [job.noteId],
  );
  if (TEST_DELAY_MS > 0) {
    await sleep(TEST_DELAY_MS);
  }
  return 'done';
}

// --8<-- [start:claim]
async function processOne(redis) {
  // Atomically move the oldest job to this worker's processing list: if the worker dies from
  // here on, the job is still in Redis, and recover() or another worker's recoverOrphans()
  // puts it back.
  const raw = await redis.blMove(QUEUE, PROCESSING, 'RIGHT', 'LEFT', POLL_SECONDS);
  if (raw === null) {
    return; // queue empty
  }
  let job;
  try {
    job = JSON.parse(raw);
  } catch {
    console.error(`worker: dropping malformed job ${raw.slice(0, 80)}`);
    await redis.lRem(PROCESSING, 1, raw);
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
    broken = true;
    await db.query('ROLLBACK').catch(() => {});
    throw err; // the job stays in PROCESSING and is retried
  } finally {
    db.release(broken);
  }
  // Acknowledge only after COMMIT. A crash between COMMIT and LREM redelivers the job,
  // and processed_jobs turns that redelivery into a no-op.
  await redis.lRem(PROCESSING, 1, raw);
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
  await requeueUnprocessed(redis);
  let recovering = false; // a slow scan is not started again on top of itself
  const maintenance = setInterval(() => {
    beat(control).catch((err) => console.error(`worker: heartbeat: ${err.message}`));
    if (!recovering) {
      recovering = true;
      recoverOrphans(control)
        .catch((err) => console.error(`worker: recovery: ${err.message}`))
        .finally(() => {
          recovering = false;
        });
    }
  }, (HEARTBEAT_SECONDS * 1000) / 3);
  console.log(`worker: ${WORKER_ID} waiting for jobs on "${QUEUE}"`);
  let failures = 0;
  while (!stopping) {
    try {
      await processOne(redis);
      failures = 0;
    } catch (err) {
      failures += 1;
      console.error(`worker: ${err.message}; retrying`);
      await sleep(reconnectDelay(failures));
      await recover(redis).catch(() => {}); // retry the failed job via the queue
    }
  }
  clearInterval(maintenance);
  await control.del(HEARTBEAT).catch(() => {}); // lets others take any leftover job at once
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
