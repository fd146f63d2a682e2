'use strict';
// Redis keys of the job queue, shared by the producer (server.js) and the consumer (worker.js).
const QUEUE = 'jobs';
const PROCESSING_PREFIX = `${QUEUE}:processing:`;

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

module.exports = { QUEUE, PROCESSING_PREFIX, processingList, heartbeatKey, noteJob };
