import { expect, test } from '@playwright/test';
import { playBot, prepareRun } from '../../src/engine';
import { makeReplayFile } from '../../src/engine/debrief/replay-file';
import { makeRoundFile, type Attribution } from '../../src/rooms';
import { builtinRegistry } from '../../scripts/lib/builtin-scenarios';

// A finished mock round, as the interviewer's report downloads it: the model's run, typed by the candidate Cy.
const base = builtinRegistry().byId('avro-schema-break');
if (!base) throw new Error('the avro-schema-break scenario is missing');
const s = prepareRun(base, 2, 'normal');
const { state } = playBot(s, 'model', 2);
const attribution: Attribution[] = state.log.map((e, seq) => ({ seq, at: e.at, type: e.command.type, by: e.command.type === 'session.start' ? { seat: 'host', name: 'Ivy', role: 'host' } : { seat: 's-1', name: 'Cy', role: 'candidate' } }));
const round = makeRoundFile({ title: s.title, code: 'K7MP4Q', mode: 'interview', host: 'Ivy', participants: ['Cy'], attribution, replay: makeReplayFile(s, state), marks: [{ criterion: 'shared:diagnose-from-hypotheses', score: 3, evidence: [], notes: [], at: 600 }], notes: [] });
const line = (state.log.find((e) => e.command.type === 'terminal.run')?.command as { line: string } | undefined)?.line;
if (!line) throw new Error('the model types no command');

test('a second interviewer’s marks and the open round survive a reload; a corrupt saved review is reported and dropped', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/#/review');
  await page.getByLabel('Open a round file').setInputFiles({ name: 'round.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(round)) });
  const commands = page.getByRole('region', { name: /^Commands/ });
  await expect(commands.getByRole('listitem').filter({ hasText: line }).first()).toBeVisible({ timeout: 30_000 });
  const diagnoseIn = (p: typeof page) => p.getByRole('region', { name: /^Your rubric/ }).getByRole('listitem').filter({ has: p.getByRole('group', { name: /Diagnose from hypotheses/ }) });
  await page.getByLabel('Your name (in the report)').fill('Sam');
  await diagnoseIn(page).getByRole('button', { name: 'Collect evidence' }).click();
  await commands.getByRole('listitem').filter({ hasText: line }).first().getByRole('button', { name: /^Cite / }).click();
  await diagnoseIn(page).getByRole('radio', { name: /^2 / }).check();
  await expect(diagnoseIn(page).getByRole('list', { name: /Evidence for Diagnose/ })).toContainText(line);

  await page.reload();
  await expect(commands.getByRole('listitem').filter({ hasText: line }).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel('Your name (in the report)')).toHaveValue('Sam');
  await expect(diagnoseIn(page).getByRole('radio', { name: /^2 / })).toBeChecked();
  await expect(diagnoseIn(page).getByRole('radio', { name: /^3 / })).not.toBeChecked();
  await expect(diagnoseIn(page).getByRole('list', { name: /Evidence for Diagnose/ })).toContainText(line);
  await expect(page.getByText('Their marks are sealed until you reveal them.')).toBeVisible();

  // An entry edited by hand (or cut short) is said and dropped; the screen opens empty.
  await page.evaluate(() => {
    const hash = localStorage.getItem('firedrill.review.current') as string;
    localStorage.setItem(`firedrill.review.round.${hash}`, '{"version":1,"marks":');
  });
  await page.reload();
  await expect(page.getByRole('alert')).toHaveText('A review saved in this browser could not be restored: it is not valid JSON. It was dropped.');
  await expect(page.getByText('Open a round file')).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('firedrill.review.')))).toEqual([]);
});
