import { afterAll, describe, expect, it } from 'vitest';
import { serverPool } from './support/server-pool';
import { TestSeat } from './support/test-seat';

const { track, serverOn, cleanUp } = serverPool();

afterAll(cleanUp);

const options = { mode: 'drill', name: 'Fran', scenario: { kind: 'builtin', id: 'stale-revenue-table' }, seed: 11, level: 'normal' } as const;

describe('reconnection', () => {
  it('brings a dropped participant back into the same seat and role, and never applies a resent command twice', { timeout: 120_000 }, async () => {
    const server = await serverOn();
    const host = track(await TestSeat.create(server.url, options));
    const ops = track(await TestSeat.join(server.url, host.last('welcome')?.room.code as string, { name: 'Oli', role: 'operations' }));
    const seat = ops.last('welcome')?.you.seat;
    await host.request('host.start', {});
    // The command leaves, then the network drops before (or after) its ack: the client resends it on return.
    ops.send('command', { id: 'note-1', command: { type: 'note.add', text: 'before the drop' } });
    ops.drop();
    await host.until(() => host.last('lobby')?.participants.some((p) => p.seat === seat && !p.connected) === true, 'the seat shown as away');
    await ops.reconnect();
    expect(ops.last('welcome')?.you).toMatchObject({ seat, name: 'Oli', role: 'operations' });
    const resent = await ops.command({ type: 'note.add', text: 'before the drop' }, 'note-1');
    expect(resent).toMatchObject({ id: 'note-1', rejected: null });
    await host.until(() => host.last('lobby')?.participants.some((p) => p.seat === seat && p.connected) === true, 'the seat back');
    await ops.until(() => ops.view?.notes.length === 1, 'the note');
    const again = await ops.command({ type: 'note.add', text: 'before the drop' }, 'note-1');
    expect(again).toMatchObject({ id: 'note-1', duplicate: true, seq: (resent as { seq: number }).seq });
    await host.sync();
    expect(host.log.filter((l) => l.type === 'note.add')).toHaveLength(1);
    expect(ops.view?.notes.map((n) => n.text)).toEqual(['before the drop']);
  });
});

describe('restart', () => {
  // Two server starts on a shared 2-core machine: seconds each.
  it('brings an open room back from its persisted log, paused where it was, with every seat and the pending inject', { timeout: 180_000 }, async () => {
    const first = await serverOn();
    const host = track(await TestSeat.create(first.url, options));
    const welcome = host.last('welcome');
    const code = welcome?.room.code as string;
    const ic = track(await TestSeat.join(first.url, code, { name: 'Ines', role: 'incident-commander' }));
    const icWelcome = ic.last('welcome');
    await host.request('host.start', {});
    expect(await ic.command({ type: 'incident.set-severity', severity: 'SEV2' })).toMatchObject({ rejected: null });
    expect(await ic.command({ type: 'note.add', text: 'checking freshness' })).toMatchObject({ rejected: null });
    await ic.until(() => (ic.view?.t ?? 0) >= 120, 'sim time 120');
    const atS = Math.ceil(host.clock?.t ?? 0) + 600;
    await host.request('host.inject', { inject: 'review-earlier', atS });
    await host.until(() => host.log.length === 3 && host.schedule.length === 1, 'the log and the schedule');
    await new Promise((r) => setTimeout(r, 1500)); // the running clock is saved every second
    const before = { log: host.log, t: host.clock?.t as number, notes: ic.view?.notes, severity: ic.view?.severity };

    await first.stop('SIGKILL');
    const second = await serverOn(first.dataDir);
    expect(second.output.join('')).toContain(`room ${code} restored: 3 entries`);

    await expect(ic.reconnect()).rejects.toThrow();
    const icBack = track(await TestSeat.join(second.url, code, { name: 'someone', role: 'observer', seatToken: icWelcome?.seatToken as string }));
    expect(icBack.last('welcome')?.you).toEqual(icWelcome?.you);
    const hostBack = track(await TestSeat.join(second.url, code, { name: 'Fran', role: 'host', hostToken: welcome?.hostToken as string }));
    expect(hostBack.log).toEqual(before.log);
    expect(hostBack.clock?.paused).toBe(true);
    expect(hostBack.clock?.t).toBeGreaterThanOrEqual(before.t - 10 * 5 * 1.5);
    expect(hostBack.clock?.t).toBeLessThan(atS);
    expect(icBack.view?.notes).toEqual(before.notes);
    expect(icBack.view?.severity).toBe(before.severity);
    expect(hostBack.schedule).toEqual([expect.objectContaining({ atS, firedSeq: null })]);

    hostBack.send('host.speed', { speed: 20 });
    hostBack.send('host.pause', { paused: false });
    await icBack.until(() => icBack.view?.timeline.some((e) => e.kind === 'inject') === true, 'the inject after the restart', 30_000);
    await hostBack.sync();
    expect(hostBack.log.filter((l) => l.type === 'facilitator.inject').map((l) => l.at)).toEqual([atS]);
  });
});
