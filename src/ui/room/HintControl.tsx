import { useId, useState } from 'react';
import { roleLabel, type RoomInfo } from '../../rooms';
import type { RoomSession } from './room-session';
import { useRoomPicture } from './use-room-session';

const everyone = '';

/** The host releases the scenario's next hint to the whole room or to one participant alone; either way it is counted in the score. */
export function HintControl({ session, info, hintsLeft }: { session: RoomSession; info: RoomInfo; hintsLeft: number }) {
  const id = useId();
  const participants = useRoomPicture(session, (p) => p.participants);
  const [to, setTo] = useState(everyone);
  const people = participants.filter((p) => p.role !== 'host' && p.role !== 'observer');
  // Someone who was moved to observing (or whose seat is gone) can no longer be picked: fall back to everyone.
  const target = people.some((p) => p.seat === to) ? to : everyone;
  const release = () => session.send(target === everyone ? { type: 'hint.reveal' } : { type: 'hint.reveal', to: target });
  return (
    <div className="room-clock__controls" role="group" aria-label="Hints">
      <label htmlFor={`${id}-to`} className="room-hint__label">
        Hint to
      </label>
      <select id={`${id}-to`} className="room-input room-hint__to" value={target} onChange={(e) => setTo(e.target.value)} disabled={hintsLeft <= 0}>
        <option value={everyone}>Everyone</option>
        {people.map((p) => (
          <option key={p.seat} value={p.seat}>
            {p.name} ({roleLabel(p.role, info.mode)})
          </option>
        ))}
      </select>
      <button type="button" className="btn" disabled={hintsLeft <= 0} onClick={release}>
        {hintsLeft > 0 ? `Release a hint (${hintsLeft} left)` : 'No hints left'}
      </button>
    </div>
  );
}
