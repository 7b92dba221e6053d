import { expect, test } from '@playwright/test';
import { openBriefing, savedSession, typeLine } from './support';

test('a refresh mid-incident resumes exactly where the player was, paused', async ({ page }) => {
  test.setTimeout(120_000);
  await openBriefing(page, /Blank executive dashboard/, 3, '20×');
  await page.getByRole('button', { name: 'Start the incident' }).click();
  await page.getByRole('button', { name: /Acknowledge orders_fact freshness/ }).click({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Terminal' }).click();
  await typeLine(page, 'kafka-consumer-groups --bootstrap-server kafka:9092 --describe --group orders-enricher');
  await expect(page.getByRole('log', { name: 'Terminal output' })).toContainText('LOG-END-OFFSET', { timeout: 30_000 });
  // Space in the terminal is a space; the pause button pauses.
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  const before = await savedSession(page);
  const clockBefore = await page.getByRole('timer').innerText();

  await page.reload();
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  expect(await page.getByRole('timer').innerText()).toBe(clockBefore);
  expect((await savedSession(page)).log).toEqual(before.log);
  await page.getByRole('tab', { name: 'Terminal' }).click();
  await expect(page.getByRole('log', { name: 'Terminal output' })).toContainText('LOG-END-OFFSET');
});

test('a corrupt saved session is set aside with a message, and the catalogue still works', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('firedrill.session.v1', '{"scenarioId": 42'));
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'could not be resumed' })).toBeVisible();
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys.some((k) => k.startsWith('firedrill.session.v1.set-aside.'))).toBe(true);
  await expect(page.getByRole('button', { name: /Blank executive dashboard/ })).toBeEnabled();
});
