// Runs before the end-to-end tests: makes sure the browser the Playwright config will launch is
// there, downloading Playwright's own Chromium on a machine that has no other, so
// `npm ci && npm test` is all a new contributor types.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chooseBrowser } from './lib/browser-choice';

function playwrightChromiumPath(): string {
  try {
    return chromium.executablePath();
  } catch {
    return '';
  }
}

const choice = chooseBrowser(process.env, playwrightChromiumPath(), existsSync);
if (choice.use === 'env') {
  if (!existsSync(choice.path)) {
    console.error(`FIREDRILL_CHROMIUM is set to ${choice.path}, which does not exist. Point it at a Chromium binary, or unset it.`);
    process.exit(1);
  }
  console.log(`End-to-end tests use FIREDRILL_CHROMIUM (${choice.path}).`);
} else if (choice.use === 'system') {
  console.log(`End-to-end tests use the system Chromium (${choice.path}).`);
} else if (choice.use === 'playwright') {
  console.log(`End-to-end tests use Playwright's Chromium (${choice.path}).`);
} else {
  console.log('No Chromium found (no FIREDRILL_CHROMIUM, no /usr/bin/chromium, no Playwright browser): installing Playwright’s Chromium once.');
  const install = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  if (install.status !== 0) {
    console.error('Installing Playwright’s Chromium failed. Install one yourself (`npx playwright install chromium`, or a system Chromium and FIREDRILL_CHROMIUM=/path/to/chromium), then run the tests again.');
    process.exit(install.status ?? 1);
  }
}
