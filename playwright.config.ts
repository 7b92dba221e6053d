import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { chooseBrowser } from './scripts/lib/browser-choice';

// Another checkout's preview on the default port would be reused silently: pick another port to run beside it.
const previewPort = Number(process.env.FIREDRILL_E2E_PORT ?? 4173);

// Prefer an explicit browser, then the system Chromium (CI images cannot download one);
// otherwise leave it unset so Playwright's own browser works on a developer machine
// (scripts/ensure-browser.ts, run by `npm run test:e2e`, downloads it when there is none).
const choice = chooseBrowser(process.env, '', existsSync);
const executablePath = choice.use === 'env' || choice.use === 'system' ? choice.path : undefined;

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  },
};

const roomSpecs = /(^|[\\/])rooms-[^\\/]*\.spec\.ts$/;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://localhost:${previewPort}`,
    trace: 'retain-on-failure',
    // The app's service worker (offline play) is tested on its own in offline.spec.ts.
    serviceWorkers: 'block',
  },
  projects: [
    // Matched on the file's own name: the checkout's folder may hold "rooms-" too.
    { name: 'chromium', testIgnore: roomSpecs, use: chromium },
    // Rooms need the room server: each worker starts its own `npm run serve` (tests/e2e/rooms-support.ts)
    // on the build the preview below makes, so the solo specs never wait for it.
    { name: 'rooms', testMatch: roomSpecs, use: chromium },
  ],
  webServer: {
    command: `npm run build && npm run preview -- --port ${previewPort} --strictPort`,
    url: `http://localhost:${previewPort}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
