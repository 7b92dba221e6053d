import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/lib/builtin-scenarios.ts';
import { parseRoomLink, hostLink, joinLink } from '../../src/rooms';
import { removeDataDir, startServerProcess, type ServerProcess } from '../../scripts/lib/room-server-process.ts';
import { TestSeat } from './support/test-seat';

let server: ServerProcess;
const seats: TestSeat[] = [];
const track = (s: TestSeat) => (seats.push(s), s);

beforeAll(async () => {
  server = await startServerProcess();
}, 90_000);

afterAll(async () => {
  await Promise.allSettled(seats.map((s) => s.leave()));
  await server?.stop();
  if (server) removeDataDir(server.dataDir);
});

const drill = { mode: 'drill', name: 'Fran', scenario: { kind: 'builtin', id: 'stale-revenue-table' }, seed: 7, level: 'normal' } as const;

describe('joining a room', () => {
  it('gives the host a short code and a separate secret token, and participants join by code with a role', async () => {
    const host = track(await TestSeat.create(server.url, drill));
    const welcome = host.last('welcome');
    expect(welcome?.room.code).toMatch(/^[A-Z2-9]{6}$/);
    expect(welcome?.hostToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(welcome?.hostToken).not.toContain(welcome?.room.code);
    const code = welcome?.room.code as string;
    expect(parseRoomLink(new URL(joinLink('http://lan:8080', code)).hash)).toEqual({ code, hostToken: null });
    expect(parseRoomLink(new URL(hostLink('http://lan:8080', code, welcome?.hostToken as string)).hash)).toEqual({ code, hostToken: welcome?.hostToken });

    const ic = track(await TestSeat.join(server.url, code, { name: 'Ines', role: 'incident-commander' }));
    expect(ic.last('welcome')?.you).toMatchObject({ name: 'Ines', role: 'incident-commander' });
    expect(ic.last('welcome')?.hostToken).toBeUndefined();
    await host.until(() => (host.last('lobby')?.participants.length ?? 0) === 2, 'two in the lobby');
    expect(host.last('lobby')?.participants.map((p) => [p.name, p.role, p.connected])).toEqual(expect.arrayContaining([['Fran', 'host', true], ['Ines', 'incident-commander', true]]));
    expect(ic.view && 'hidden' in ic.view).toBe(false);
    expect(host.view && 'hidden' in host.view).toBe(true);
  });

  it('refuses the host seat without the right token, and a role the kind of room does not have', async () => {
    const host = track(await TestSeat.create(server.url, drill));
    const code = host.last('welcome')?.room.code as string;
    await expect(TestSeat.join(server.url, code, { name: 'Mallory', role: 'host', hostToken: 'A'.repeat(43) })).rejects.toThrow(/host token does not open/);
    await expect(TestSeat.join(server.url, code, { name: 'Cam', role: 'candidate' })).rejects.toThrow(/drill has no candidate role/);
    await expect(TestSeat.join(server.url, code, { name: 'Cam', role: 'wizard' } as never)).rejects.toThrow(/join options/);
    const again = track(await TestSeat.join(server.url, code, { name: 'Fran again', role: 'host', hostToken: host.last('welcome')?.hostToken as string }));
    expect(again.view && 'hidden' in again.view).toBe(true);
  });

  it('gives a late joiner the whole current state', async () => {
    const host = track(await TestSeat.create(server.url, drill));
    const code = host.last('welcome')?.room.code as string;
    const ops = track(await TestSeat.join(server.url, code, { name: 'Oli', role: 'operations' }));
    expect((await host.request('host.start', {})).id).toBeDefined();
    expect(await ops.command({ type: 'note.add', text: 'checking the DAG' })).toMatchObject({ rejected: null, duplicate: false });
    const late = track(await TestSeat.join(server.url, code, { name: 'Lee', role: 'observer' }));
    await ops.until(() => ops.view?.notes.length === 1, 'the note in the ops view');
    expect(late.view?.notes).toEqual(ops.view?.notes);
    expect(late.view?.timeline).toEqual(ops.view?.timeline);
    expect(late.log.map((l) => [l.type, l.by.name, l.by.role])).toEqual([['note.add', 'Oli', 'operations']]);
    expect(host.log.map((l) => [l.type, l.by.role])).toEqual([['session.start', 'host'], ['note.add', 'operations']]);
  });
});

describe('an imported scenario', () => {
  it('is checked like the in-app importer, off the event loop, while other rooms keep answering', async () => {
    const host = track(await TestSeat.create(server.url, drill));
    await host.request('host.start', {});
    const text = readFileSync(join(repoRoot, 'src/scenarios/stale-revenue-table.yaml'), 'utf8').replace(/^id: stale-revenue-table$/m, 'id: our-own-stale-mart');
    const creating = TestSeat.create(server.url, { ...drill, scenario: { kind: 'file', fileName: 'our-own.yaml', text } });
    // While the lint bots play the file, the running room still answers at once.
    const t0 = performance.now();
    for (let i = 0; i < 5; i += 1) expect(await host.command({ type: 'note.add', text: `during the import ${i}` })).toMatchObject({ rejected: null });
    const answerMs = (performance.now() - t0) / 5;
    const imported = track(await creating);
    expect(imported.last('welcome')?.room.scenario.id).toBe('our-own-stale-mart');
    expect(answerMs).toBeLessThan(500);
    const clash = readFileSync(join(repoRoot, 'src/scenarios/stale-revenue-table.yaml'), 'utf8');
    await expect(TestSeat.create(server.url, { ...drill, scenario: { kind: 'file', fileName: 'clash.yaml', text: clash } })).rejects.toThrow(/id of a built-in scenario/);
  });
});

describe('roles', () => {
  it('lets only the commander declare, only communications post updates, and observers send nothing', async () => {
    const host = track(await TestSeat.create(server.url, drill));
    const code = host.last('welcome')?.room.code as string;
    const join = async (name: string, role: 'incident-commander' | 'operations' | 'communications' | 'scribe' | 'observer') => track(await TestSeat.join(server.url, code, { name, role }));
    const [ic, ops, comms, scribe, observer] = await Promise.all([join('Ines', 'incident-commander'), join('Oli', 'operations'), join('Cora', 'communications'), join('Sam', 'scribe'), join('Obi', 'observer')]);
    await host.request('host.start', {});
    const severity = { type: 'incident.set-severity', severity: 'SEV2' } as const;
    expect(await ops.command(severity)).toMatchObject({ code: 'forbidden' });
    expect(await comms.command({ type: 'incident.declare-mitigated' })).toMatchObject({ code: 'forbidden' });
    expect(await ic.command(severity)).toMatchObject({ rejected: null });
    const update = { type: 'comms.post', text: 'Revenue dashboard is stale; investigating.' } as const;
    expect(await ic.command(update)).toMatchObject({ code: 'forbidden' });
    expect(await comms.command(update)).toMatchObject({ rejected: null });
    expect(await ops.command({ type: 'alert.acknowledge', alert: 'no-such-alert' })).toMatchObject({ rejected: 'there is no alert "no-such-alert"' });
    expect(await scribe.command({ type: 'note.add', text: '09:05 severity set' })).toMatchObject({ rejected: null });
    expect(await scribe.command({ type: 'action.start', action: 'anything' })).toMatchObject({ code: 'forbidden' });
    expect(await observer.command({ type: 'note.add', text: 'hi' })).toMatchObject({ code: 'forbidden' });
    expect(await ops.request('host.pause', { paused: true } as never)).toMatchObject({ code: 'forbidden' });
    await ic.until(() => ic.view?.severity === 'SEV2' && ic.view.messages.some((m) => m.kind === 'status-update'), 'severity and the update');
    // Refused messages never reach the log; what the engine refused is logged, attributed, and shown as rejected.
    await host.until(() => host.log.length === 5, 'five entries');
    expect(host.log.map((l) => [l.type, l.by.name, l.by.role])).toEqual([
      ['session.start', 'Fran', 'host'],
      ['incident.set-severity', 'Ines', 'incident-commander'],
      ['comms.post', 'Cora', 'communications'],
      ['alert.acknowledge', 'Oli', 'operations'],
      ['note.add', 'Sam', 'scribe'],
    ]);
  });

  it('lets the host move a participant to another role, which the server then enforces', async () => {
    const host = track(await TestSeat.create(server.url, drill));
    const ops = track(await TestSeat.join(server.url, host.last('welcome')?.room.code as string, { name: 'Oli', role: 'operations' }));
    await host.request('host.start', {});
    const seat = ops.last('welcome')?.you.seat as string;
    expect(await ops.command({ type: 'incident.set-severity', severity: 'SEV3' })).toMatchObject({ code: 'forbidden' });
    expect(await ops.request('host.assign', { seat, role: 'incident-commander' } as never)).toMatchObject({ code: 'forbidden' });
    host.send('host.assign', { seat, role: 'incident-commander' });
    await ops.until(() => ops.last('lobby')?.participants.some((p) => p.seat === seat && p.role === 'incident-commander') === true, 'the new role in the lobby');
    expect(await ops.command({ type: 'incident.set-severity', severity: 'SEV3' })).toMatchObject({ rejected: null });
    const from = host.received.length;
    host.send('host.assign', { seat, role: 'candidate' });
    expect(await host.nextError(from)).toMatchObject({ code: 'not-found', message: 'a drill has no candidate role' });
  });

  it('lets the single candidate of a mock round do everything a responder does', async () => {
    const host = track(await TestSeat.create(server.url, { ...drill, mode: 'interview' }));
    const candidate = track(await TestSeat.join(server.url, host.last('welcome')?.room.code as string, { name: 'Cy', role: 'candidate' }));
    expect(await candidate.command({ type: 'session.start' })).toMatchObject({ code: 'forbidden' });
    await host.request('host.start', {});
    for (const command of [{ type: 'incident.set-severity', severity: 'SEV1' }, { type: 'comms.post', text: 'Looking into it' }, { type: 'note.add', text: 'n' }, { type: 'incident.declare-mitigated' }] as const) {
      expect(await candidate.command(command)).toMatchObject({ rejected: null });
    }
  });
});
