import { expect, test } from '@playwright/test';
import { expectAccessible, openBriefing, watchForErrors } from './support';

test('a second window follows the first as a read-only view, with no server', async ({ page, context }) => {
  test.setTimeout(120_000);
  const errors = watchForErrors(page);
  await openBriefing(page, /Blank executive dashboard/, 3, '5×');
  await page.getByRole('button', { name: 'Start the incident' }).click();

  const [follower] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Open a follower window' }).click()]);
  const followerErrors = watchForErrors(follower);
  await expect(follower.getByText('Read-only view of the facilitator')).toBeVisible({ timeout: 30_000 });
  await expect(follower.getByRole('main', { name: 'Incident console', includeHidden: true })).toHaveAttribute('inert', '');
  await expect(follower.getByRole('button', { name: 'Pause' })).toHaveCount(0);
  await expect(follower.getByRole('button', { name: 'End incident' })).toHaveCount(0);

  // The leader pauses: the follower shows it and its clock stops where the leader's stopped.
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(follower.getByRole('status', { name: 'Clock' })).toHaveText('Paused');
  const leaderClock = (await page.getByRole('timer').getAttribute('aria-label')) ?? '';
  await expect(follower.getByRole('timer')).toHaveAttribute('aria-label', leaderClock);
  await follower.waitForTimeout(1500);
  await expect(follower.getByRole('timer')).toHaveAttribute('aria-label', leaderClock);

  // The leader acts: the follower's view moves with it.
  await page.getByRole('button', { name: 'Resume' }).click();
  await page.getByRole('button', { name: '20× speed' }).click();
  await expect(follower.getByRole('status', { name: 'Clock' })).toHaveText('20×');
  await expect(follower.getByRole('timer')).not.toHaveAttribute('aria-label', leaderClock);

  await expectAccessible(follower, 'follower window (dark)');
  await follower.getByRole('button', { name: 'Light theme' }).click();
  await expect(follower.locator('html')).toHaveAttribute('data-theme', 'light');
  await expectAccessible(follower, 'follower window (light)');

  // The leader leaves: the follower says so instead of freezing on a stale console.
  await page.close();
  await expect(follower.getByText(/has closed or stopped publishing/)).toBeVisible({ timeout: 15_000 });
  expect(errors).toEqual([]);
  expect(followerErrors).toEqual([]);
});
