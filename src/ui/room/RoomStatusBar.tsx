import { roleLabel } from '../../rooms';
import { useHostState } from '../hooks/use-session';
import { ConnectionBadge } from './ConnectionBadge';
import type { RoomSession } from './room-session';
import { useRoomPicture } from './use-room-session';

/** The strip under a room player's top bar: who they are, the connection, the facilitator's pause, and what the server refused. */
export function RoomStatusBar({ session }: { session: RoomSession }) {
  const connection = useHostState((s) => s.connection);
  const pausedBy = useHostState((s) => s.pausedBy);
  const you = useRoomPicture(session, (p) => p.you);
  const info = useRoomPicture(session, (p) => p.info);
  const problem = useRoomPicture(session, (p) => p.problem);
  const movedTo = useRoomPicture(session, (p) => p.movedTo);
  return (
    <div className="room-bar">
      <div className="room-bar__row">
        <span className="room-bar__who">
          {info && <span className="mono room-bar__code">{info.code}</span>}
          {you && info && (
            <span>
              {you.name} · {roleLabel(you.role, info.mode)}
            </span>
          )}
        </span>
        <span className="room-bar__connection" role="status">
          <ConnectionBadge connection={connection} />
          {connection !== 'connected' && connection !== 'connecting' && (
            <button type="button" className="btn btn--small" onClick={() => session.retryNow()}>
              Retry now
            </button>
          )}
        </span>
      </div>
      {movedTo && info && (
        <p className="room-bar__moved" role="status">
          <strong>You are now {roleLabel(movedTo, info.mode)}.</strong> The {roleLabel('host', info.mode).toLowerCase()} moved you to this role.
        </p>
      )}
      {pausedBy && (
        <p className="room-bar__paused" role="status">
          <strong>Paused by {pausedBy}.</strong> The clock is frozen for everyone until they resume.
        </p>
      )}
      {problem && (
        <p className="room-bar__problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
