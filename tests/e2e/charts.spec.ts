import { expect, test } from '@playwright/test';
import { openBriefing, watchForErrors } from './support';

// The console's charts draw one at a time, each when it is in sight: a person sees every chart on
// screen drawn, the ones further down drawn as they scroll to them, and a chart's values on hover.
test('the dashboards draw the charts in sight, the rest as they come into view, and a hovered chart says its values', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchForErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openBriefing(page, /Blank executive dashboard/, 3, '5×');
  await page.getByRole('button', { name: 'Start the incident' }).click();
  const charts = page.getByRole('region', { name: 'Monitoring charts' });
  const cards = charts.locator('figure');
  await expect(cards.first()).toBeVisible();
  const count = await cards.count();
  expect(count).toBeGreaterThan(4);

  // Every card on screen draws its plot: a chart with its lines.
  const drawn = (card: ReturnType<typeof cards.nth>) => card.locator('.recharts-surface .recharts-curve').first();
  await expect(drawn(cards.nth(1))).toBeVisible({ timeout: 15_000 });
  // The last card starts out of sight, and draws once the player scrolls to it.
  const last = cards.nth(count - 1);
  await expect(last).not.toBeInViewport();
  await expect(last.locator('.recharts-surface')).toHaveCount(0);
  await last.scrollIntoViewIfNeeded();
  await expect(last.locator('.recharts-surface')).toBeVisible({ timeout: 15_000 });
  for (let i = 0; i < count; i++) {
    await cards.nth(i).scrollIntoViewIfNeeded();
    await expect(cards.nth(i).locator('.recharts-surface'), `card ${i + 1} of ${count}`).toBeVisible({ timeout: 15_000 });
  }

  // Hovering a chart shows its tooltip: the sample's clock time and its series' values.
  const lagCard = cards.filter({ hasText: 'Consumer lag by partition' });
  await lagCard.scrollIntoViewIfNeeded();
  const plot = lagCard.locator('.recharts-surface');
  const box = await plot.boundingBox();
  if (!box) throw new Error('the lag chart has no box');
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.5);
  await expect(lagCard.locator('.recharts-tooltip-wrapper')).toContainText(/\d\d:\d\d:\d\d/);
  await expect(lagCard.locator('.recharts-tooltip-wrapper')).toContainText('p0');
  expect(errors).toEqual([]);
});
