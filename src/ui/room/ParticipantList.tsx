import { useId } from 'react';
import { roleLabel, rolesByMode, type Participant, type ParticipantRole, type RoomMode } from '../../rooms';

/** Who is in the room, with their role and whether they are connected now; the host may move a participant to another role. */
export function ParticipantList({ participants, mode, you, onAssign }: { participants: Participant[]; mode: RoomMode; you: string | null; onAssign?: (seat: string, role: ParticipantRole) => void }) {
  const id = useId();
  if (participants.length === 0) return <p className="empty">Nobody has joined yet.</p>;
  return (
    <ul className="participants" aria-label="Participants">
      {participants.map((p) => (
        <li key={p.seat} className="participants__item">
          <span className={p.connected ? 'participants__dot participants__dot--on' : 'participants__dot'} aria-hidden="true" />
          <span className="participants__name">
            {p.name}
            {p.seat === you && <span className="participants__you"> (you)</span>}
          </span>
          {onAssign && p.role !== 'host' ? (
            <>
              <label className="visually-hidden" htmlFor={`${id}-${p.seat}`}>
                Role of {p.name}
              </label>
              <select id={`${id}-${p.seat}`} className="room-input participants__role-pick" value={p.role} onChange={(e) => onAssign(p.seat, e.target.value as ParticipantRole)}>
                {rolesByMode[mode].map((r) => (
                  <option key={r} value={r}>
                    {roleLabel(r, mode)}
                  </option>
                ))}
              </select>
            </>
          ) : (
            <span className="participants__role">{roleLabel(p.role, mode)}</span>
          )}
          <span className={p.connected ? 'participants__state' : 'participants__state participants__state--away'}>{p.connected ? 'connected' : 'away'}</span>
        </li>
      ))}
    </ul>
  );
}
