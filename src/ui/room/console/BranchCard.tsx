import { useCallback, useId, useMemo, useState } from 'react';
import { relativeTime, timeOfDay, type FacilitatorView } from '../../../engine';
import { logUpTo, participantRoles, type Attribution, type FeedItem, type Participant, type ParticipantRole, type RoomInfo } from '../../../rooms';
import type { ReplayFile } from '../../../scenarios/schema';
import { useImportedScenarios } from '../../scenario-import/imported-scenarios-store';
import { speeds, type Speed } from '../../store/session-store';
import { useDialer } from '../dialer-context';
import { useCreateFailure, useOpenHostScreenWhenWelcomed } from '../open-host-screen';
import { openRoomSession, type RoomSession } from '../room-session';

interface BranchProps {
  info: RoomInfo;
  view: FacilitatorView;
  replay: ReplayFile;
  /** Who sent each log entry (the new room keeps them as the senders of its first entries). */
  log: readonly Attribution[];
  feed: readonly FeedItem[];
  participants: readonly Participant[];
  hostName: string;
  speed: number;
}

/**
 * "Start a drill from here" for a finished room, host side: scrub the run to a moment while the
 * incident was in play and open a new room there (same scenario, level, seed, and the log up to
 * that moment), paused, to play a decision point again with another choice. This room stays as it is.
 */
export function BranchCard({ info, view, replay, log, feed, participants, hostName, speed }: BranchProps) {
  const id = useId();
  const anchor = view.scenario.clock;
  const from = replay.log[0]?.at ?? anchor.playerStartS;
  // The last second the incident was still in play: a moment at its resolution or its end is already over.
  const over = view.milestones.resolved ?? view.ended?.at ?? anchor.endS;
  const to = Math.max(from, over - 1);
  const [at, setAt] = useState(() => Math.max(from, Math.min(to, Math.floor((from + to) / 2))));
  const [session, setSession] = useState<RoomSession | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const imports = useImportedScenarios((i) => i.imports);
  const dial = useDialer();
  const seats = useMemo(() => [...new Set(participants.flatMap((p) => (participantRoles.includes(p.role as ParticipantRole) && p.role !== 'observer' ? [p.role as ParticipantRole] : [])))], [participants]);
  useOpenHostScreenWhenWelcomed(session, speeds.includes(speed as Speed) ? (speed as Speed) : 5, seats);
  const failed = useCallback((message: string) => {
    setProblem(message);
    setSession(null);
  }, []);
  useCreateFailure(session, failed);

  const before = feed.filter((f) => f.at <= at).at(-1);
  const start = () => {
    // An imported scenario travels as its file again, as when the room was created; a built-in by its id.
    const imported = imports.find((i) => i.card.id === info.scenario.id);
    const scenario = imported ? { kind: 'file' as const, fileName: imported.fileName, text: imported.text } : { kind: 'builtin' as const, id: info.scenario.id };
    setProblem(null);
    setSession(openRoomSession(dial(), { how: 'create', options: { mode: info.mode, name: hostName, scenario, seed: info.seed, level: info.level, from: { scenarioVersion: replay.scenarioVersion, at, log: logUpTo(replay, log, at) } } }));
  };
  return (
    <section className="panel room-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="room-card__heading">
        Start a drill from here
      </h2>
      <p className="room-card__help">A new room from a moment of this run: the same scenario, level and seed, and everything sent up to then, paused there for the team to take another path. This room and its report stay as they are.</p>
      <label htmlFor={`${id}-at`} className="field__label">
        Moment of the run
      </label>
      <input id={`${id}-at`} type="range" min={from} max={to} step={1} value={at} aria-valuetext={`${timeOfDay(anchor, at)} (${relativeTime(at)})`} onChange={(e) => setAt(Number(e.currentTarget.value))} disabled={session !== null} />
      <p className="room-card__help">
        <output htmlFor={`${id}-at`} className="mono">
          {timeOfDay(anchor, at)} {relativeTime(at)}
        </output>
        {before ? ` · last step before it: ${before.by?.name ?? 'Room'}, ${before.text.length > 80 ? `${before.text.slice(0, 79)}…` : before.text} at ${timeOfDay(anchor, before.at)}` : ' · nothing had been sent yet'}
      </p>
      <div className="room-card__actions">
        <button type="button" className="btn btn--primary" onClick={start} disabled={session !== null}>
          {session ? 'Opening the new room…' : `Start a drill from ${timeOfDay(anchor, at)}`}
        </button>
      </div>
      {problem && (
        <p className="room-card__error" role="alert">
          The new room could not be opened: {problem}
        </p>
      )}
    </section>
  );
}
