import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { prepareRun } from '../../src/engine';
import { builtinRegistry } from '../../scripts/lib/builtin-scenarios';
import { expectAccessible, watchForErrors } from './support';
import { createRoom, expect, joinByCode, personAt, test } from './rooms-support';

const noteText = 'Ines asked for the consumer lag before anyone touched the job: note for the debrief.';
/** Where the screenshots of the facilitator's console go (looked at by a person, not asserted). */
const shots = process.env.FIREDRILL_SHOTS_DIR;
const clockLabel = (page: Page) => page.getByRole('timer').first().getAttribute('aria-label');

/** The room's sim time on the facilitator's clock card, in seconds (from its T±m:ss). */
async function hostSimTime(page: Page): Promise<number> {
  const text = (await page.locator('.room-clock__relative').innerText()).trim();
  const m = /^T([+-])(?:(\d+):)?(\d+):(\d\d)$/.exec(text);
  if (!m) throw new Error(`unreadable clock "${text}"`);
  const s = Number(m[2] ?? 0) * 3600 + Number(m[3]) * 60 + Number(m[4]);
  return m[1] === '-' ? -s : s;
}

test('a facilitator runs a drill for two players in different roles to the debrief: pause, a scheduled inject, a hint to one, the projector and private notes', async ({ browser, roomServer }) => {
  test.setTimeout(420_000);
  const fay = await personAt(browser, roomServer.url);
  const ines = await personAt(browser, roomServer.url);
  const omar = await personAt(browser, roomServer.url);
  const players = [ines.page, omar.page];
  const errors = [fay.page, ...players].map(watchForErrors);
  try {
    await fay.page.setViewportSize({ width: 1440, height: 900 });
    const code = await createRoom(fay.page, 'Run a drill', 'Fay', '10×');
    await joinByCode(ines.page, code, 'Ines', /^Incident commander/);
    await joinByCode(omar.page, code, 'Omar', /^Operations/);
    const seed = Number(/seed (\d+)/.exec(await fay.page.getByText(/ · seed \d+/).innerText())?.[1]);
    const base = builtinRegistry().byId('avro-schema-break');
    if (!base) throw new Error('avro-schema-break is missing');
    const hint = prepareRun(base, seed, 'normal').hints[0]?.text as string;

    await fay.page.getByRole('button', { name: 'Start the incident' }).click();
    for (const page of players) await expect(page.getByRole('main', { name: 'Incident console' })).toBeVisible({ timeout: 60_000 });

    // An inject scheduled two sim minutes ahead waits on the facilitator's list, then reaches both when the clock gets there.
    const atMin = Math.floor((await hostSimTime(fay.page)) / 60) + 3;
    await fay.page.getByLabel('Schedule The CEO joins the review at T+ minutes').fill(String(atMin));
    await fay.page.getByLabel('Schedule The CEO joins the review at T+ minutes').press('Enter');
    await expect(fay.page.getByText(/^Scheduled at \d\d:\d\d/)).toBeVisible({ timeout: 15_000 });

    // Pause freezes both players, with the facilitator's banner on each.
    await fay.page.getByRole('button', { name: 'Pause for everyone' }).click();
    for (const page of players) await expect(page.getByText('Paused by the facilitator.')).toBeVisible({ timeout: 15_000 });
    const frozen = await Promise.all(players.map(clockLabel));
    // Watch the clocks for a while (a frozen clock has nothing to wait for).
    await fay.page.waitForTimeout(2000);
    expect(await Promise.all(players.map(clockLabel))).toEqual(frozen);
    expect(await hostSimTime(fay.page)).toBeLessThan(atMin * 60);
    for (const page of players) await expect(page.getByText(/The CEO is joining the review/)).toHaveCount(0);

    // The facilitator's screenshots, mid-drill and paused.
    if (shots) {
      for (const [width, height] of [[1440, 900], [390, 844]] as const) {
        await fay.page.setViewportSize({ width, height });
        await fay.page.evaluate(() => window.scrollTo(0, 0));
        await fay.page.screenshot({ path: `${shots}/facilitator-${width}x${height}-top.png` });
        await fay.page.getByRole('heading', { name: /^Clock/ }).scrollIntoViewIfNeeded();
        await fay.page.screenshot({ path: `${shots}/facilitator-${width}x${height}-clock.png` });
        await fay.page.getByRole('heading', { name: /^Lobby/ }).scrollIntoViewIfNeeded();
        await fay.page.screenshot({ path: `${shots}/facilitator-${width}x${height}-lobby.png` });
      }
      await fay.page.setViewportSize({ width: 1440, height: 900 });
    }

    await fay.page.getByRole('button', { name: 'Resume for everyone' }).click();
    for (const page of players) await expect(page.getByText(/The CEO is joining the review/).first()).toBeVisible({ timeout: 90_000 });
    await expect(fay.page.getByText(/^Fired at \d\d:\d\d/)).toBeVisible({ timeout: 15_000 });
    expect(await hostSimTime(fay.page)).toBeGreaterThanOrEqual(atMin * 60);

    // A hint released to Omar alone: on his timeline, nowhere on Ines's.
    await fay.page.getByLabel('Hint to').selectOption({ label: 'Omar (Operations)' });
    await fay.page.getByRole('button', { name: /^Release a hint/ }).click();
    await expect(fay.page.getByRole('button', { name: /^Release a hint \(2 left\)/ })).toBeVisible({ timeout: 15_000 });
    await omar.page.getByRole('tab', { name: 'Timeline' }).click();
    await expect(omar.page.getByText(hint).first()).toBeVisible({ timeout: 15_000 });
    await ines.page.getByRole('tab', { name: 'Timeline' }).click();
    await expect(ines.page.getByText(/The CEO is joining the review/).first()).toBeVisible();
    expect(await ines.page.locator('body').innerText()).not.toContain(hint);
    // The facilitator's feed says whom it went to.
    await expect(fay.page.getByRole('region', { name: /^Live feed/ }).getByRole('listitem').filter({ hasText: `Hint to Omar (Operations): ${hint}` })).toBeVisible({ timeout: 15_000 });

    // The facilitator moves Omar to scribe and back: his console says so.
    await fay.page.getByLabel('Role of Omar').selectOption({ label: 'Scribe' });
    await expect(omar.page.getByText('You are now Scribe.')).toBeVisible({ timeout: 15_000 });
    await fay.page.getByLabel('Role of Omar').selectOption({ label: 'Operations' });
    await expect(omar.page.getByText('You are now Operations.')).toBeVisible({ timeout: 15_000 });

    // A private note, pinned to the room's time.
    const notes = fay.page.getByRole('region', { name: /^Private notes/ });
    await notes.getByRole('textbox').fill(noteText);
    await notes.getByRole('button', { name: 'Save note' }).click();
    await expect(notes.getByRole('listitem').filter({ hasText: noteText })).toBeVisible({ timeout: 15_000 });

    // The projector, on a second screen of the facilitator's: the timeline in large type, none of the hidden truth.
    const statement = await fay.page.locator('.host-truth__statement').innerText();
    const projector = await fay.context.newPage();
    errors.push(watchForErrors(projector));
    await projector.setViewportSize({ width: 1440, height: 900 });
    await projector.goto(await fay.page.getByRole('textbox', { name: 'Projector link' }).inputValue());
    await expect(projector.getByRole('main', { name: 'Projector view' })).toBeVisible({ timeout: 30_000 });
    await expect(projector.getByRole('heading', { name: 'Timeline' })).toBeVisible();
    await expect(projector.getByText(/The CEO is joining the review/).first()).toBeVisible({ timeout: 15_000 });
    const onProjector = await projector.locator('body').innerText();
    for (const secret of [statement.slice(0, 60), noteText, hint]) expect(onProjector).not.toContain(secret);
    await projector.close();

    await expectAccessible(fay.page, "facilitator's console, running (dark)");
    await expectAccessible(omar.page, "player's console after a role change (dark)");

    // End the drill: everyone goes to the debrief; the facilitator's report carries the note, no player's screen does.
    fay.page.once('dialog', (d) => void d.accept());
    await fay.page.getByRole('button', { name: 'End the incident' }).click();
    for (const page of players) await expect(page.getByText('The incident is over.', { exact: false })).toBeVisible({ timeout: 60_000 });
    const report = fay.page.getByRole('region', { name: /^Report/ });
    await expect(report.getByText('Scored', { exact: true })).toBeVisible({ timeout: 60_000 });
    const [download] = await Promise.all([fay.page.waitForEvent('download'), report.getByRole('button', { name: 'Download report (Markdown)' }).click()]);
    const markdown = readFileSync((await download.path()) as string, 'utf8');
    expect(markdown).toMatch(/^# Fire drill report: Blank executive dashboard/);
    expect(markdown).toContain(noteText);
    expect(markdown).toMatch(/\*\*\d+ \/ 100\*\* \(grade [A-F]\)/);
    expect(markdown).toContain('Hints used');
    for (const page of players) expect(await page.locator('body').innerText()).not.toContain(noteText);

    for (const page of [fay.page, omar.page]) {
      await page.getByRole('button', { name: 'Light theme' }).click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    }
    await expectAccessible(fay.page, "facilitator's console, over (light)");
    await expectAccessible(omar.page, "player's room after the end (light)");
    expect(errors.flat()).toEqual([]);
  } finally {
    await Promise.allSettled([fay, ines, omar].map((p) => p.context.close()));
  }
});
