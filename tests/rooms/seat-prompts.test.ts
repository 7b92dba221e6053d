import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FacilitatorView } from '../../src/engine';
import { commandFeed } from '../../src/rooms';
import type { Command } from '../../src/scenarios/schema';
import { appConsoles, until } from './support/app-console';
import { serverPool } from './support/server-pool';
import { TestSeat } from './support/test-seat';

const pool = serverPool(5);
const consoles = appConsoles(() => url);
let url: string;

beforeAll(async () => {
  url = (await pool.serverOn()).url;
}, 90_000);

afterAll(async () => {
  consoles.leaveAll();
  await pool.cleanUp();
});

describe('each seat has its own prompts', () => {
  it('runs two seats’ lines at once, each seat’s own, and the host feed shows both with who typed', { timeout: 90_000 }, async () => {
    const host = pool.track(await TestSeat.create(url, { mode: 'drill', name: 'Fran', scenario: { kind: 'builtin', id: 'stale-revenue-table' }, seed: 3, level: 'normal' }));
    const code = host.last('welcome')?.room.code as string;
    const ops = await consoles.join(code, 'Omar', 'operations');
    const ic = await consoles.join(code, 'Ines', 'incident-commander');
    await host.request('host.start', {});
    // Frozen, so both lines are certainly running at the same moment.
    host.send('host.pause', { paused: true });
    await until(() => ops.store.getState().paused && ops.room.getState().stage === 'running', 'the paused, running room');

    const opsLine: Command = { type: 'terminal.run', line: 'kubectl get pods' };
    const icLine: Command = { type: 'terminal.run', line: 'kubectl get deployments' };
    const icQuery: Command = { type: 'sql.run', query: '\\dt' };
    ops.send(opsLine);
    ic.send(icLine);
    ic.send(icQuery);
    await until(() => ops.store.getState().sending?.length === 0 && ic.store.getState().sending?.length === 0, 'every line answered');
    expect(ops.store.getState().refused ?? null).toBeNull();
    expect(ic.store.getState().refused ?? null).toBeNull();
    const opsSeat = ops.room.getState().you?.seat;
    const icSeat = ic.room.getState().you?.seat;
    await until(() => (ops.store.getState().view?.terminal.length ?? 0) === 2, 'both lines in the shared view');
    const running = ops.store.getState().view?.terminal ?? [];
    expect(running.map((e) => ({ line: e.line, by: e.by, output: e.output }))).toEqual([
      { line: opsLine.line, by: opsSeat, output: null },
      { line: icLine.line, by: icSeat, output: null },
    ]);

    // A seat's own prompt is still busy with its own line: its second line is refused, the other seat's is not held up.
    ops.send({ type: 'terminal.run', line: 'kubectl get nodes' });
    await until(() => ops.store.getState().refused != null, 'the refusal');
    expect(ops.store.getState().refused?.reason).toMatch(/"kubectl get pods" is still running/);

    host.send('host.pause', { paused: false });
    await until(() => ops.store.getState().view?.terminal.every((e) => e.output !== null) === true && ic.store.getState().view?.sql.every((e) => e.output !== null) === true, 'both lines and the query printed');
    const [opsOut, icOut] = ops.store.getState().view?.terminal ?? [];
    expect(opsOut?.output).toMatch(/NAME\s+READY\s+STATUS/);
    expect(icOut?.output).toMatch(/NAME\s+READY\s+UP-TO-DATE/);
    expect(ic.store.getState().view?.sql[0]).toMatchObject({ by: icSeat, exit: 0 });

    await host.until(() => (host.view as FacilitatorView | null)?.terminal.every((e) => e.output !== null) === true && host.log.length >= 4, 'the host view with both outputs');
    const hv = host.view as FacilitatorView;
    const feed = commandFeed(hv, host.log, 'drill').filter((f) => f.type === 'terminal.run' || f.type === 'sql.run');
    expect(feed.map((f) => ({ who: f.by?.name, text: f.text, printed: f.output !== null }))).toEqual([
      { who: 'Omar', text: opsLine.line, printed: true },
      { who: 'Ines', text: icLine.line, printed: true },
      { who: 'Ines', text: '\\dt', printed: true },
      { who: 'Omar', text: 'kubectl get nodes', printed: false },
    ]);
    expect(feed[0]?.output).toBe(opsOut?.output);
    expect(feed[1]?.output).toBe(icOut?.output);
  });
});
