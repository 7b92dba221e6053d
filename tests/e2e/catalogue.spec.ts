import { expect, test } from '@playwright/test';
import { expectAccessible, savedSession, watchForErrors } from './support';

test('lists the incidents with what a player needs to choose one, in both themes', async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto('/');
  await expect(page).toHaveTitle(/Firedrill/);
  await expect(page.getByRole('heading', { level: 1, name: 'Choose an incident' })).toBeVisible();
  const card = page.getByRole('article').filter({ hasText: 'Blank executive dashboard' });
  await expect(card).toContainText('Schema Registry');
  await expect(card).toContainText(/~\s?30 min/);
  await expect(card).toContainText('Not played yet');
  await expect(page.getByLabel('Seed')).toHaveValue(/^\d+$/);
  await expectAccessible(page, 'catalogue (dark)');

  await page.getByRole('button', { name: 'Light theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expectAccessible(page, 'catalogue (light)');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(errors).toEqual([]);
});

test('refuses a seed that is not a whole number and says why', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Seed').fill('-3');
  await expect(page.getByRole('button', { name: /Blank executive dashboard/ })).toBeDisabled();
  await page.getByRole('button', { name: 'New random seed' }).click();
  await expect(page.getByRole('button', { name: /Blank executive dashboard/ })).toBeEnabled();
});

test('plays the chosen level: a hard run brings its own red herrings and keeps its best score apart', async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto('/');
  await page.getByRole('radio', { name: 'Hard' }).check();
  await expect(page.getByText(/Noisier signals, more red herrings/)).toBeVisible();
  const card = page.getByRole('article').filter({ hasText: 'Blank executive dashboard' });
  await expect(card).toContainText('Your record (hard)');
  await page.getByLabel('Seed').fill('1');
  await page.getByRole('radio', { name: '20×' }).check();
  await page.getByRole('button', { name: /Open briefing.*Blank executive dashboard/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Incident briefing' })).toBeVisible();
  await expect(page.getByText(/^Hard: Noisier signals/)).toBeVisible();
  await page.getByRole('button', { name: /Start/ }).click();
  // The hard level adds an #infra rumour about a broker restart, a plausible but wrong lead.
  await expect(page.getByText(/broker-3 was rolled for a kernel patch/)).toBeVisible({ timeout: 60_000 });
  expect(await savedSession(page)).toMatchObject({ scenarioId: 'avro-schema-break', seed: 1, level: 'hard' });
  await page.reload();
  await expect(page.getByText(/broker-3 was rolled for a kernel patch/)).toBeVisible();
  expect(errors).toEqual([]);
});
