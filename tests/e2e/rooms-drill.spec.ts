import { expectAccessible, expectAccessibleInBothThemes, watchForErrors } from './support';
import { createRoom, expect, joinByCode, personAt, test } from './rooms-support';

const clockLabel = (page: import('@playwright/test').Page) => page.getByRole('timer').first().getAttribute('aria-label');

test('a host and a player start a room by code; pause freezes the player; an inject reaches the player', async ({ browser, roomServer }) => {
  test.setTimeout(240_000);
  const host = await personAt(browser, roomServer.url);
  const player = await personAt(browser, roomServer.url);
  const errors = [...[host.page, player.page].map(watchForErrors)];
  try {
    const code = await createRoom(host.page, 'Run a drill', 'Fay', '10×');
    await expect(host.page.getByRole('heading', { level: 1, name: 'Blank executive dashboard' })).toBeVisible();
    await expect(host.page.getByRole('textbox', { name: "Participants' link" })).toHaveValue(new RegExp(`/#/room/${code}$`));
    await expect(host.page.getByRole('textbox', { name: 'Your host link (secret)' })).toHaveValue(new RegExp(`/#/room/${code}/host/[A-Za-z0-9_-]{43}$`));

    await joinByCode(player.page, code, 'Ana', /^Player/);
    const lobby = host.page.getByRole('list', { name: 'Participants' });
    await expect(lobby.getByRole('listitem').filter({ hasText: 'Ana' })).toContainText('Player');
    await expect(lobby.getByRole('listitem').filter({ hasText: 'Ana' })).toContainText('connected');

    // The host starts: the player's console opens, driven by the room's clock.
    await host.page.getByRole('button', { name: 'Start the incident' }).click();
    await expect(player.page.getByRole('main', { name: 'Incident console' })).toBeVisible({ timeout: 30_000 });
    await expect(player.page.getByText('Connected', { exact: true })).toBeVisible();
    await expect(player.page.getByRole('button', { name: 'Pause' })).toHaveCount(0);
    const running = await clockLabel(player.page);
    await expect.poll(() => clockLabel(player.page), { timeout: 15_000 }).not.toBe(running);

    // Pause freezes the player's clock, with the facilitator's banner.
    await host.page.getByRole('button', { name: 'Pause for everyone' }).click();
    await expect(player.page.getByText('Paused by the facilitator.')).toBeVisible({ timeout: 10_000 });
    const frozen = await clockLabel(player.page);
    await player.page.waitForTimeout(2500);
    expect(await clockLabel(player.page)).toBe(frozen);

    await host.page.getByRole('button', { name: 'Resume for everyone' }).click();
    await expect(player.page.getByText('Paused by the facilitator.')).toHaveCount(0, { timeout: 10_000 });

    // An inject fired by the host reaches the player's chat.
    await host.page.getByRole('button', { name: 'Fire now: The CEO joins the review' }).click();
    await expect(host.page.getByText(/^Fired at \d\d:\d\d/)).toBeVisible({ timeout: 10_000 });
    await expect(player.page.getByText(/The CEO is joining the review/).first()).toBeVisible({ timeout: 15_000 });
    expect(errors.flat()).toEqual([]);
  } finally {
    await host.context.close();
    await player.context.close();
  }
});

test('the room screens pass axe in both themes', async ({ browser, roomServer }) => {
  test.setTimeout(240_000);
  const host = await personAt(browser, roomServer.url);
  const player = await personAt(browser, roomServer.url);
  try {
    await host.page.getByRole('button', { name: 'Mock interview' }).click();
    await expectAccessibleInBothThemes(host.page, 'new room form');
    await host.page.getByRole('button', { name: 'Cancel' }).click();
    const code = await createRoom(host.page, 'Mock interview', 'Ivo');
    await player.page.getByRole('button', { name: 'Join a room' }).click();
    await expectAccessibleInBothThemes(player.page, 'join form');
    await player.page.getByLabel('Room code or link').fill(code);
    await player.page.getByRole('button', { name: 'Continue' }).click();
    await expectAccessibleInBothThemes(player.page, 'seat form');
    await player.page.getByLabel('Your name').fill('Cam');
    await player.page.getByRole('radio', { name: /^Candidate/ }).check();
    await player.page.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(player.page.getByText('You are in.', { exact: false })).toBeVisible({ timeout: 30_000 });
    await expectAccessibleInBothThemes(player.page, 'room lobby');
    await expectAccessibleInBothThemes(host.page, 'host screen');
    await host.page.getByRole('button', { name: 'Start the incident' }).click();
    await host.page.getByRole('button', { name: 'Pause for everyone' }).click();
    await expect(player.page.getByText('Paused by the interviewer.')).toBeVisible({ timeout: 30_000 });
    await expectAccessible(player.page, 'room console, paused (dark)');
    await expectAccessible(host.page, 'host screen, running (dark)');
    for (const page of [host.page, player.page]) {
      await page.getByRole('button', { name: 'Light theme' }).click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    }
    await expectAccessible(player.page, 'room console, paused (light)');
    await expectAccessible(host.page, 'host screen, running (light)');
  } finally {
    await host.context.close();
    await player.context.close();
  }
});
