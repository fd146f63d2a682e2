'use strict';
// Scheduled job: deletes the worker's idempotency records (processed_jobs) that are older than
// PRUNE_AFTER_DAYS. A job delivered again after that would run again, so keep the retention far
// longer than any redelivery can take. Safe to run twice: the second run finds nothing to delete.
const { pool } = require('./db');

const DAYS = Number(process.env.PRUNE_AFTER_DAYS || 30);

async function prune() {
  if (!Number.isInteger(DAYS) || DAYS < 1) {
    throw new Error(`PRUNE_AFTER_DAYS must be a whole number of days, at least 1 (got "${process.env.PRUNE_AFTER_DAYS}")`);
  }
  try {
    const { rowCount } = await pool.query(
      'DELETE FROM processed_jobs WHERE processed_at < now() - make_interval(days => $1)',
      [DAYS],
    );
    console.log(`prune: deleted ${rowCount} processed-job record(s) older than ${DAYS} days`);
  } finally {
    await pool.end();
  }
}

prune().catch((err) => {
  console.error('prune: failed:', err.message);
  process.exitCode = 1; // the scheduled task stops with a non-zero exit code
});
