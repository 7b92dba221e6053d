import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './builtin-scenarios.ts';

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

/** Starts `server/main.ts` as its own Node process and waits until it listens. */
export async function startServerProcess(options: { dataDir?: string; timeScale?: number; env?: Record<string, string> } = {}): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'firedrill-rooms-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', FIREDRILL_DATA: dataDir, FIREDRILL_TIME_SCALE: String(options.timeScale ?? 1), FIREDRILL_DATABASE_URL: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 60 s:\n${output.join('')}`)), 60_000);
    const read = (chunk: Buffer) => {
      output.push(chunk.toString());
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output.join(''));
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${output.join('')}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    pid: child.pid as number,
    port,
    url: `http://127.0.0.1:${port}`,
    dataDir,
    output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Removes a test's data folder. */
export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
