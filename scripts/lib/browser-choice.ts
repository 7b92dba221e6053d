/** Debian's Chromium, which CI machines install because Playwright cannot download its own there. */
export const debianChromium = '/usr/bin/chromium';

/** Where the end-to-end tests get their browser, and whether it must be installed first. */
export type BrowserChoice =
  | { use: 'env'; path: string }
  | { use: 'system'; path: string }
  | { use: 'playwright'; path: string }
  /** Nothing usable: Playwright downloads its own Chromium once. */
  | { use: 'install' };

/**
 * The browser the Playwright config will launch, in its order: `FIREDRILL_CHROMIUM`, then
 * Debian's Chromium, then Playwright's own when it is already downloaded; otherwise it must be
 * installed. `exists` checks a file path.
 */
export function chooseBrowser(env: { FIREDRILL_CHROMIUM?: string | undefined }, playwrightChromium: string, exists: (path: string) => boolean): BrowserChoice {
  if (env.FIREDRILL_CHROMIUM) return { use: 'env', path: env.FIREDRILL_CHROMIUM };
  if (exists(debianChromium)) return { use: 'system', path: debianChromium };
  if (playwrightChromium !== '' && exists(playwrightChromium)) return { use: 'playwright', path: playwrightChromium };
  return { use: 'install' };
}
