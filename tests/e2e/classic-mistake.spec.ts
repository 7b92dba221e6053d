import { expect, test } from '@playwright/test';
import { engineSummary, openBriefing, savedSession, typeLine, watchForErrors } from './support';

test('a reset to the wrong time gets the job going but the debrief shows the orders it lost', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchForErrors(page);
  await openBriefing(page, /Blank executive dashboard/, 2, '20×');
  await page.getByRole('button', { name: 'Start the incident' }).click();
  await page.getByRole('button', { name: /Acknowledge orders_fact freshness/ }).click({ timeout: 60_000 });

  // 08:58 is after the job stopped at about 08:50: everything in between is skipped.
  await page.getByRole('tab', { name: 'Terminal' }).click();
  const screen = page.getByRole('log', { name: 'Terminal output' });
  const reset = 'kafka-consumer-groups --bootstrap-server kafka:9092 --group orders-enricher --reset-offsets --all-topics --to-datetime 2024-03-11T08:58:00.000 --execute';
  await typeLine(page, reset);
  await expect(screen).toContainText('NEW-OFFSET', { timeout: 30_000 });
  await typeLine(page, 'kubectl set env deployment/orders-enricher-taskmanager ERRORS_TOLERANCE=all ERRORS_DEADLETTERQUEUE_TOPIC_NAME=orders-enricher-dlq');
  await expect(screen).toContainText('env updated', { timeout: 60_000 });

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'End incident' }).click();

  // The debrief says how the session ended: by the player, not out of time.
  await expect(page.getByText(/Ended by you at .*, before the incident was resolved\./)).toBeVisible();
  const lost = page.locator('.result-outcomes__tile').filter({ hasText: 'Records lost' });
  await expect(lost).toBeVisible();
  const shown = Number((await lost.locator('.result-outcomes__value').innerText()).replace(/[^\d]/g, ''));
  const { summary, report } = engineSummary(await savedSession(page));
  expect(shown).toBeGreaterThan(1000);
  expect(shown).toBe(summary.records.lost);

  // The reset is judged by what it did: the records it skipped, in numbers.
  const judged = report.decisions.find((d) => d.label === reset);
  expect(judged?.verdict).toBe('harmful');
  const decisions = page.getByRole('region', { name: 'Decisions' });
  const item = decisions.locator('li').filter({ hasText: '--to-datetime 2024-03-11T08:58:00.000' });
  await expect(item.getByText('Harmful')).toBeVisible();
  await expect(item).toContainText(`lost ${(judged?.typed?.atMoment.lost ?? 0).toLocaleString('en-US')} records`);
  expect(errors).toEqual([]);
});
