import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, watchForErrors } from './support';

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });
const catalogue = (page: Page) => heading(page, 'Choose an incident');
const briefing = (page: Page) => heading(page, 'Incident briefing');
const debrief = (page: Page) => heading(page, 'Debrief');
const history = (page: Page) => heading(page, 'History');
const console_ = (page: Page) => page.getByRole('main', { name: 'Incident console' });

test('every screen has its own URL: Back, Forward and reload move between them as a person expects', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchForErrors(page);
  await page.goto('/');
  await expect(catalogue(page)).toBeVisible();
  await expect(page).toHaveURL(/#\/$/);

  // Catalogue → briefing, with the chosen level and seed in the URL.
  await page.getByLabel('Seed').fill('3');
  await page.getByRole('radio', { name: '20×' }).check();
  await page.getByRole('button', { name: /Open briefing.*Blank executive dashboard/ }).click();
  await expect(briefing(page)).toBeVisible();
  await expect(page).toHaveURL(/#\/scenario\/avro-schema-break\?level=normal&seed=3$/);
  await page.goBack();
  await expect(catalogue(page)).toBeVisible();
  await page.goForward();
  await expect(briefing(page)).toBeVisible();
  await page.reload();
  await expect(briefing(page)).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^3$/ })).toBeVisible();

  // Briefing → console: the incident takes the briefing's place, so Back leaves it for the catalogue, paused.
  await page.getByRole('button', { name: 'Start the incident' }).click();
  await expect(console_(page)).toBeVisible();
  await expect(page).toHaveURL(/#\/play$/);
  await page.getByRole('button', { name: /Acknowledge orders_fact freshness/ }).click({ timeout: 60_000 });
  await page.reload();
  await expect(console_(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  await page.getByRole('button', { name: 'Resume' }).click();
  await page.goBack();
  await expect(catalogue(page)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /still running, paused/ })).toBeVisible();
  await expectAccessible(page, 'catalogue with an incident in progress (dark)');
  await page.getByRole('button', { name: 'Light theme' }).click();
  await expectAccessible(page, 'catalogue with an incident in progress (light)');
  await page.goForward();
  await expect(console_(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  await page.goBack();
  await page.getByRole('button', { name: 'Return to the incident' }).click();
  await expect(console_(page)).toBeVisible();

  // Console → debrief: the debrief has the attempt's own URL, which a reload opens again.
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'End incident' }).click();
  await expect(debrief(page)).toBeVisible();
  await expect(page).toHaveURL(/#\/debrief\/avro-schema-break%40\d+%2F3%2F\w+$/);
  const debriefUrl = page.url();
  const total = await page.locator('.result-hero__points').innerText();
  await page.reload();
  await expect(debrief(page)).toBeVisible();
  expect(await page.locator('.result-hero__points').innerText()).toBe(total);
  await page.goBack();
  await expect(catalogue(page)).toBeVisible();

  // History, and an attempt's debrief from it: Back returns to the history.
  await page.getByRole('button', { name: 'History' }).click();
  await expect(history(page)).toBeVisible();
  await expect(page).toHaveURL(/#\/history$/);
  await page.reload();
  await expect(history(page)).toBeVisible();
  await page.getByRole('button', { name: /Open debrief/ }).first().click();
  await expect(debrief(page)).toBeVisible();
  expect(page.url()).toBe(debriefUrl);
  await page.goBack();
  await expect(history(page)).toBeVisible();
  await page.goForward();
  await expect(debrief(page)).toBeVisible();
  await page.goBack();
  await page.goBack();
  await expect(catalogue(page)).toBeVisible();
  expect(errors).toEqual([]);
});

test('a shared link plays that scenario at that level with that seed, in a browser that never saw it', async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto('/#/scenario/avro-schema-break?level=hard&seed=4242');
  await expect(briefing(page)).toBeVisible();
  await expect(page.getByText(/^Hard: Noisier signals/)).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^4242$/ })).toBeVisible();
  await page.getByRole('button', { name: 'Back to catalogue' }).click();
  await expect(catalogue(page)).toBeVisible();
  await page.goBack();
  await expect(briefing(page)).toBeVisible();

  // A link without a seed is given one, in the address bar, so it can be shared as played.
  await page.goto('/#/scenario/avro-schema-break');
  await expect(briefing(page)).toBeVisible();
  await expect(page).toHaveURL(/#\/scenario\/avro-schema-break\?level=normal&seed=\d+$/);
  expect(errors).toEqual([]);
});

test('a link to a screen this browser cannot show says why, on a screen it can', async ({ page }) => {
  await page.goto('/#/play');
  await expect(catalogue(page)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'No incident is running in this browser' })).toBeVisible();
  await expect(page).toHaveURL(/#\/$/);

  await page.goto('/#/debrief/not-an-attempt');
  await expect(history(page)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /not in this browser’s history/ })).toBeVisible();

  await page.goto('/#/scenario/no-such-scenario?level=normal&seed=1');
  await expect(catalogue(page)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /no scenario "no-such-scenario"/ })).toBeVisible();

  // The room links keep working beside the screens.
  await page.goto('/#/join');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Join/);
  await page.goto('/#/new-room/interview');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/mock interview/i);
});

test('an incident left running for a debrief from the history is still there to go back to', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchForErrors(page);
  // A finished attempt, in the history.
  await page.goto('/#/scenario/avro-schema-break?level=normal&seed=21');
  await page.getByRole('button', { name: 'Start the incident' }).click();
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'End incident' }).click();
  await expect(debrief(page)).toBeVisible();
  // Another incident, running; Back opens the first one's debrief from the history.
  await page.goto('/#/scenario/avro-schema-break?level=normal&seed=22');
  await page.getByRole('button', { name: 'Start the incident' }).click();
  await expect(console_(page)).toBeVisible();
  await page.goBack();
  await expect(debrief(page)).toBeVisible();
  await expect(page.getByText(/seed\s*21/).first()).toBeVisible();

  // Leaving that debrief does not forget the running incident; its link brings it back, paused.
  await page.getByRole('button', { name: 'Back to catalogue' }).click();
  await expect(catalogue(page)).toBeVisible();
  await page.goto('/#/play');
  await expect(console_(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  expect((await page.evaluate(() => JSON.parse(localStorage.getItem('firedrill.session.v1') ?? 'null') as { seed: number } | null))?.seed).toBe(22);
  expect(errors).toEqual([]);
});
