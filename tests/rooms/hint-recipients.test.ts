import { describe, expect, it } from 'vitest';
import { RoomSession } from '../../server/room-session';
import { commandFeed, type Seat } from '../../src/rooms';
import { facilitatorView } from '../../src/engine';
import type { Command } from '../../src/scenarios/schema';
import { Sim, scenarioRun } from '../support/sim-harness';

const s = scenarioRun('avro-schema-break');
const host: Seat = { seat: 's-host', name: 'Ivy', role: 'host' };
const omar: Seat = { seat: 's-omar', name: 'Omar', role: 'operations' };

/** A room whose host gave Omar a hint after Omar typed a line; `seats` is who is at the table now. */
function roomWithHint(): RoomSession {
  const room = new RoomSession(s, 1, [], [], null);
  const paged = new Sim(s, 1).start().waitForPage().state.t;
  let n = 0;
  const send = (by: Seat, at: number, command: Command) => room.apply(room.prepare(at, command, by, `c${(n += 1)}`));
  send(host, s.clock.playerStartS, { type: 'session.start' });
  send(omar, paged, { type: 'terminal.run', line: 'kubectl get pods' });
  send(host, paged + 60, { type: 'hint.reveal', to: omar.seat });
  return room;
}

describe("a hint's recipient in the host's feed", () => {
  it('is named from the seats at the table', () => {
    const room = roomWithHint();
    const hint = room.attribution('host', (seat) => (seat === omar.seat ? omar : undefined)).find((a) => a.type === 'hint.reveal');
    expect(hint?.to).toEqual(omar);
  });

  it('is still named when they are not at this table (a room started from a moment of another), from the lines they typed in the log', () => {
    // The branched room has the original's log, but nobody has taken Omar's seat.
    const branched = new RoomSession(s, 1, roomWithHint().entries, [], null);
    const attribution = branched.attribution('host', () => undefined);
    expect(attribution.find((a) => a.type === 'hint.reveal')?.to).toEqual(omar);
    const feed = commandFeed(facilitatorView(s, branched.state), attribution, 'drill');
    const line = feed.find((item) => item.type === 'hint.reveal')?.text ?? '';
    expect(line).toMatch(/^Hint to Omar \(Operations\): /);
    expect(line).not.toContain('none released');
  });
});
