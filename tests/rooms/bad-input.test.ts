import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roomLimits } from '../../src/rooms';
import { removeDataDir, startServerProcess, type ServerProcess } from '../../scripts/lib/room-server-process.ts';
import { TestSeat } from './support/test-seat';

let server: ServerProcess;
let host: TestSeat;
let player: TestSeat;
let bystander: TestSeat;
let floodAccepted = 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  server = await startServerProcess({ timeScale: 5 });
  host = await TestSeat.create(server.url, { mode: 'drill', name: 'Fran', scenario: { kind: 'builtin', id: 'consumer-lag-storm' }, seed: 5, level: 'normal' });
  const code = host.last('welcome')?.room.code as string;
  player = await TestSeat.join(server.url, code, { name: 'Pat', role: 'operations' });
  bystander = await TestSeat.join(server.url, code, { name: 'Bea', role: 'incident-commander' });
  await host.request('host.start', {});
}, 90_000);

afterAll(async () => {
  await Promise.allSettled([host, player, bystander].map((s) => s?.leave()));
  await server?.stop();
  if (server) removeDataDir(server.dataDir);
});

// Each refusal reaches the sender only, and the room goes on for everyone.
async function refused(send: () => void): Promise<{ code: string; message: string }> {
  await sleep(1100); // a fresh one-second window, so no case trips the flood limit of the one before
  const from = player.received.length;
  const bystanderFrom = bystander.received.length;
  const hostFrom = host.received.length;
  send();
  const error = await player.nextError(from);
  await sleep(100);
  expect(player.room.connection.isOpen).toBe(true);
  expect([...bystander.received.slice(bystanderFrom), ...host.received.slice(hostFrom)].filter((r) => r.type === 'error')).toEqual([]);
  return error;
}

describe('bad input', () => {
  it('refuses an unknown message type', async () => {
    expect(await refused(() => player.send('teleport', { to: 'prod' }))).toMatchObject({ code: 'unknown-type' });
  });

  it('refuses malformed payloads with what and where', async () => {
    expect(await refused(() => player.send('command', { id: 'x1', command: { type: 'alert.acknowledge' } }))).toMatchObject({ code: 'malformed', message: expect.stringContaining('command.alert') });
    expect(await refused(() => player.send('command', 'not an object'))).toMatchObject({ code: 'malformed' });
    expect(await refused(() => player.send('command', { id: 'has spaces!', command: { type: 'note.add', text: 'x' } }))).toMatchObject({ code: 'malformed', message: expect.stringContaining('id') });
    expect(await refused(() => player.send('command', { id: 'x2', command: { type: 'self.destruct' } }))).toMatchObject({ code: 'malformed' });
  });

  it('refuses bytes that do not decode, and binary messages', async () => {
    // ROOM_DATA (13), the type "command" as a schema string, then a msgpack byte that is never valid (0xc1).
    const bad = new Uint8Array([13, 0xa7, ...new TextEncoder().encode('command'), 0xc1, 0xc1]);
    expect(await refused(() => player.room.connection.send(bad))).toMatchObject({ code: 'malformed', message: expect.stringContaining('decoded') });
    expect(await refused(() => player.room.sendBytes('command', new Uint8Array([1, 2, 3])))).toMatchObject({ code: 'malformed' });
  });

  it('refuses an oversized payload', async () => {
    const big = 'x'.repeat(roomLimits.maxMessageBytes + 100);
    expect(await refused(() => player.send('command', { id: 'big', command: { type: 'note.add', text: big } }))).toMatchObject({ code: 'too-large' });
  });

  it('refuses commands the role may not send, and the host messages', async () => {
    expect(await refused(() => player.send('command', { id: 'sev', command: { type: 'incident.set-severity', severity: 'SEV1' } }))).toMatchObject({ code: 'forbidden', id: 'sev' });
    expect(await refused(() => player.send('host.end', { id: 'end' }))).toMatchObject({ code: 'forbidden', id: 'end' });
    expect(await refused(() => player.send('host.speed', { speed: 20 }))).toMatchObject({ code: 'forbidden' });
  });

  it('refuses commands stamped in the past or the future', async () => {
    expect(await refused(() => player.send('command', { id: 'old', at: -100_000, command: { type: 'note.add', text: 'late' } }))).toMatchObject({ code: 'stale', id: 'old' });
    expect(await refused(() => player.send('command', { id: 'new', at: 100_000, command: { type: 'note.add', text: 'early' } }))).toMatchObject({ code: 'future', id: 'new' });
  });

  it('refuses a flood, answers each dropped command by its id, and takes commands again a second later', async () => {
    await sleep(1100);
    const from = player.received.length;
    for (let i = 0; i < 200; i += 1) player.send('command', { id: `flood-${i}`, command: { type: 'note.add', text: `spam ${i}` } });
    await player.until(() => player.received.slice(from).filter((r) => r.type === 'ack').length >= roomLimits.maxMessagesPerSecond, 'the acks within the limit');
    await sleep(1500);
    const answers = player.received.slice(from);
    floodAccepted = answers.filter((r) => r.type === 'ack').length;
    // The burst arrives within a second or two, however busy the machine: one window's worth (or two) gets through.
    expect(floodAccepted).toBeGreaterThanOrEqual(roomLimits.maxMessagesPerSecond);
    expect(floodAccepted).toBeLessThanOrEqual(3 * roomLimits.maxMessagesPerSecond);
    const told = answers.flatMap((r) => (r.type === 'error' && r.message.code === 'flood' ? [r.message.id] : []));
    expect(told.length + floodAccepted).toBe(200);
    expect(new Set(told).size).toBe(told.length);
    await sleep(1100);
    expect(await player.command({ type: 'note.add', text: 'calm again' })).toMatchObject({ rejected: null });
  });

  it('keeps the room going for everyone else throughout', async () => {
    expect(await bystander.command({ type: 'incident.set-severity', severity: 'SEV2' })).toMatchObject({ rejected: null });
    const t = bystander.view?.t as number;
    await bystander.until(() => (bystander.view?.t ?? 0) > t, 'the clock moving on');
    await host.sync();
    expect(host.log.filter((l) => l.by.role === 'operations').map((l) => l.type)).toEqual(Array(floodAccepted + 1).fill('note.add'));
  });

  it('refuses bad create options and an oversized matchmaking request without falling over', async () => {
    await expect(TestSeat.create(server.url, { mode: 'drill', name: 'X', scenario: { kind: 'builtin', id: 'nope' }, seed: 1, level: 'normal' })).rejects.toThrow(/no built-in scenario "nope"/);
    await expect(TestSeat.create(server.url, { mode: 'drill', name: 'X', scenario: { kind: 'file', fileName: 'bad.yaml', text: 'id: [unclosed' }, seed: 1, level: 'normal' })).rejects.toThrow(/bad\.yaml/);
    await expect(TestSeat.create(server.url, { mode: 'party', name: 'X' } as never)).rejects.toThrow(/create options/);
    const res = await fetch(`${server.url}/matchmake/create/firedrill`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: 'x'.repeat(roomLimits.maxScenarioBytes * 2 + 10) });
    expect(res.status).toBe(413);
    expect(await bystander.command({ type: 'note.add', text: 'still here' })).toMatchObject({ rejected: null });
  });
});
