'use strict';
// Redis keys of the job queue, shared by the producer (server.js) and the consumer (worker.js).
const QUEUE = 'jobs';

function processingList(workerId) {
  return `${QUEUE}:processing:${workerId}`;
}

module.exports = { QUEUE, processingList };
