import { expect, test } from '@playwright/test';
import { openBriefing, typeLine, watchForErrors } from './support';

// The other specs block service workers so the offline notice never covers what they look at.
test.use({ serviceWorkers: 'allow' });

test('after a first visit the game opens, briefs and plays an incident with no network, and can be installed', async ({ page, context }) => {
  test.setTimeout(90_000);
  const errors = watchForErrors(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Choose an incident' })).toBeVisible();
  // The service worker precaches the whole build, then says so.
  await expect(page.getByRole('status').filter({ hasText: 'Firedrill is ready to play offline.' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });

  // Installable: a manifest with the icons a browser asks for, each of which loads.
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    if (!link) return null;
    return (await (await fetch(link.href)).json()) as { display: string; start_url: string; icons: { src: string; sizes: string }[] };
  });
  expect(manifest?.display).toBe('standalone');
  expect(manifest?.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest?.icons ?? []) {
    const response = await page.request.get(`/${icon.src}`);
    expect(response.ok(), icon.src).toBe(true);
  }

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Choose an incident' })).toBeVisible();

  // The lazily loaded screens come from the precache too: brief, start, type at the terminal.
  await openBriefing(page, /Blank executive dashboard/, 3, '20×');
  await page.getByRole('button', { name: 'Start the incident' }).click();
  await typeLine(page, 'kafka-consumer-groups --bootstrap-server kafka:9092 --describe --group orders-enricher');
  await expect(page.getByText(/GROUP\s+TOPIC\s+PARTITION/).first()).toBeVisible();
  await page.getByRole('button', { name: /Acknowledge orders_fact freshness/ }).click({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: /Acknowledge orders_fact freshness/ })).toHaveCount(0);
  expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
});
