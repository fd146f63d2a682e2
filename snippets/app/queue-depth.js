'use strict';
// Reports the depth of the job queue as a CloudWatch metric, so the worker service can scale on it.
//
// It prints one line in CloudWatch's embedded metric format (EMF) per interval to stdout. The
// awslogs driver sends the line to CloudWatch Logs, which turns it into a data point of the metric
// DeployHandbook/QueueDepth: no AWS SDK and no IAM permission beyond writing the container's logs.
const { createRedisClient, closeClient } = require('./redis');
const { QUEUE } = require('./queue');

const INTERVAL_MS = 1000 * Number(process.env.QUEUE_DEPTH_INTERVAL_SECONDS || 60);

// --8<-- [start:emf]
function metricLine(depth, now = Date.now()) {
  return JSON.stringify({
    _aws: {
      Timestamp: now,
      CloudWatchMetrics: [
        {
          Namespace: 'DeployHandbook',
          Dimensions: [['Queue']],
          Metrics: [{ Name: 'QueueDepth', Unit: 'Count' }],
        },
      ],
    },
    Queue: QUEUE,
    QueueDepth: depth,
  });
}
// --8<-- [end:emf]

let stopping = false;
let wake = () => {};

async function main() {
  const redis = createRedisClient();
  await redis.connect();
  while (!stopping) {
    try {
      console.log(metricLine(await redis.lLen(QUEUE)));
    } catch (err) {
      console.error(`queue-depth: ${err.message}`); // no data point: the scaling policy waits
    }
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, INTERVAL_MS);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
  await closeClient(redis);
}

function stop() {
  stopping = true;
  wake();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

main().catch((err) => {
  console.error('queue-depth: fatal:', err.message);
  process.exit(1);
});
