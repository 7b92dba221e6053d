import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test as base, type Browser, type BrowserContext, type Page } from '@playwright/test';

/** A room server started for one worker: `npm run serve` on its own port and data folder, stopped after. */
export interface RoomServer {
  url: string;
  /** Stops the server and starts it again on the same port and data (a restart mid-drill). */
  restart: () => Promise<void>;
}

const firstPort = Number(process.env.FIREDRILL_ROOMS_E2E_PORT ?? 8191);

async function waitUntilServing(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm run serve exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`npm run serve did not answer at ${url} within two minutes:\n${output()}`);
}

// `npm run serve` builds when needed; the preview project's build is already fresh. Until the script
// exists, the server's entry point serves that build directly.
const hasServeScript = Boolean((JSON.parse(readFileSync('package.json', 'utf8')) as { scripts?: Record<string, string> }).scripts?.serve);

function startServer(port: number, data: string): { child: ChildProcess; output: () => string } {
  let log = '';
  const [command, args] = hasServeScript ? ['npm', ['run', 'serve']] : [process.execPath, ['--import', 'tsx', 'server/main.ts']];
  // Its own process group, so stopping it stops npm and the server beneath it.
  const child = spawn(command as string, args as string[], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', FIREDRILL_DATA: data }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  return { child, output: () => log.slice(-4000) };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid, 'SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
}

/** Playwright's test with a room server per worker. */
export const test = base.extend<object, { roomServer: RoomServer }>({
  roomServer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, workerInfo) => {
      const port = firstPort + workerInfo.workerIndex;
      const data = mkdtempSync(join(tmpdir(), 'firedrill-rooms-e2e-'));
      const url = `http://127.0.0.1:${port}`;
      let running = startServer(port, data);
      await waitUntilServing(url, running.child, running.output);
      await use({
        url,
        restart: async () => {
          await stop(running.child);
          running = startServer(port, data);
          await waitUntilServing(url, running.child, running.output);
        },
      });
      await stop(running.child);
      rmSync(data, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

export { expect };

/** A new browser context (another person's browser) with a page on the room server. */
export async function personAt(browser: Browser, url: string, storageState?: Awaited<ReturnType<BrowserContext['storageState']>>): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(storageState ? { storageState } : {});
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}

/** From the catalogue, creates a room of a kind and returns its code, on the host screen. */
export async function createRoom(page: Page, kind: 'Run a drill' | 'Mock interview', host: string, speed = '5×'): Promise<string> {
  await page.getByRole('button', { name: kind }).click();
  await page.getByLabel(/Your name/).fill(host);
  await page.getByLabel('Scenario').selectOption('avro-schema-break');
  await page.getByRole('radio', { name: speed }).check();
  await page.getByRole('button', { name: 'Create the room' }).click();
  const code = page.locator('.room-code__value');
  await expect(code).toHaveText(/^[A-Z0-9]{6}$/, { timeout: 30_000 });
  return code.innerText();
}

/** From the catalogue, joins a room by its code with a name and a role, and waits in the lobby. */
export async function joinByCode(page: Page, code: string, name: string, role: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Join a room' }).click();
  await page.getByLabel('Room code or link').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('radio', { name: role }).check();
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByText('You are in.', { exact: false })).toBeVisible({ timeout: 30_000 });
}
