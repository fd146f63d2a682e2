'use strict';
// Redis keys of the job queue, shared by the producer (server.js) and the consumer (worker.js).
const QUEUE = 'jobs';

function processingList(workerId) {
  return `${QUEUE}:processing:${workerId}`;
}

// One job per note; the job id is the idempotency key recorded in processed_jobs.
function noteJob(noteId) {
  return JSON.stringify({ jobId: `wordcount:${noteId}`, noteId });
}

module.exports = { QUEUE, processingList, noteJob };
