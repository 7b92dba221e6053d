import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDataDir, startServerProcess, type ServerProcess } from '../../scripts/lib/room-server-process.ts';
import { TestSeat } from './support/test-seat';

let server: ServerProcess;
const seats: TestSeat[] = [];
const track = (s: TestSeat) => (seats.push(s), s);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Wall time runs 10× for the clock, so speed 5 plays 50 sim seconds a second.
beforeAll(async () => {
  server = await startServerProcess({ timeScale: 10 });
}, 90_000);

afterAll(async () => {
  await Promise.allSettled(seats.map((s) => s.leave()));
  await server?.stop();
  if (server) removeDataDir(server.dataDir);
});

async function startedDrill() {
  const host = track(await TestSeat.create(server.url, { mode: 'drill', name: 'Fran', scenario: { kind: 'builtin', id: 'stale-revenue-table' }, seed: 3, level: 'normal' }));
  const player = track(await TestSeat.join(server.url, host.last('welcome')?.room.code as string, { name: 'Pat', role: 'player' }));
  await host.request('host.start', {});
  await player.until(() => player.clock?.stage === 'running', 'the clock running');
  return { host, player };
}

describe('the room clock', () => {
  it('freezes for everyone while the host pauses, and runs again at the speed the host sets', async () => {
    const { host, player } = await startedDrill();
    await player.until(() => (player.view?.t ?? -1e9) >= 60, 'sim time 60');
    host.send('host.pause', { paused: true });
    await player.until(() => player.clock?.paused === true, 'the pause');
    const frozen = player.clock?.t as number;
    const frozenEngine = player.view?.t as number;
    await sleep(1500);
    await player.sync();
    expect(player.clock).toMatchObject({ paused: true, t: frozen });
    expect(player.view?.t).toBe(frozenEngine);
    expect(host.clock).toMatchObject({ paused: true, t: frozen });

    host.send('host.speed', { speed: 20 });
    host.send('host.pause', { paused: false });
    await player.until(() => player.clock?.paused === false && player.clock.speed === 20, 'running at 20×');
    await player.until(() => (player.view?.t ?? 0) >= frozen + 400, 'the clock moving on');
  });

  it('fires a scheduled inject exactly once, at its sim time, even when the room was paused before it', async () => {
    const { host, player } = await startedDrill();
    await player.until(() => (player.view?.t ?? -1e9) >= 0, 'sim time 0');
    const atS = Math.ceil(host.clock?.t ?? 0) + 150;
    const ack = await host.request('host.inject', { inject: 'review-earlier', atS });
    expect(ack).toMatchObject({ seq: null, at: atS, rejected: null });
    await host.until(() => host.schedule.some((s) => s.atS === atS && s.firedSeq === null), 'the schedule');
    host.send('host.pause', { paused: true });
    await host.until(() => host.clock?.paused === true, 'the pause');
    expect(host.clock?.t).toBeLessThan(atS);
    await sleep(2000); // 100 sim seconds at this speed, had the clock been running
    host.send('host.pause', { paused: false });
    await player.until(() => player.view?.timeline.some((e) => e.kind === 'inject') === true, 'the inject on the player screen');
    await player.until(() => (player.view?.t ?? 0) >= atS + 200, 'time well past the inject');
    await host.sync();
    const injectEntries = host.log.filter((l) => l.type === 'facilitator.inject');
    expect(injectEntries).toEqual([expect.objectContaining({ at: atS, by: expect.objectContaining({ role: 'host' }) })]);
    expect(player.view?.timeline.filter((e) => e.kind === 'inject').map((e) => e.at)).toEqual([atS]);
    expect(host.schedule).toEqual([expect.objectContaining({ atS, firedSeq: injectEntries[0]?.seq })]);
    // Players never see the host's schedule or entries.
    expect(player.log.some((l) => l.by.role === 'host')).toBe(false);
    expect(player.received.some((r) => 'schedule' in (r.message as object))).toBe(false);
  });

  it('refuses an inject scheduled in the past, or one the scenario does not have', async () => {
    const { host } = await startedDrill();
    expect(await host.request('host.inject', { inject: 'review-earlier', atS: -5000 })).toMatchObject({ code: 'stale' });
    expect(await host.request('host.inject', { inject: 'no-such-inject', atS: 5000 })).toMatchObject({ code: 'not-found' });
  });
});
