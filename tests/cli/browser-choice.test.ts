import { describe, expect, it } from 'vitest';
import { chooseBrowser, debianChromium } from '../../scripts/lib/browser-choice';

const only = (...paths: string[]) => (path: string) => paths.includes(path);
const ours = '/home/dev/.cache/ms-playwright/chromium-1200/chrome-linux/chrome';

describe('which browser the end-to-end tests use', () => {
  it('takes FIREDRILL_CHROMIUM first, even beside a system Chromium', () => {
    expect(chooseBrowser({ FIREDRILL_CHROMIUM: '/opt/chrome' }, ours, only(debianChromium, ours))).toEqual({ use: 'env', path: '/opt/chrome' });
  });

  it('takes Debian’s Chromium when there is no variable', () => {
    expect(chooseBrowser({}, ours, only(debianChromium, ours))).toEqual({ use: 'system', path: debianChromium });
  });

  it('takes Playwright’s own Chromium once it is downloaded', () => {
    expect(chooseBrowser({}, ours, only(ours))).toEqual({ use: 'playwright', path: ours });
  });

  it('installs Playwright’s Chromium on a bare machine', () => {
    expect(chooseBrowser({}, ours, only())).toEqual({ use: 'install' });
    expect(chooseBrowser({ FIREDRILL_CHROMIUM: '' }, '', only())).toEqual({ use: 'install' });
  });
});
