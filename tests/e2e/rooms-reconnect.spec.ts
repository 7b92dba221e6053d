import { watchForErrors } from './support';
import { createRoom, expect, joinByCode, personAt, test } from './rooms-support';

test('a player whose browser closes comes back into the same seat, with the room going on for the others', async ({ browser, roomServer }) => {
  test.setTimeout(240_000);
  const host = await personAt(browser, roomServer.url);
  const commander = await personAt(browser, roomServer.url);
  const observer = await personAt(browser, roomServer.url);
  const errors = [host.page, observer.page].map(watchForErrors);
  try {
    const code = await createRoom(host.page, 'Run a drill', 'Fay', '5×');
    await joinByCode(commander.page, code, 'Ana', /^Incident commander/);
    await joinByCode(observer.page, code, 'Olu', /^Observer/);
    const lobby = host.page.getByRole('list', { name: 'Participants' });
    await expect(lobby.getByRole('listitem')).toHaveCount(3);
    await host.page.getByRole('button', { name: 'Start the incident' }).click();
    await expect(commander.page.getByRole('main', { name: 'Incident console' })).toBeVisible({ timeout: 30_000 });

    // The commander declares a severity, then their browser goes away.
    await commander.page.getByRole('tablist', { name: 'Action groups' }).getByRole('tab', { name: 'Declare' }).click();
    await commander.page.getByRole('button', { name: 'SEV2' }).click();
    await expect(observer.page.getByText('SEV2').first()).toBeVisible({ timeout: 15_000 });
    const saved = await commander.context.storageState();
    await commander.context.close();
    await expect(lobby.getByRole('listitem').filter({ hasText: 'Ana' })).toContainText('away', { timeout: 30_000 });

    // The same browser opens the room's link again: it takes back the seat without asking.
    const back = await personAt(browser, `${roomServer.url}/#/room/${code}`, saved);
    await expect(back.page.getByRole('main', { name: 'Incident console' })).toBeVisible({ timeout: 30_000 });
    await expect(back.page.getByText('Ana · Incident commander')).toBeVisible();
    await expect(back.page.getByText('SEV2').first()).toBeVisible();
    await expect(lobby.getByRole('listitem')).toHaveCount(3);
    await expect(lobby.getByRole('listitem').filter({ hasText: 'Ana' })).toContainText('connected', { timeout: 30_000 });
    await expect(lobby.getByRole('listitem').filter({ hasText: 'Ana' })).toContainText('Incident commander');
    await back.context.close();
    expect(errors.flat()).toEqual([]);
  } finally {
    await host.context.close();
    await observer.context.close();
  }
});

test('after a server restart mid-drill, host and player reconnect by themselves into their seats, paused', async ({ browser, roomServer }) => {
  test.setTimeout(240_000);
  const host = await personAt(browser, roomServer.url);
  const player = await personAt(browser, roomServer.url);
  try {
    const code = await createRoom(host.page, 'Mock interview', 'Ivo', '5×');
    await joinByCode(player.page, code, 'Cam', /^Candidate/);
    await host.page.getByRole('button', { name: 'Start the incident' }).click();
    await expect(player.page.getByRole('main', { name: 'Incident console' })).toBeVisible({ timeout: 30_000 });

    await roomServer.restart();
    await expect(player.page.getByText('Connected', { exact: true })).toBeVisible({ timeout: 60_000 });
    await expect(player.page.getByText('Cam · Candidate')).toBeVisible();
    await expect(player.page.getByText('Paused by the interviewer.')).toBeVisible({ timeout: 15_000 });
    await expect(host.page.getByRole('button', { name: 'Resume for everyone' })).toBeVisible({ timeout: 60_000 });
    const lobby = host.page.getByRole('list', { name: 'Participants' });
    await expect(lobby.getByRole('listitem')).toHaveCount(2);
    await expect(lobby.getByRole('listitem').filter({ hasText: 'Cam' })).toContainText('connected', { timeout: 30_000 });
    await host.page.getByRole('button', { name: 'Resume for everyone' }).click();
    await expect(player.page.getByText('Paused by the interviewer.')).toHaveCount(0, { timeout: 15_000 });
  } finally {
    await host.context.close();
    await player.context.close();
  }
});
