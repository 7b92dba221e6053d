import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './builtin-scenarios.ts';
import { isRunning, waitForOutput } from './child-output.ts';
import { freePort } from './scale-out-services.ts';

/** A room server process started for a test, on a free loopback port with its own data folder. */
export interface ServerProcess {
  pid: number;
  port: number;
  url: string;
  dataDir: string;
  output: string[];
  /** Ends the process: SIGTERM (a graceful stop) or SIGKILL (a crash). */
  stop: (signal?: 'SIGTERM' | 'SIGKILL') => Promise<void>;
}

/**
 * Starts `server/main.ts` as its own Node process and waits until it listens. It runs alone with
 * an embedded database unless `env` says otherwise, and stops by itself if this process goes.
 */
export async function startServerProcess(options: { dataDir?: string; timeScale?: number; env?: Record<string, string> } = {}): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'firedrill-rooms-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', FIREDRILL_DATA: dataDir, FIREDRILL_TIME_SCALE: String(options.timeScale ?? 1), FIREDRILL_DATABASE_URL: '', FIREDRILL_REDIS_URL: '', FIREDRILL_PUBLIC_ADDRESS: '', ...options.env },
    // The IPC channel closes when this process ends, however it ends, and the server stops then.
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const output: string[] = [];
  const m = await waitForOutput(child, /listening on http:\/\/127\.0\.0\.1:(\d+)/, 'the server', output);
  const port = Number(m[1]);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    pid: child.pid as number,
    port,
    url: `http://127.0.0.1:${port}`,
    dataDir,
    output,
    stop: async (signal = 'SIGTERM') => {
      if (isRunning(child)) child.kill(signal);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (isRunning(child)) child.kill('SIGKILL');
      await exited;
    },
  };
}

/**
 * Starts a server process that shares rooms with others through one Redis and one PostgreSQL, on
 * a free loopback port that is also its public address (each process is reached directly, as a
 * load balancer would route to it).
 */
export async function startSharedServerProcess(shared: { redisUrl: string; databaseUrl: string }, options: { timeScale?: number } = {}): Promise<ServerProcess> {
  const port = await freePort();
  return startServerProcess({ ...options, env: { PORT: String(port), FIREDRILL_DATABASE_URL: shared.databaseUrl, FIREDRILL_REDIS_URL: shared.redisUrl, FIREDRILL_PUBLIC_ADDRESS: `127.0.0.1:${port}` } });
}

/** Removes a test's data folder. */
export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
