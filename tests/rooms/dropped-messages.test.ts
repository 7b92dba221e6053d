import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roomLimits } from '../../src/rooms';
import type { Command } from '../../src/scenarios/schema';
import { appConsoles, until } from './support/app-console';
import { serverPool } from './support/server-pool';
import { TestSeat } from './support/test-seat';

const pool = serverPool(5);
const consoles = appConsoles(() => url);
let url: string;
let host: TestSeat;
let code: string;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  url = (await pool.serverOn()).url;
  host = pool.track(await TestSeat.create(url, { mode: 'drill', name: 'Fran', scenario: { kind: 'builtin', id: 'stale-revenue-table' }, seed: 3, level: 'normal' }));
  code = host.last('welcome')?.room.code as string;
  await host.request('host.start', {});
  // A frozen clock keeps a typed line running for as long as the test needs it to.
  host.send('host.pause', { paused: true });
  await host.until(() => host.clock?.paused === true, 'the paused clock');
}, 90_000);

afterAll(async () => {
  consoles.leaveAll();
  await pool.cleanUp();
});

describe('a refused message is never silent', () => {
  it('answers every command of a flood by its id, accepted or refused with the reason', async () => {
    const flooder = pool.track(await TestSeat.join(url, code, { name: 'Flo', role: 'operations' }));
    await sleep(1100);
    const from = flooder.received.length;
    const ids = Array.from({ length: 60 }, (_, i) => `burst-${i}`);
    for (const id of ids) flooder.send('command', { id, command: { type: 'note.add', text: id } });
    const answerTo = (id: string) => flooder.received.slice(from).filter((r) => (r.type === 'ack' || r.type === 'error') && r.message.id === id);
    await flooder.until(() => ids.every((id) => answerTo(id).length > 0), 'an answer to every command of the burst');
    await sleep(300);
    for (const id of ids) expect(answerTo(id)).toHaveLength(1);
    const refusals = ids.map((id) => answerTo(id)[0]).filter((r) => r?.type === 'error');
    expect(refusals.length).toBeGreaterThan(0);
    for (const r of refusals) expect(r?.message).toMatchObject({ code: 'flood', type: 'command', message: expect.stringContaining(`more than ${roomLimits.maxMessagesPerSecond} messages`) });
  });

  it("frees the app's prompt when a line sent while the prompt is busy is refused, saying why", async () => {
    const ops = await consoles.join(code, 'Omar', 'operations');
    const first: Command = { type: 'terminal.run', line: 'kubectl get pods' };
    const second: Command = { type: 'terminal.run', line: 'kubectl rollout restart deployment/airflow-scheduler' };
    ops.send(first);
    ops.send(second);
    expect(ops.store.getState().sending).toEqual([first, second]);
    await until(() => ops.store.getState().sending?.length === 0, 'both lines answered');
    expect(ops.store.getState().refused).toMatchObject({ command: second, reason: expect.stringMatching(/still running/) });
    expect(ops.room.getState().pending).toBe(0);
    await until(() => ops.store.getState().view?.terminal.some((e) => e.line === first.line) === true, 'the first line in the view');
    expect(ops.store.getState().view?.terminal.map((e) => e.line)).not.toContain(second.line);
  });

  it("frees every command the app sent into a flood, saying why each refused one was dropped", async () => {
    const ic = await consoles.join(code, 'Ines', 'incident-commander');
    await sleep(1100);
    for (let i = 0; i < 3 * roomLimits.maxMessagesPerSecond; i += 1) ic.send({ type: 'note.add', text: `burst ${i}` });
    expect(ic.room.getState().pending).toBe(3 * roomLimits.maxMessagesPerSecond);
    await until(() => ic.room.getState().pending === 0 && ic.store.getState().sending?.length === 0, 'every command answered');
    expect(ic.store.getState().refused).toMatchObject({ command: { type: 'note.add' }, reason: expect.stringContaining('dropped') });
  });
});
