import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { engineSummary, expectAccessibleInBothThemes, openBriefing, savedSession, watchForErrors } from './support';
import { playBot, prepareRun } from '../../src/engine';
import { makeReplayFile } from '../../src/engine/debrief/replay-file';
import { builtinRegistry } from '../../scripts/lib/builtin-scenarios';

test('debrief: figures match the engine, the scrubber replays the console and starts a drill from a moment, the replay round-trips in a fresh browser', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  const errors = watchForErrors(page);

  // A short run: start, acknowledge the page, end the incident early.
  await openBriefing(page, /Blank executive dashboard/, 1, '20×');
  await page.getByRole('button', { name: 'Start the incident' }).click();
  await page.getByRole('button', { name: /Acknowledge orders_fact freshness/ }).click({ timeout: 60_000 });
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'End incident' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Debrief' })).toBeVisible();

  // The score card is the engine's score for exactly these commands.
  const total = Number(await page.locator('.result-hero__points').innerText());
  const { summary } = engineSummary(await savedSession(page));
  expect(total).toBe(summary.score);
  for (const name of ['Incident times', 'Timeline', 'Decisions', 'Key steps against the model', 'Root cause', 'Status updates, rule by rule', 'Postmortem', 'Export']) {
    await expect(page.getByRole('region', { name })).toBeVisible();
  }
  // The first screen leads; the details are one click away, each listed once.
  const keySteps = page.getByRole('region', { name: 'Key steps against the model' });
  await expect(keySteps.getByText('not done').first()).toBeHidden();
  await keySteps.getByText('Show each key step, yours beside the model’s').click();
  await expect(keySteps.getByText('not done').first()).toBeVisible();
  // Communication and the postmortem are explained rule by rule: here nothing was posted or written.
  await expect(page.getByRole('region', { name: 'Status updates, rule by rule' }).getByText('No status update was posted.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Postmortem' }).getByText('No postmortem was submitted.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Outcomes' })).toContainText(/streaming records into orders_fact: 0 of [\d,]+|so far: the data never flowed again/);

  // Scrub: at the start no page has fired; at the end the page is on the pager.
  const frozen = page.getByRole('region', { name: /^State at / });
  const pager = frozen.getByRole('region', { name: 'Pager' });
  await expect(frozen.getByRole('heading', { name: 'State at 08:59:00' })).toBeVisible();
  await expect(pager.getByText('PAGE', { exact: true })).toHaveCount(0);
  const slider = page.getByRole('slider', { name: 'Scrub the incident timeline' });
  await slider.focus();
  await slider.press('End');
  await expect(frozen.getByRole('heading', { name: 'State at 08:59:00' })).toHaveCount(0);
  await expect(pager.getByText('PAGE', { exact: true }).first()).toBeVisible();

  await expectAccessibleInBothThemes(page, 'debrief');

  // Export the replay.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download replay (JSON)' }).click()]);
  expect(download.suggestedFilename()).toBe('firedrill-avro-schema-break-seed1-replay.json');
  const path = await download.path();
  const text = await readFile(path, 'utf8');
  const file = JSON.parse(text) as { score: { total: number } };
  expect(file.score.total).toBe(total);

  // Start a drill from just before the end: a new run paused there, same seed and the steps up to then; the finished run stays in the history.
  const original = await savedSession(page);
  const branch = frozen.getByRole('button', { name: 'Start a drill from here' });
  // One step before the last (the range snaps to whole ticks from the start, so the end itself may lie between two).
  await slider.press('ArrowLeft');
  await expect(branch).toBeEnabled();
  await branch.click();
  await expect(page.getByRole('main', { name: 'Incident console' })).toBeVisible();
  const branched = await savedSession(page);
  expect(branched.seed).toBe(original.seed);
  // Paused at the moment scrubbed to, with every step up to it and none after (the end among them).
  expect(branched.clock).toBeLessThan(original.clock);
  expect(branched.log).toEqual(original.log.filter((e) => e.at <= branched.clock));
  expect(branched.log.some((e) => e.command.type === 'session.end')).toBe(false);
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  await page.evaluate(() => (window.location.hash = '#/history'));
  await expect(page.getByRole('row').filter({ hasText: `${total} / 100` })).toHaveCount(1);
  expect(errors).toEqual([]);

  // A fresh browser: a tampered copy is refused, the real file opens the same debrief.
  const context = await browser.newContext({ baseURL });
  const fresh = await context.newPage();
  const freshErrors = watchForErrors(fresh);
  await fresh.goto('/');
  const input = fresh.getByLabel('Import a replay');
  const tampered = JSON.stringify({ ...file, score: { ...file.score, total: (file.score.total + 7) % 100 } });
  await input.setInputFiles({ name: 'tampered.json', mimeType: 'application/json', buffer: Buffer.from(tampered) });
  await expect(fresh.getByRole('alert')).toContainText(/edited or is corrupt/);
  await expect(fresh.getByRole('heading', { level: 1, name: 'Choose an incident' })).toBeVisible();

  await input.setInputFiles({ name: 'alex-run.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(fresh.getByRole('heading', { level: 1, name: 'Debrief' })).toBeVisible();
  expect(Number(await fresh.locator('.result-hero__points').innerText())).toBe(total);

  // Someone else's run: labelled with its file, and not in this browser's history until kept.
  const notice = fresh.getByRole('note').filter({ hasText: 'Someone’s run' });
  await expect(notice).toContainText('alex-run.json');
  await expect(notice).toContainText('not in your history');
  const showHash = (hash: string) => fresh.evaluate((h) => (window.location.hash = h), hash);
  await showHash('#/history');
  await expect(fresh.getByText('No finished attempts yet.')).toBeVisible();
  await fresh.goBack();
  await expect(notice).toBeVisible();
  await fresh.getByRole('button', { name: 'Keep in my history' }).click();
  await expect(notice).toContainText('Kept in your history, marked as imported');
  await showHash('#/history');
  const row = fresh.getByRole('row').filter({ hasText: 'imported' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`${total} / 100`);
  // It never became this browser's best score.
  await showHash('#/');
  await expect(fresh.getByText(/^Best: /)).toHaveCount(0);
  expect(freshErrors).toEqual([]);
  await context.close();
});

test('the debrief leads: the first screen holds the total, what cost most and the four times, and the whole page is half its old height', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchForErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  // The model's run on seed 1, as a replay file: the same run the page measured 7,324 px tall before its details folded.
  const base = builtinRegistry().byId('avro-schema-break');
  if (!base) throw new Error('no avro-schema-break');
  const scenario = prepareRun(base, 1, 'normal');
  const run = playBot(scenario, 'model', 1);
  const file = JSON.stringify({ ...makeReplayFile(scenario, run.state), exportedAt: '2026-12-06T12:00:00.000Z' });
  await page.goto('/');
  await page.getByLabel('Import a replay').setInputFiles({ name: 'model-run.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(page.getByRole('heading', { level: 1, name: 'Debrief' })).toBeVisible();

  const inFirstScreen = async (name: string, locator: ReturnType<typeof page.locator>) => {
    const box = await locator.boundingBox();
    expect(box, name).not.toBeNull();
    expect((box?.y ?? 0) + (box?.height ?? 0), `${name} ends inside the first 900 px`).toBeLessThanOrEqual(900);
  };
  await inFirstScreen('the total', page.locator('.result-hero__points'));
  await inFirstScreen('what cost most', page.getByRole('region', { name: 'What cost you most' }));
  const times = page.getByRole('region', { name: 'Incident times' });
  for (const measure of ['MTTD', 'MTTA', 'MTTM', 'MTTR']) await inFirstScreen(measure, times.getByRole('rowheader', { name: new RegExp(`^${measure}`) }));

  // Every time is a clock time; T± is on hover.
  const decisionTimes = page.getByRole('region', { name: 'Decisions' }).locator('time');
  await expect(decisionTimes.first()).toHaveText(/^\d\d:\d\d:\d\d$/);
  await expect(decisionTimes.first()).toHaveAttribute('title', /^T[+-]\d+:\d\d/);

  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThanOrEqual(7_324 / 2);
  await expectAccessibleInBothThemes(page, 'debrief of the model run');
  expect(errors).toEqual([]);
});
