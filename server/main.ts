import { readConfig } from './config';
import { startServer } from './start-server';

// The room server's entry point: `npm run serve` (after building the app) or `tsx server/main.ts`.
const server = await startServer(readConfig());
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
