import { describe, expect, it } from 'vitest';
import { playBot, playerView } from '../../src/engine';
import { scoreboard } from '../../src/engine/facilitator/scoreboard';
import { avroSteps } from '../support/avro-steps';
import { Sim, scenarioRun } from '../support/sim-harness';

const s = scenarioRun('avro-schema-break');

describe('the live scoreboard', () => {
  it('has the model run reach every milestone on par, with nothing lost and updates on cadence', () => {
    const board = scoreboard(s, playBot(s, 'model', 1).state);
    expect(board.milestones.map((m) => [m.milestone, m.standing])).toEqual([
      ['detected', 'done-on-par'],
      ['acknowledged', 'done-on-par'],
      ['diagnosed', 'done-on-par'],
      ['mitigated', 'done-on-par'],
      ['resolved', 'done-on-par'],
    ]);
    expect(board.recordsLost).toBe(0);
    expect(board.updates.count).toBeGreaterThan(0);
    expect(board.updates.overdue).toBe(false);
  });

  it('shows an unacknowledged page as overdue and the first update as late once its window has passed', () => {
    const sim = new Sim(s, 1).start().waitForPage();
    expect(scoreboard(s, sim.state).milestones.find((m) => m.milestone === 'acknowledged')?.standing).toBe('due');
    sim.advance(600);
    expect(scoreboard(s, sim.state).milestones.find((m) => m.milestone === 'acknowledged')?.standing).toBe('overdue');
    sim.ack().advance(s.communication.firstUpdateWithinS + 30);
    const board = scoreboard(s, sim.state);
    expect(board.updates).toMatchObject({ count: 0, overdue: true, nextDueAt: (sim.state.milestones.acknowledged as number) + s.communication.firstUpdateWithinS });
  });

  it('counts the records a reset to latest loses, as they are lost; the player never sees the count', () => {
    const sim = new Sim(s, 1).start().waitForPage().ack().advance(600);
    sim.typeAll(avroSteps.resetToLatest);
    const board = scoreboard(s, sim.state);
    expect(board.recordsLost).toBeGreaterThan(0);
    expect(board.recordsLost).toBe(sim.state.metrics['records.lost']);
    expect(playerView(s, sim.state).metrics['records.lost']).toBeUndefined();
  });

  it('calls what the session ended without missed', () => {
    const { state } = playBot(s, 'idle', 1);
    const board = scoreboard(s, state);
    expect(board.milestones.find((m) => m.milestone === 'acknowledged')?.standing).toBe('missed');
    expect(board.milestones.find((m) => m.milestone === 'detected')?.standing).toBe('done-on-par');
  });
});
