import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { playBot, prepareRun, summarizeRun } from '../../src/engine';
import { loadScenario } from '../../src/scenarios/load-scenario';
import { repoRoot } from '../../scripts/lib/builtin-scenarios';
import { expectAccessibleInBothThemes, watchForErrors } from './support';

// The scenario docs/writing-a-scenario.md builds step by step: a team's own incident, written by following the guide.
const file = join(repoRoot, 'docs', 'examples', 'flash-sale-lag.yaml');
const text = readFileSync(file, 'utf8');
const loaded = loadScenario(text);
if (!loaded.ok) throw new Error(`the guide's example does not load: ${JSON.stringify(loaded.problems[0])}`);
const example = loaded.scenario;

test('a scenario written by following the guide imports into the app and plays to the model score', async ({ page }) => {
  test.setTimeout(150_000);
  const errors = watchForErrors(page);
  await page.goto('/');
  await page.getByLabel('Import a scenario').setInputFiles({ name: 'flash-sale-lag.yaml', mimeType: 'application/yaml', buffer: Buffer.from(text) });
  const card = page.getByRole('article', { name: example.title });
  await expect(card).toContainText('Imported', { timeout: 60_000 });

  // Played live: the briefing and the console come from the imported file.
  await page.getByLabel('Seed').fill('1');
  await page.getByRole('radio', { name: '20×' }).check();
  await card.getByRole('button', { name: /Open briefing/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Incident briefing' })).toBeVisible();
  await expect(page.getByText(example.briefing.deadline.label).first()).toBeVisible();
  await page.getByRole('button', { name: /Start the incident/ }).click();
  await expect(page.getByRole('navigation', { name: 'Incident phase' })).toBeVisible();
  const firstPage = example.alerts.find((a) => a.severity === 'page');
  await expect(page.getByText(firstPage?.title ?? '').first()).toBeVisible();
  await expectAccessibleInBothThemes(page, 'console of an imported scenario');

  // The model's whole run on the same seed, resumed in the browser, scores what the engine says.
  const s = prepareRun(example, 1, 'normal');
  const model = playBot(s, 'model', 1);
  const { summary } = summarizeRun(s, model.state, 'model');
  // Set before the app starts: leaving the page saves the live session over anything set earlier.
  await page.addInitScript((session) => localStorage.setItem('firedrill.session.v1', session), JSON.stringify({ scenarioId: example.id, scenarioVersion: example.version, seed: 1, level: 'normal', log: model.log, clock: s.clock.endS, hintsOn: true }));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Debrief' })).toBeVisible({ timeout: 60_000 });
  expect(Number(await page.locator('.result-hero__points').innerText())).toBe(summary.score);
  expect(summary.score).toBe(summary.maxScore);

  // The finished run is kept in this browser's history, filed under its scenario and level.
  await page.getByRole('button', { name: 'Back to catalogue' }).first().click();
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
  const section = page.getByRole('region', { name: `${example.title} Normal level` });
  await expect(section.getByRole('table', { name: `Attempts at ${example.title}, normal level, newest first` })).toContainText(String(summary.score));
  await expectAccessibleInBothThemes(page, 'history');
  expect(errors).toEqual([]);
});
