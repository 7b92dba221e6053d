import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectAccessibleInBothThemes, savedSession, watchForErrors } from './support';

/** Opens the console of a fresh incident at a speed. */
async function startIncident(page: Page, speed: string, scenario = 'avro-schema-break'): Promise<void> {
  await page.goto('/#/');
  await page.getByRole('radio', { name: speed }).check();
  await page.goto(`/#/scenario/${scenario}?level=normal&seed=11`);
  await page.getByRole('button', { name: 'Start the incident' }).click();
  await expect(page.getByRole('main', { name: 'Incident console' })).toBeVisible();
}

/** Takes the keyboard out of any field, as clicking an empty part of the page would. */
async function leaveFields(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
}

const commandsSent = async (page: Page, type: string) => (await savedSession(page)).log.filter((e) => e.command.type === type).length;

test('Space pauses the clock and never presses the focused button; Enter does', async ({ page }) => {
  const errors = watchForErrors(page);
  await startIncident(page, '5×');
  const describe = page.getByRole('button', { name: /Open the stale-dashboard runbook/ });
  await describe.focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  await expect(describe).toBeFocused();
  expect(await commandsSent(page, 'action.start')).toBe(0);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  expect(await commandsSent(page, 'action.start')).toBe(0);

  // The same holds on a tab and on the pause button itself: one press, one toggle.
  await page.getByRole('tab', { name: 'SQL' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Terminal' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'Resume' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();

  await describe.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => commandsSent(page, 'action.start')).toBe(1);
  expect(errors).toEqual([]);
});

test('the documented shortcuts acknowledge the page, focus the terminal, write an update and search the logs, but never while typing', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchForErrors(page);
  await startIncident(page, '20×');

  // A: acknowledge the newest page.
  await expect(page.getByRole('button', { name: /Acknowledge orders_fact freshness/ })).toBeVisible({ timeout: 60_000 });
  await leaveFields(page);
  await page.keyboard.press('a');
  await expect(page.getByRole('button', { name: /Acknowledge orders_fact freshness/ })).toHaveCount(0);
  expect(await savedSession(page).then((s) => s.log.filter((e) => e.command.type === 'alert.acknowledge').map((e) => e.command))).toEqual([
    { type: 'alert.acknowledge', alert: expect.stringMatching(/fresh/) },
  ]);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();

  // T: the terminal, where every key is typed, not obeyed.
  await page.keyboard.press('t');
  const terminal = page.getByRole('textbox', { name: /command line/ });
  await expect(terminal).toBeFocused();
  await page.keyboard.type('a t u / 5 ? ');
  await expect(terminal).toHaveValue('a t u / 5 ? ');
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  await expect(page.getByRole('button', { name: '20× speed' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // U: the status update composer.
  await leaveFields(page);
  await page.keyboard.press('u');
  const update = page.getByLabel('Your update');
  await expect(update).toBeFocused();
  await page.keyboard.type('Investigating.');
  await expect(update).toHaveValue('Investigating.');
  await expectAccessibleInBothThemes(page, 'status update composer');

  // 1–5 pick a speed; ? lists every shortcut, and keys inside the dialog are the dialog's.
  await leaveFields(page);
  await page.keyboard.press('2');
  await expect(page.getByRole('button', { name: '2× speed' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const key of ['Space', '1 – 5', 'A', 'T', 'U', '/', '?']) await expect(dialog.getByRole('rowheader', { name: key, exact: true })).toBeVisible();
  await page.keyboard.press('5');
  await expect(page.getByRole('button', { name: '2× speed' })).toHaveAttribute('aria-pressed', 'true');
  await expectAccessible(page, 'shortcuts dialog (dark)');
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
  await expectAccessible(page, 'shortcuts dialog (light)');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(errors).toEqual([]);
});

test('the first Tab offers links that skip to each part of the console, on a laptop and on a phone', async ({ page }) => {
  await startIncident(page, '5×');
  await leaveFields(page);
  await page.keyboard.press('Tab');
  const skipToPager = page.getByRole('button', { name: 'Skip to the pager' });
  await expect(skipToPager).toBeFocused();
  await expect(skipToPager).toBeInViewport();
  await expectAccessible(page, 'skip links (dark)');
  await page.getByRole('button', { name: 'Skip to the tools' }).press('Enter');
  await expect(page.getByRole('group', { name: 'Tools' })).toBeFocused();
  await leaveFields(page);
  await page.keyboard.press('Tab');
  await page.getByRole('button', { name: 'Skip to the actions' }).press('Enter');
  await expect(page.getByRole('tablist', { name: 'Action groups' }).getByRole('tab', { selected: true })).toBeFocused();

  // On a phone the part's tab opens first.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'Light theme' }).click();
  await leaveFields(page);
  await page.keyboard.press('Tab');
  await expectAccessible(page, 'skip links on a phone (light)');
  await page.getByRole('button', { name: 'Skip to the chat' }).press('Enter');
  await expect(page.getByRole('tablist', { name: 'Console' }).getByRole('tab', { name: 'Chat & timeline' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Chat & timeline' })).toBeFocused();
  await leaveFields(page);
  await page.keyboard.press('t');
  await expect(page.getByRole('textbox', { name: /command line/ })).toBeFocused();
  await expect(page.getByRole('tablist', { name: 'Console' }).getByRole('tab', { name: 'Tools' })).toHaveAttribute('aria-selected', 'true');
});

test('/ starts a log search at the terminal', async ({ page }) => {
  const errors = watchForErrors(page);
  await startIncident(page, '20×', 'late-mobile-events');
  await leaveFields(page);
  await page.keyboard.press('/');
  const prompt = page.getByRole('textbox', { name: /command line/ });
  await expect(prompt).toBeFocused();
  await expect(prompt).toHaveValue('kubectl logs deployment/');
  // The player finishes it with completion and a grep, as on a real shell.
  await prompt.press('End');
  await prompt.pressSequentially('activity-aggregator-taskmanager --since=30m | grep -c INFO');
  await prompt.press('Enter');
  await expect(prompt).toHaveValue('', { timeout: 30_000 });
  await expect(page.getByText(/^\d+$/).last()).toBeVisible();
  expect(errors).toEqual([]);
});
