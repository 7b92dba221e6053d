import { describe, expect, it } from 'vitest';
import { RoomSession } from '../../server/room-session';
import { advanceInPlace } from '../../src/engine/session';
import type { Seat } from '../../src/rooms';
import type { Command } from '../../src/scenarios/schema';
import { Sim, scenarioRun } from '../support/sim-harness';

const s = scenarioRun('avro-schema-break');
const ann: Seat = { seat: 's-ann', name: 'Ann', role: 'operations' };
const bob: Seat = { seat: 's-bob', name: 'Bob', role: 'incident-commander' };

describe('hands in a room', () => {
  it('gives each seat its own two hands, and replays them the same after a restart', () => {
    const room = new RoomSession(s, 1, [], [], null);
    const paged = new Sim(s, 1).start().waitForPage().state.t;
    let n = 0;
    const send = (by: Seat, at: number, command: Command) => {
      const entry = room.prepare(at, command, by, `c${(n += 1)}`);
      return { entry, outcome: room.apply(entry) };
    };
    send(bob, s.clock.playerStartS, { type: 'session.start' });
    send(ann, paged, { type: 'action.start', action: 'read-deploy-log' });
    send(ann, paged, { type: 'action.start', action: 'ask-upstream-rollback' });
    const third = send(ann, paged, { type: 'action.start', action: 'read-runbook' });
    const other = send(bob, paged, { type: 'action.start', action: 'read-runbook' });
    expect(third.outcome.rejected).toMatch(/^You are busy with /);
    expect(other.outcome.rejected).toBeNull();
    expect(room.state.rejected.at(-1)).toMatchObject({ by: 's-ann' });

    // A restarted server rebuilds the room from its stored entries, seats and all.
    const restored = new RoomSession(s, 1, room.entries, [], null);
    expect(restored.state.hands).toEqual(room.state.hands);
    expect(restored.state.rejected).toEqual(room.state.rejected);
  });

  it("gives each seat its own prompts: another seat's line runs beside this one's and each prints at its own second", () => {
    const room = new RoomSession(s, 1, [], [], null);
    const paged = new Sim(s, 1).start().waitForPage().state.t + 3;
    let n = 0;
    const send = (by: Seat, at: number, command: Command) => room.apply(room.prepare(at, command, by, `c${(n += 1)}`));
    send(bob, s.clock.playerStartS, { type: 'session.start' });
    expect(send(ann, paged, { type: 'terminal.run', line: 'kubectl rollout restart deployment/consumer' }).rejected).toBeNull();
    expect(send(bob, paged + 5, { type: 'terminal.run', line: 'kubectl get pods' }).rejected).toBeNull();
    expect(send(ann, paged + 6, { type: 'terminal.run', line: 'kubectl get pods' }).rejected).toBe('"kubectl rollout restart deployment/consumer" is still running');
    const printed = () => (room.state.terminal ?? []).map((e) => [e.by, e.output !== null]);
    advanceInPlace(s, room.state, paged + 7);
    expect(printed()).toEqual([
      ['s-ann', false],
      ['s-bob', true],
    ]);
    const annEnds = room.state.terminal?.[0]?.endsAt as number;
    advanceInPlace(s, room.state, annEnds - 1);
    expect(room.state.terminal?.[0]?.output).toBeNull();
    advanceInPlace(s, room.state, annEnds);
    expect(room.state.terminal?.[0]?.output).not.toBeNull();
    expect(room.state.t).toBe(annEnds);
  });
});
