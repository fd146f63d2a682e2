'use strict';
// Worker process: takes jobs from the Redis list `jobs` and applies each one exactly once.
//
// Delivery is at-least-once (a job stays in this worker's processing list until it is done,
// so a crash never loses it); the effect is exactly-once because the job id is recorded in
// PostgreSQL in the same transaction as the effect, and a redelivered job is skipped.
const os = require('node:os');
const { pool } = require('./db');
const { createRedisClient, reconnectDelay } = require('./redis');
const { QUEUE, processingList, noteJob } = require('./queue');

// A stable name per worker slot (Heroku sets DYNO=worker.1 and keeps it across restarts), so
// a restarted worker finds the jobs its previous run left behind.
const WORKER_ID = process.env.WORKER_ID || process.env.DYNO || os.hostname();
const PROCESSING = processingList(WORKER_ID);
const POLL_SECONDS = 1; // BLMOVE timeout: how long a SIGTERM may wait while the queue is empty
// TEST ONLY: pause inside the job transaction so a test can kill the worker mid-job.
const TEST_DELAY_MS = Number(process.env.WORKER_TEST_DELAY_MS || 0);

let stopping = false;

const sleep = (ms) => new Promise((resolve) => {
  setTimeout(resolve, ms);
});

// Put back every job a previous run of this worker had claimed but not finished.
async function recover(redis) {
  const pending = await redis.lLen(PROCESSING);
  for (let i = 0; i < pending; i += 1) {
    if ((await redis.lMove(PROCESSING, QUEUE, 'RIGHT', 'RIGHT')) === null) {
      break;
    }
  }
  if (pending > 0) {
    console.log(`worker: requeued ${pending} unfinished job(s)`);
  }
}

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
  // here on, the job is still in Redis and recover() puts it back at the next start.
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
  await redis.connect();
  await recover(redis);
  await requeueUnprocessed(redis);
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
  if (redis.isReady) {
    await redis.close();
  } else {
    redis.destroy();
  }
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
