'use strict';
// Redis keys of the job queue, shared by the producer (server.js) and the consumer (worker.js),
// and the one definition of a valid job.
const QUEUE = 'jobs';
const PROCESSING_PREFIX = `${QUEUE}:processing:`;
const RETRY = `${QUEUE}:retry`; // sorted set: failed jobs, scored by when to try them again
const ATTEMPTS = `${QUEUE}:attempts`; // hash: job -> failed attempts so far
const DEAD = `${QUEUE}:dead`; // list: jobs given up on, for a person to look at

// Jobs a worker has claimed and not finished yet.
function processingList(workerId) {
  return `${PROCESSING_PREFIX}${workerId}`;
}

// Exists while the worker is alive: it renews this key (with a TTL) as long as it runs.
function heartbeatKey(workerId) {
  return `${QUEUE}:heartbeat:${workerId}`;
}

// One job per note; the job id is the idempotency key recorded in processed_jobs.
function noteJob(noteId) {
  return JSON.stringify({ jobId: `wordcount:${noteId}`, noteId });
}

// A job as the worker accepts it, or the reason it never can be: such a job goes straight to the
// dead-letter list instead of failing again and again.
function parseJob(raw) {
  let job;
  try {
    job = JSON.parse(raw);
  } catch {
    return { problem: 'not JSON' };
  }
  if (job === null || typeof job !== 'object') {
    return { problem: 'not a JSON object' };
  }
  if (typeof job.jobId !== 'string' || job.jobId.length < 1 || job.jobId.length > 200) {
    return { problem: 'jobId must be a string of 1 to 200 characters' };
  }
  if (!Number.isSafeInteger(job.noteId) || job.noteId < 1 || job.noteId > 2147483647) {
    return { problem: 'noteId must be a positive 32-bit integer' };
  }
  return { job };
}

module.exports = {
  QUEUE,
  PROCESSING_PREFIX,
  RETRY,
  ATTEMPTS,
  DEAD,
  processingList,
  heartbeatKey,
  noteJob,
  parseJob,
};
