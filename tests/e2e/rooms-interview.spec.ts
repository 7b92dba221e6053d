import { readFileSync } from 'node:fs';
import { expectAccessible, expectAccessibleInBothThemes, watchForErrors } from './support';
import { createRoom, expect, joinByCode, personAt, test } from './rooms-support';

const line = 'kafka-consumer-groups --bootstrap-server kafka:9092 --describe --group orders-enricher';
const noteText = 'Opened with the consumer group: good instinct, asked why lag before logs.';
/** Where the screenshots of the interviewer's console go (looked at by a person, not asserted). */
const shots = process.env.FIREDRILL_SHOTS_DIR;

test('an interviewer sees the candidate’s command within a second, marks the rubric with it and exports the report; a second interviewer scores the replay on their own and compares; a drill starts from a moment of the round', async ({ browser, roomServer }) => {
  test.setTimeout(300_000);
  const interviewer = await personAt(browser, roomServer.url);
  const candidate = await personAt(browser, roomServer.url);
  const errors = [interviewer.page, candidate.page].map(watchForErrors);
  try {
    await interviewer.page.setViewportSize({ width: 1440, height: 900 });
    const code = await createRoom(interviewer.page, 'Mock interview', 'Ivy', '5×');
    await joinByCode(candidate.page, code, 'Cy', /^Candidate/);
    await interviewer.page.getByRole('button', { name: 'Start the incident' }).click();
    await expect(candidate.page.getByRole('main', { name: 'Incident console' })).toBeVisible({ timeout: 30_000 });
    // The candidate's console carries nothing of the interviewer's: no rubric, truth, probes or feed.
    for (const name of ['Rubric', 'Hidden truth', 'Live feed', 'Ask now', 'Private notes']) await expect(candidate.page.getByRole('heading', { name: new RegExp(`^${name}`) })).toHaveCount(0);

    const feed = interviewer.page.getByRole('region', { name: /^Live feed/ });
    const input = candidate.page.getByLabel(/command line/);
    await input.fill(line);
    // Timed in the browsers themselves (one machine, one clock): the candidate's Enter, and the moment the line appears in the interviewer's feed.
    await candidate.page.evaluate(() => document.addEventListener('keydown', (e) => e.key === 'Enter' && ((window as unknown as { sentAt: number }).sentAt = Date.now()), { capture: true, once: true }));
    const seen = interviewer.page.evaluate(
      (text) =>
        new Promise<number>((resolve) => {
          const feedList = () => document.querySelector('.host-feed')?.textContent ?? '';
          const observer = new MutationObserver(() => {
            if (!feedList().includes(text)) return;
            observer.disconnect();
            resolve(Date.now());
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        }),
      line,
    );
    await input.press('Enter');
    const item = feed.getByRole('listitem').filter({ hasText: line });
    await expect(item).toBeVisible({ timeout: 1000 });
    const seenAfterMs = (await seen) - (await candidate.page.evaluate(() => (window as unknown as { sentAt: number }).sentAt));
    test.info().annotations.push({ type: 'feed latency', description: `${seenAfterMs} ms` });
    console.log(`feed latency: ${seenAfterMs} ms`);
    expect(seenAfterMs).toBeLessThan(1000);
    await expect(item).toContainText('Cy');
    // Its output follows once the command has run (sim seconds at 5×).
    await expect(item.locator('pre')).toContainText('orders-enricher', { timeout: 20_000 });

    // Pause to ask a probe, then resume.
    const probes = interviewer.page.getByRole('region', { name: /^Ask now/ });
    await expect(probes.getByRole('listitem').first()).toBeVisible();
    await interviewer.page.getByRole('button', { name: 'Pause for everyone' }).click();
    await expect(candidate.page.getByText('Paused by the interviewer.')).toBeVisible({ timeout: 10_000 });

    // Mark the rubric with the command as evidence, and write a note.
    const rubric = interviewer.page.getByRole('region', { name: /^Rubric/ });
    const diagnose = rubric.getByRole('listitem').filter({ has: interviewer.page.getByRole('group', { name: /Diagnose from hypotheses/ }) });
    await diagnose.getByRole('button', { name: 'Collect evidence' }).click();
    await item.getByRole('button', { name: /^Cite / }).click();
    await expect(item.getByRole('button', { name: /^Cited / })).toHaveAttribute('aria-pressed', 'true', { timeout: 10_000 });
    await diagnose.getByRole('radio', { name: /^3 / }).check();
    await expect(diagnose.getByRole('list', { name: /Evidence for Diagnose/ })).toContainText(line, { timeout: 10_000 });
    await expect(rubric.getByRole('heading', { name: /Rubric/ })).toContainText('1/');
    const notes = interviewer.page.getByRole('region', { name: /^Private notes/ });
    await notes.getByRole('textbox').fill(noteText);
    await notes.getByRole('button', { name: 'Save note' }).click();
    await expect(notes.getByRole('listitem').filter({ hasText: noteText })).toBeVisible({ timeout: 10_000 });
    await expect(candidate.page.getByText(noteText)).toHaveCount(0);

    // The projector, opened on a second screen from the host's browser: the shared timeline in large type, none of the hidden truth.
    const statement = await interviewer.page.locator('.host-truth__statement').innerText();
    const projector = await interviewer.context.newPage();
    errors.push(watchForErrors(projector));
    await projector.setViewportSize({ width: 1440, height: 900 });
    await projector.goto(await interviewer.page.getByRole('textbox', { name: 'Projector link' }).inputValue());
    await expect(projector.getByRole('main', { name: 'Projector view' })).toBeVisible({ timeout: 30_000 });
    await expect(projector.getByRole('heading', { name: 'Timeline' })).toBeVisible();
    await expect(projector.getByText('Paused by the interviewer')).toBeVisible();
    expect(await projector.locator('body').innerText()).not.toContain(statement.slice(0, 60));
    await expectAccessibleInBothThemes(projector, 'projector');
    if (shots) await projector.screenshot({ path: `${shots}/projector-1440x900.png` });
    await projector.close();

    if (shots) {
      for (const [width, height] of [[1440, 900], [390, 844]] as const) {
        await interviewer.page.setViewportSize({ width, height });
        await interviewer.page.evaluate(() => window.scrollTo(0, 0));
        await interviewer.page.screenshot({ path: `${shots}/interviewer-${width}x${height}-top.png` });
        for (const part of ['Rubric', 'Hidden truth', 'Model walkthrough']) {
          await interviewer.page.getByRole('heading', { name: new RegExp(`^${part}`) }).scrollIntoViewIfNeeded();
          await interviewer.page.screenshot({ path: `${shots}/interviewer-${width}x${height}-${part.toLowerCase().replace(/ /g, '-')}.png` });
        }
      }
      await interviewer.page.setViewportSize({ width: 1440, height: 900 });
    }
    await expectAccessible(interviewer.page, "interviewer's console (dark)");

    // End the round; the engine scores it and the report is exported as Markdown.
    interviewer.page.once('dialog', (d) => void d.accept());
    await interviewer.page.getByRole('button', { name: 'End the incident' }).click();
    const report = interviewer.page.getByRole('region', { name: /^Report/ });
    await expect(report.getByText('Scored', { exact: true })).toBeVisible({ timeout: 30_000 });
    const [download] = await Promise.all([interviewer.page.waitForEvent('download'), report.getByRole('button', { name: 'Download report (Markdown)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^firedrill-avro-schema-break-seed\d+-interview-report\.md$/);
    const markdown = readFileSync((await download.path()) as string, 'utf8');
    expect(markdown).toMatch(/^# Mock interview report: Blank executive dashboard/);
    expect(markdown).toMatch(/\*\*\d+ \/ 100\*\* \(grade [A-F]\)/);
    expect(markdown).toContain('### Times against the model');
    expect(markdown).toContain('### Diagnose from hypotheses (shared): 3 / 4');
    expect(markdown).toMatch(new RegExp(`- \\d\\d:\\d\\d:\\d\\d \\(T[+-][\\d:]+\\) Cy: \`${line}\``));
    expect(markdown).toMatch(new RegExp(`- \\*\\*\\d\\d:\\d\\d:\\d\\d \\(T[+-][\\d:]+\\)\\*\\* ${noteText.replace(/[.:]/g, '\\$&')}`));
    expect(markdown).toContain('- Candidate: Cy');

    // A second interviewer scores the round's replay later, on their own, then compares.
    const [roundDownload] = await Promise.all([interviewer.page.waitForEvent('download'), report.getByRole('button', { name: 'Round for a second interviewer (JSON)' }).click()]);
    expect(roundDownload.suggestedFilename()).toMatch(/^firedrill-avro-schema-break-seed\d+-round\.json$/);
    const second = await personAt(browser, roomServer.url);
    errors.push(watchForErrors(second.page));
    try {
      await second.page.setViewportSize({ width: 1440, height: 900 });
      await second.page.goto('/#/review');
      await second.page.getByLabel('Open a round file').setInputFiles((await roundDownload.path()) as string);
      const commands = second.page.getByRole('region', { name: /^Commands/ });
      await expect(commands.getByRole('listitem').filter({ hasText: line })).toBeVisible({ timeout: 30_000 });
      await expect(second.page.getByText('Their marks are sealed until you reveal them.')).toBeVisible();
      // Nothing of the first interviewer's shows: not the mark, not the note.
      const ownRubric = second.page.getByRole('region', { name: /^Your rubric/ });
      const ownDiagnose = ownRubric.getByRole('listitem').filter({ has: second.page.getByRole('group', { name: /Diagnose from hypotheses/ }) });
      await expect(ownDiagnose.getByRole('radio', { name: /^3 / })).not.toBeChecked();
      await expect(second.page.getByText(noteText)).toHaveCount(0);
      await second.page.getByLabel('Your name (in the report)').fill('Sam');
      await ownDiagnose.getByRole('button', { name: 'Collect evidence' }).click();
      await commands.getByRole('listitem').filter({ hasText: line }).getByRole('button', { name: /^Cite / }).click();
      await ownDiagnose.getByRole('radio', { name: /^2 / }).check();
      await expect(ownDiagnose.getByRole('list', { name: /Evidence for Diagnose/ })).toContainText(line);
      await expectAccessibleInBothThemes(second.page, "second interviewer's review");
      await second.page.getByRole('button', { name: 'Lock my scores and reveal the first marks' }).click();
      const calibration = second.page.getByRole('region', { name: 'Calibration' });
      const diagnoseRow = calibration.getByRole('row', { name: /Diagnose from hypotheses/ });
      await expect(diagnoseRow).toContainText('3');
      await expect(diagnoseRow).toContainText('Differs by 1');
      await expect(ownRubric).toHaveCount(0);
      const [both] = await Promise.all([second.page.waitForEvent('download'), calibration.getByRole('button', { name: 'Download the report with both (Markdown)' }).click()]);
      const calibrated = readFileSync((await both.path()) as string, 'utf8');
      expect(calibrated).toContain("Sam scored the replay without seeing Ivy's marks.");
      expect(calibrated).toContain('| Diagnose from hypotheses | 3 | 2 | −1 | **differs** |');
      expect(calibrated).toContain('### Diagnose from hypotheses (shared): 3 / 4');
      expect(calibrated).toMatch(/\*\*\d+ \/ 100\*\* \(grade [A-F]\)/);
      await second.page.getByRole('button', { name: 'Light theme' }).click();
      await expectAccessible(second.page, "second interviewer's calibration (light)");
      if (shots) await second.page.screenshot({ path: `${shots}/second-interviewer-1440x900.png`, fullPage: true });
    } finally {
      await second.context.close();
    }

    for (const page of [interviewer.page]) {
      await page.getByRole('button', { name: 'Light theme' }).click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    }
    await expectAccessible(interviewer.page, "interviewer's console, scored (light)");
    if (shots) {
      await interviewer.page.evaluate(() => window.scrollTo(0, 0));
      await interviewer.page.screenshot({ path: `${shots}/interviewer-scored-1440x900.png` });
    }

    // Start a drill from the last moment the round was in play: a new room opens there, paused, the candidate's line in its feed.
    const branch = interviewer.page.getByRole('region', { name: 'Start a drill from here' });
    await branch.getByLabel('Moment of the run').focus();
    await interviewer.page.keyboard.press('End');
    await branch.getByRole('button', { name: /^Start a drill from / }).click();
    // The window moves to the new room's host link (the old room's link matches the pattern too, so wait for the move first).
    await expect(interviewer.page).not.toHaveURL(new RegExp(`/room/${code}/`), { timeout: 30_000 });
    await expect(interviewer.page).toHaveURL(/#\/room\/[A-Z2-9]{6}\/host\//);
    await expect(interviewer.page.getByRole('button', { name: 'Resume for everyone' })).toBeVisible({ timeout: 30_000 });
    await expect(interviewer.page.getByRole('region', { name: /^Live feed/ }).getByRole('listitem').filter({ hasText: line })).toBeVisible({ timeout: 30_000 });
    await expect(interviewer.page.getByRole('region', { name: /^Report/ }).getByText('Draft', { exact: true })).toBeVisible();
    expect(errors.flat()).toEqual([]);
  } finally {
    await interviewer.context.close();
    await candidate.context.close();
  }
});
