import { describe, expect, it } from 'vitest';
import { RoomSession } from '../../server/room-session';
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
});
