import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { isRunning, waitForOutput } from './child-output.ts';

// Throwaway Redis and PostgreSQL servers for the scale-out tests and benchmark: each on a free
// loopback port with its files in a temporary folder, removed when it stops.

/** A service started for a test. */
export interface ThrowawayService {
  url: string;
  output: string[];
  stop: () => Promise<void>;
}

/** Where Debian's `redis-server` and PostgreSQL binaries are, or what is missing. */
export type ServiceBinaries = { redisServer: string; postgresBin: string } | { missing: string };

/** Finds `redis-server` on the PATH and the newest of Debian's PostgreSQL versions under /usr/lib/postgresql. */
export function findServiceBinaries(): ServiceBinaries {
  const redisServer = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'redis-server')).find(existsSync);
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const postgresBin = versions.map((v) => join(root, v, 'bin')).find((bin) => existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'postgres')));
  const missing = [!redisServer && 'redis-server (Debian package redis-server)', !postgresBin && 'initdb and postgres under /usr/lib/postgresql/*/bin (Debian package postgresql)'].filter(Boolean);
  return redisServer && postgresBin ? { redisServer, postgresBin } : { missing: `not installed: ${missing.join('; ')}` };
}

/** A port nothing listens on now, on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Runs a service under `timeout`, which kills it and every process it started once `lifetimeS`
 * has passed, even if whoever started it died without stopping it. `timeout` leads the service's
 * own process group and passes on the signal it receives; a kill of the group ends what is left.
 */
function guarded(command: string[], lifetimeS: number, cwd: string): ChildProcess {
  return spawn('timeout', ['--signal=KILL', String(lifetimeS), ...command], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

async function stopGuarded(child: ChildProcess, signal: NodeJS.Signals, dir: string): Promise<void> {
  const exited = new Promise<void>((resolve) => (isRunning(child) ? child.once('exit', () => resolve()) : resolve()));
  if (isRunning(child)) child.kill(signal);
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (isRunning(child)) process.kill(-(child.pid as number), 'SIGKILL');
  await exited;
  rmSync(dir, { recursive: true, force: true });
}

/** Starts `redis-server` on a free loopback port, keeping nothing on disk. */
export async function startRedis(redisServer: string, lifetimeS = 300): Promise<ThrowawayService> {
  const dir = mkdtempSync(join(tmpdir(), 'firedrill-redis-'));
  const port = await freePort();
  const child = guarded([redisServer, '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], lifetimeS, dir);
  const output: string[] = [];
  await waitForOutput(child, /Ready to accept connections/, 'redis-server', output, 30_000);
  return { url: `redis://127.0.0.1:${port}`, output, stop: () => stopGuarded(child, 'SIGTERM', dir) };
}

/**
 * Creates a PostgreSQL cluster in a temporary folder with `initdb` and starts `postgres` on a free
 * loopback port, trusting local connections for the user `firedrill`. PostgreSQL refuses to run as
 * root, so as root both run as the unprivileged `postgres` user that Debian's package creates.
 */
export async function startPostgres(postgresBin: string, lifetimeS = 300): Promise<ThrowawayService> {
  const dir = mkdtempSync(join(tmpdir(), 'firedrill-pg-'));
  const data = join(dir, 'data');
  const asUser = unprivileged(dir);
  try {
    const [command, ...args] = [...asUser, join(postgresBin, 'initdb'), '-D', data, '-U', 'firedrill', '--auth=trust', '--no-locale', '--encoding=UTF8', '--no-sync'];
    execFileSync(command as string, args, { cwd: dir, stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`initdb failed: ${error instanceof Error ? error.message : String(error)}\n${stderr}`, { cause: error });
  }
  const port = await freePort();
  // Durability is not wanted from a cluster that lives for one test run.
  const settings = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'].flatMap((s) => ['-c', s]);
  const child = guarded([...asUser, join(postgresBin, 'postgres'), '-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', dir, ...settings], lifetimeS, dir);
  const output: string[] = [];
  await waitForOutput(child, /database system is ready to accept connections/, 'postgres', output, 60_000).catch(async (error: unknown) => {
    await stopGuarded(child, 'SIGKILL', dir);
    throw error;
  });
  // SIGINT is PostgreSQL's fast shutdown: it ends the sessions and stops without waiting for clients.
  return { url: `postgres://firedrill@127.0.0.1:${port}/postgres`, output, stop: () => stopGuarded(child, 'SIGINT', dir) };
}

// As root: hand the folder to the `postgres` user and run the command as that user (setpriv execs
// the command itself, so signals reach PostgreSQL directly). Otherwise: nothing to add.
function unprivileged(dir: string): string[] {
  if (process.getuid?.() !== 0) return [];
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  } catch {
    throw new Error('PostgreSQL will not run as root, and there is no unprivileged "postgres" user to run it as (Debian\'s postgresql package creates one)');
  }
  chownSync(dir, uid, gid);
  return ['setpriv', `--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', '--'];
}
