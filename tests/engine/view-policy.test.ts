import { describe, expect, it } from 'vitest';
import { playBot, stateHash, viewPolicySteps, type BotRun, type PlayerView } from '../../src/engine';
import type { Command } from '../../src/scenarios/schema';
import { scenarioRun } from '../support/sim-harness';

const s = scenarioRun('avro-schema-break');

/** Plays a decide function through the steps, recording the time of every view it was shown. */
function playDecide(everyS: number, decide: (view: PlayerView) => Command[]): { run: BotRun; times: number[] } {
  const times: number[] = [];
  const steps = viewPolicySteps(s, 1, everyS);
  let next = steps.next([]);
  while (!next.done) {
    times.push(next.value.view.t);
    next = steps.next(decide(next.value.view));
  }
  return { run: next.value, times };
}

describe('a policy that reads only the player view', () => {
  it('is asked every everyS sim seconds from the moment it takes the console until the clock runs out', () => {
    const { times, run } = playDecide(600, () => []);
    expect(times[0]).toBe(s.clock.playerStartS);
    expect(times.slice(1).map((t, i) => t - (times[i] as number))).toEqual(Array<number>(times.length - 1).fill(600));
    expect(times.length).toBe(Math.ceil((s.clock.endS - s.clock.playerStartS) / 600));
    expect(run.state.t).toBe(s.clock.endS);
  });

  it('plays exactly as the idle bot when it never acts', () => {
    expect(stateHash(playDecide(60, () => []).run.state)).toBe(stateHash(playBot(s, 'idle', 1).state));
  });

  it('sends its commands in order at the moment it was asked', () => {
    const { run } = playDecide(30, (view) => {
      const pages = new Set(view.scenario.alerts.filter((a) => a.severity === 'page').map((a) => a.id));
      const page = Object.entries(view.alerts).find(([id, a]) => pages.has(id) && a.status === 'firing' && a.ackedAt === null)?.[0];
      return page ? [{ type: 'alert.acknowledge', alert: page }, { type: 'note.add', text: `acknowledged ${page}` }] : [];
    });
    const [ack, note] = run.log.slice(1);
    expect(ack?.command.type).toBe('alert.acknowledge');
    expect(note).toEqual({ at: ack?.at, command: { type: 'note.add', text: `acknowledged ${ack?.command.type === 'alert.acknowledge' ? ack.command.alert : ''}` } });
    expect(run.state.milestones.acknowledged).toBe(ack?.at);
    expect(((ack?.at ?? 0) - s.clock.playerStartS) % 30).toBe(0);
  });

  it('is not asked again once the session has ended', () => {
    const { times, run } = playDecide(60, (view) => (view.t >= 0 ? [{ type: 'session.end' }] : []));
    expect(times).toEqual([-60, 0]);
    expect(run.state.ended?.reason).toBe('ended-early');
  });

  it('needs a step of at least one whole second', () => {
    expect(() => viewPolicySteps(s, 1, 0).next([])).toThrow(/everyS/);
    expect(() => viewPolicySteps(s, 1, 2.5).next([])).toThrow(/everyS/);
  });
});
