// The background worker: an ES module (.mjs), so top-level await is allowed.
import { setTimeout as sleep } from "node:timers/promises";

const interval = Number(process.env.WORKER_INTERVAL_MS || 1000);

for (let round = 0; round < 3; round += 1) {
  await sleep(interval);
  console.log(`round ${round} done`);
}
