import { roleLabel, type Participant, type RoomMode } from '../../rooms';

/** Who is in the room, with their role and whether they are connected now. */
export function ParticipantList({ participants, mode, you }: { participants: Participant[]; mode: RoomMode; you: string | null }) {
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
          <span className="participants__role">{roleLabel(p.role, mode)}</span>
          <span className={p.connected ? 'participants__state' : 'participants__state participants__state--away'}>{p.connected ? 'connected' : 'away'}</span>
        </li>
      ))}
    </ul>
  );
}
