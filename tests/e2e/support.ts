import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { prepareRun, summarizeRun, replay, type Level } from '../../src/engine';
import type { LogEntry } from '../../src/scenarios/schema';
import { builtinRegistry } from '../../scripts/lib/builtin-scenarios';

/** Fails the test on any console error or uncaught exception in the page. */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Runs axe with the WCAG 2.1 AA rules and expects no violations. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  expect(summary, `accessibility violations on the ${screen}`).toEqual([]);
}

/** Runs axe in the dark and then the light theme (the root's data-theme is all the CSS reads), and puts the page's own theme back. */
export async function expectAccessibleInBothThemes(page: Page, screen: string): Promise<void> {
  const own = await page.evaluate(() => document.documentElement.dataset.theme ?? 'dark');
  for (const theme of ['dark', 'light']) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    await expectAccessible(page, `${screen} (${theme})`);
  }
  await page.evaluate((t) => (document.documentElement.dataset.theme = t), own);
}

/** The console fits the window: its parts scroll inside their panes, the page itself never does. */
export async function expectNoPageScroll(page: Page, screen: string): Promise<void> {
  const { scrollHeight, innerHeight } = await page.evaluate(() => ({ scrollHeight: document.scrollingElement?.scrollHeight ?? Infinity, innerHeight: window.innerHeight }));
  expect(scrollHeight, `the ${screen} scrolls as a page at ${innerHeight} px high`).toBeLessThanOrEqual(innerHeight);
}

/** From the catalogue, opens a scenario's briefing with a fixed seed at a speed. */
export async function openBriefing(page: Page, title: RegExp, seed: number, speed: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Seed').fill(String(seed));
  await page.getByRole('radio', { name: speed }).check();
  await page.getByRole('button', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^(Incident|Decision) briefing$/ })).toBeVisible();
}

/** Types a line at the terminal and presses Enter; the prompt empties once the shell has taken it. */
export async function typeLine(page: Page, line: string): Promise<void> {
  const input = page.getByLabel(/command line/);
  await input.fill(line);
  await input.press('Enter');
  await expect(input).toHaveValue('', { timeout: 30_000 });
}

/** The session as the browser saved it: the log is the whole truth. */
export async function savedSession(page: Page): Promise<{ scenarioId: string; seed: number; level?: Level; log: LogEntry[]; clock: number }> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('firedrill.session.v1') ?? 'null'));
}

/** What the engine says about the same commands, computed here in Node. */
export function engineSummary(session: { scenarioId: string; seed: number; level?: Level; log: LogEntry[] }) {
  const base = builtinRegistry().byId(session.scenarioId);
  if (!base) throw new Error(`no scenario ${session.scenarioId}`);
  const scenario = prepareRun(base, session.seed, session.level ?? 'normal');
  return summarizeRun(scenario, replay(scenario, session.seed, session.log), 'player');
}
