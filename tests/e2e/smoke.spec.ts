import { expect, test } from '@playwright/test';

test('loads the game with its title and no console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto('/');

  await expect(page).toHaveTitle(/Firedrill/);
  await expect(page.getByRole('heading', { level: 1, name: /Firedrill/ })).toBeVisible();
  expect(errors).toEqual([]);
});
