import { readConfig } from './config';
import { startServer } from './start-server';

// The room server's entry point: `npm run serve` (after building the app) or `tsx server/main.ts`.
const server = await startServer(readConfig());
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stop);
// Started over an IPC channel (by a test harness): stop when that parent goes, however it ends.
process.on('disconnect', stop);
