import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinRegistry } from '../../scripts/lib/builtin-scenarios.ts';
import { playBot, prepareRun, runInfo } from '../../src/engine';
import { removeDataDir, startServerProcess, type ServerProcess } from '../../scripts/lib/room-server-process.ts';
import { TestSeat } from './support/test-seat';

const timeScale = 10;
const speed = 20;
const seed = 4;
const base = builtinRegistry().byId('stale-revenue-table');
if (!base) throw new Error('the stale-revenue-table scenario is missing');
const s = prepareRun(base, seed, 'normal');
const variant = runInfo(s).variant;
const model = playBot(s, 'model', seed);

const noteText = 'Skipped the source freshness check; ask what the green tests prove.';

/** Everything a candidate must never receive, by where it lives in the scenario. */
const hidden: [string, string][] = [
  ['root cause statement', s.rootCause.statement],
  ...s.actions.map((a): [string, string] => [`verdict on ${a.id}`, a.verdict.why]),
  ...s.walkthrough.map((step, i): [string, string] => [`walkthrough step ${i} why`, step.why]),
  ...s.rubric.flatMap((r): [string, string][] => [
    [`rubric "${r.criterion}"`, r.criterion],
    [`rubric "${r.criterion}" strong`, r.strong],
    [`rubric "${r.criterion}" weak`, r.weak],
  ]),
  ...s.probes.map((p, i): [string, string] => [`probe ${i}`, p.text]),
  ...(variant ? [['variant label', variant.label] as [string, string]] : []),
  ['interviewer note', noteText],
];

let server: ServerProcess;
let host: TestSeat;
let candidate: TestSeat;

beforeAll(async () => {
  server = await startServerProcess({ timeScale });
}, 90_000);

afterAll(async () => {
  await Promise.allSettled([host, candidate].map((x) => x?.leave()));
  await server?.stop();
  if (server) removeDataDir(server.dataDir);
});

/** The room's sim time now, run on from the candidate's last view as a client's display does. */
function simNow(seat: TestSeat): number {
  const c = seat.clock;
  if (!c) return -Infinity;
  return c.paused || c.stage !== 'running' ? c.t : c.t + ((Date.now() - c.serverNow) / 1000) * c.speed * timeScale;
}

describe('a candidate connection', () => {
  it('never carries the root cause, a verdict, the walkthrough, the rubric or the variant through a whole mock round', { timeout: 180_000 }, async () => {
    expect(model.state.ended?.reason).toBe('completed');
    expect(variant).not.toBeNull();
    expect(s.probes.length).toBeGreaterThan(0);
    host = await TestSeat.create(server.url, { mode: 'interview', name: 'Ivy', scenario: { kind: 'builtin', id: base.id }, seed, level: 'normal' });
    candidate = await TestSeat.join(server.url, host.last('welcome')?.room.code as string, { name: 'Cy', role: 'candidate' });
    let noted = false;
    host.send('host.speed', { speed });
    await host.request('host.start', {});
    // Play from the candidate's running clock: a command sent before its view shows the start would be stamped at the briefing's time.
    await candidate.until(() => candidate.clock?.stage === 'running', 'the running clock');
    // The model walkthrough, played by the candidate through the room, each command at (or just after) its time.
    for (const entry of model.log) {
      if (entry.command.type === 'session.start') continue;
      // Once resolved, the clock stops for the postmortem (as in solo play): send it straight away.
      while (simNow(candidate) < entry.at && candidate.clock?.stage === 'running') await new Promise((r) => setTimeout(r, 10));
      // Like a person, type at a prompt once its previous line has printed.
      if (entry.command.type === 'terminal.run' || entry.command.type === 'sql.run') {
        const prompt = entry.command.type === 'terminal.run' ? 'terminal' : 'sql';
        await candidate.until(() => !(candidate.view?.[prompt] ?? []).some((e) => e.output === null), 'a free prompt', 60_000);
      }
      // Generous on a busy machine: the host's debrief is worked out in the room's queue right after the round ends.
      const patience = 90_000;
      let answer = await candidate.command(entry.command, undefined, undefined, patience);
      // The room's clock may stamp the line a moment before the prompt's previous command has printed: retry as a person would.
      // (Four a second: faster would trip the server's flood guard, which drops the extra messages unanswered.)
      for (let tries = 0; tries < 120 && /is still running/.test(String((answer as { rejected?: unknown }).rejected ?? '')); tries += 1) {
        await new Promise((r) => setTimeout(r, 250));
        answer = await candidate.command(entry.command, undefined, undefined, patience);
      }
      expect(answer, `${entry.command.type} at ${entry.at}`).not.toHaveProperty('code');
      expect((answer as { rejected: string | null }).rejected, `${entry.command.type} at ${entry.at}`).toBeNull();
      // Midway, the interviewer writes a private note about the command and marks the rubric with it.
      if (!noted && (entry.command.type === 'terminal.run' || entry.command.type === 'action.start')) {
        noted = true;
        const seq = (answer as { seq: number }).seq;
        expect(await host.request('host.note', { text: noteText, seq })).toMatchObject({ rejected: null });
        expect(await host.request('host.mark', { criterion: 'scenario:0', score: 3, evidence: [seq] })).toMatchObject({ rejected: null });
      }
    }
    expect(noted).toBe(true);
    await candidate.until(() => candidate.view?.ended !== null && candidate.view?.ended !== undefined, 'the end of the round', 60_000);
    expect(candidate.view?.ended?.reason).toBe('completed');
    expect(candidate.view?.milestones.resolved).not.toBeNull();
    await candidate.sync();

    const frames = candidate.frames().map((f) => Buffer.from(f));
    expect(frames.length).toBeGreaterThan(20);
    const wire = Buffer.concat(frames);
    const decoded = JSON.stringify(candidate.received);
    const found = hidden.filter(([, text]) => wire.includes(Buffer.from(text, 'utf8')) || decoded.includes(text)).map(([what]) => what);
    expect(found).toEqual([]);
    // The host's debrief is worked out once the round is over, apart from the views, and reaches the host alone.
    await host.until(() => host.last('host.outcome') !== undefined, "the host's outcome", 90_000);
    const outcome = host.last('host.outcome')?.outcome;
    expect(outcome?.keySteps.length).toBeGreaterThan(0);
    expect(outcome?.report.total).toBeGreaterThan(0);
    expect(candidate.all('host.outcome')).toEqual([]);
    expect(host.view && 'hidden' in host.view ? Object.keys(host.view.hidden) : []).not.toContain('outcome');
    // The audit can find what it looks for: the host's connection carries all of it.
    const hostWire = Buffer.concat(host.frames().map((f) => Buffer.from(f)));
    expect(hidden.filter(([, text]) => !hostWire.includes(Buffer.from(text, 'utf8'))).map(([what]) => what)).toEqual([]);
  });
});
