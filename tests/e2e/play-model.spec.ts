import { expect, test } from '@playwright/test';
import { engineSummary, expectAccessible, openBriefing, runAction, savedSession, watchForErrors } from './support';

test('works the blank-dashboard incident like the model and gets the score the engine gives', async ({ page }) => {
  test.setTimeout(300_000);
  const errors = watchForErrors(page);
  await openBriefing(page, /Blank executive dashboard/, 1, '20×');
  await expect(page.getByText(/Leadership review at 09:30/).first()).toBeVisible();
  await expect(page.getByRole('img', { name: /orders/ })).toBeVisible();
  await expectAccessible(page, 'briefing');
  await page.getByRole('button', { name: 'Start the incident' }).click();

  // Detect: the page fires; acknowledge it.
  await page.getByRole('button', { name: /Acknowledge orders_fact freshness/ }).click({ timeout: 60_000 });
  await expect(page.getByRole('navigation', { name: 'Incident phase' })).toContainText('Triage');
  await expectAccessible(page, 'console');

  // Triage: read the logs until the Avro error is on screen.
  await runAction(page, 'Investigate', /Read the orders-enricher job logs/);
  await page.getByRole('tab', { name: /logs/i }).click();
  await expect(page.getByText(/No match for REFUNDED/).first()).toBeVisible();
  await runAction(page, 'Investigate', /Diff orders-value v7 against v8/, false);

  // Declare severity and the cause.
  await page.getByRole('tablist', { name: 'Action groups' }).getByRole('tab', { name: 'Declare' }).click();
  await page.getByRole('button', { name: 'SEV2' }).click();
  await page.getByLabel('Failing component').selectOption({ label: 'job orders-enricher' });
  await page.getByLabel('Mechanism').selectOption('schema-incompatibility');
  await expect(page.getByRole('button', { name: 'Declare root cause' })).toBeDisabled();
  // Evidence is a line of output pinned from the job logs, not an answer picked from a list.
  await page.getByRole('tab', { name: /logs/i }).click();
  const pin = page.locator('.tools-output .pin-lines').first();
  await pin.locator('summary').click();
  await pin.getByLabel(/Filter the lines of/).fill('No match for REFUNDED');
  await pin.getByRole('button', { name: /AvroTypeException: No match for REFUNDED.* — pin/ }).first().click();
  await page.getByRole('tablist', { name: 'Action groups' }).getByRole('tab', { name: 'Declare' }).click();
  await expect(page.getByRole('list', { name: /Evidence/ })).toContainText('No match for REFUNDED');
  await page.getByRole('button', { name: 'Declare root cause' }).click();
  await expect(page.getByText(/Declared at .*: job orders-enricher — Schema change/)).toBeVisible();

  // Mitigate the way the model does.
  await runAction(page, 'Mitigate', /dead-letter queue and restart/, false);
  await runAction(page, 'Mitigate', /Pause the marketing and ML DAGs/, false);
  await runAction(page, 'Mitigate', /registry lookup/);
  await runAction(page, 'Mitigate', /Backfill orders from 06:55/);

  // Communicate.
  await page.getByRole('tab', { name: /Chat/ }).click();
  await page.getByRole('button', { name: 'Write a status update' }).click();
  await page.getByLabel('What we know / are doing').fill('The orders consumer stopped on an upstream schema change; bad records parked, reader fixed, backfill running.');
  await page.getByRole('button', { name: 'Post status update' }).click();
  await expect(page.getByText(/upstream schema change; bad records parked/).first()).toBeVisible();

  // Verify and resolve: the engine checks the data; try until the backfill has finished.
  await page.getByRole('tablist', { name: 'Action groups' }).getByRole('tab', { name: 'Declare' }).click();
  const postmortem = page.getByRole('heading', { level: 1, name: 'Postmortem' });
  await expect(async () => {
    if (await postmortem.isVisible()) return;
    await page.getByRole('button', { name: 'Declare resolved' }).click();
    await expect(postmortem).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 120_000, intervals: [2_000] });

  // Prevent: the postmortem.
  await expectAccessible(page, 'postmortem');
  await page.getByLabel('Root-cause statement').fill('orders-enricher pinned Avro reader v7; v8 added the REFUNDED enum symbol and the pinned reader crash-looped on it.');
  for (const followUp of [/contract tests/i, /canary consumer/i, /Data-quality gates/i, /fire drill/i, /enum defaults/i]) {
    await page.getByRole('checkbox', { name: followUp }).check();
  }
  await page.getByRole('button', { name: 'Submit postmortem' }).click();

  // Result: the score on screen is the engine's score for exactly these commands.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const total = Number(await page.locator('.result-hero__points').innerText());
  const session = await savedSession(page);
  const { summary } = engineSummary(session);
  expect(summary.resolved).toBe(true);
  expect(total).toBe(summary.score);
  expect(total).toBeGreaterThanOrEqual(80);
  await expect(page.getByText(/MTTM/).first()).toBeVisible();
  await expectAccessible(page, 'result');
  expect(errors).toEqual([]);
});
