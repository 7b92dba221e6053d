import { removeDataDir, startServerProcess, type ServerProcess } from '../../../scripts/lib/room-server-process.ts';
import type { TestSeat } from './test-seat';

/**
 * Server processes and seats a test starts, so one `cleanUp` (in afterAll) leaves them all and
 * kills the servers; `serverOn(dataDir)` starts another on the same data, as after a crash.
 */
export function serverPool(timeScale = 10) {
  const servers: ServerProcess[] = [];
  const seats: TestSeat[] = [];
  return {
    track: (s: TestSeat): TestSeat => (seats.push(s), s),
    async serverOn(dataDir?: string): Promise<ServerProcess> {
      const s = await startServerProcess({ timeScale, ...(dataDir && { dataDir }) });
      servers.push(s);
      return s;
    },
    async cleanUp(): Promise<void> {
      await Promise.allSettled(seats.map((s) => s.leave()));
      await Promise.allSettled(servers.map((s) => s.stop('SIGKILL')));
      for (const dir of new Set(servers.map((s) => s.dataDir))) removeDataDir(dir);
    },
  };
}
