import { expect, test } from '@playwright/test';
import { engineSummary, openBriefing, runAction, savedSession, watchForErrors } from './support';

test('resetting offsets to latest brings the dashboard back but the result shows the orders lost', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchForErrors(page);
  await openBriefing(page, /Blank executive dashboard/, 2, '20×');
  await page.getByRole('button', { name: 'Start the incident' }).click();
  await page.getByRole('button', { name: /Acknowledge orders_fact freshness/ }).click({ timeout: 60_000 });
  await runAction(page, 'Mitigate', /Reset offsets to latest and restart/);

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'End incident' }).click();

  const lost = page.locator('.result-outcomes__tile').filter({ hasText: 'Records lost' });
  await expect(lost).toBeVisible();
  const shown = Number((await lost.locator('.result-outcomes__value').innerText()).replace(/[^\d]/g, ''));
  const { summary } = engineSummary(await savedSession(page));
  expect(shown).toBeGreaterThan(1000);
  expect(shown).toBe(summary.records.lost);
  const decisions = page.getByRole('region', { name: 'Decisions' });
  await expect(decisions.getByText(/Reset offsets to latest and restart/).first()).toBeVisible();
  await expect(decisions.getByText(/harmful/i).first()).toBeVisible();
  expect(errors).toEqual([]);
});
