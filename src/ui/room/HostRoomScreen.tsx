import { useState } from 'react';
import { formatDuration, relativeTime, timeOfDay } from '../../engine';
import { hostLink, joinLink, projectorLink, roleLabel, type RoomInfo } from '../../rooms';
import { HostContext, useHostDrive, useHostState } from '../hooks/use-session';
import { leaveRoute } from '../routes/use-hash-route';
import { levelLabels } from '../selectors/format';
import { ScreenHeader } from '../screens/catalogue/ScreenHeader';
import { speeds } from '../store/session-store';
import { useDialer } from './dialer-context';
import { ConnectionBadge } from './ConnectionBadge';
import { CopyField } from './CopyField';
import { HintControl } from './HintControl';
import { InjectControls } from './InjectControls';
import { HostConsolePanels } from './console/HostConsolePanels';
import { takeOver } from './open-rooms';
import { ParticipantList } from './ParticipantList';
import { openRoomSession, type RoomSession } from './room-session';
import { loadSeat } from './saved-seat';
import { seatsToFill } from './seats-to-fill';
import { useRoomPicture, useRoomSession } from './use-room-session';
import './room.css';

const stageLabels = { briefing: 'Not started', running: 'Running', prevent: 'Postmortem', debrief: 'Over' } as const;

function pageOrigin(): string {
  return `${window.location.origin}${window.location.pathname.replace(/\/$/, '')}`;
}

function ShareCard({ info, hostToken }: { info: RoomInfo; hostToken: string | null }) {
  return (
    <section className="panel room-card" aria-labelledby="room-share-title">
      <h2 id="room-share-title" className="room-card__heading">
        Invite
      </h2>
      <div className="room-code">
        <span className="room-code__label">Room code</span>
        <span className="room-code__value mono" aria-label={`Room code ${info.code.split('').join(' ')}`}>
          {info.code}
        </span>
      </div>
      <CopyField label="Participants' link" value={joinLink(pageOrigin(), info.code)} help="Send this to the team. On the network, use this machine's address (the server must listen on HOST=0.0.0.0)." />
      <CopyField label="Projector link" value={projectorLink(pageOrigin(), info.code)} help="Open it on a second screen or a projector: the clock, the pager and the timeline in large type, with none of the hidden truth. It takes an observer's seat." />
      {hostToken && <CopyField label="Your host link (secret)" value={hostLink(pageOrigin(), info.code, hostToken)} help="Opens these controls from another browser. Anyone with it runs the room: do not share it." secret />}
    </section>
  );
}

function LobbyCard({ session, info }: { session: RoomSession; info: RoomInfo }) {
  const participants = useRoomPicture(session, (p) => p.participants);
  const you = useRoomPicture(session, (p) => p.you);
  const [wanted] = useState(() => seatsToFill(localStorage, info.code));
  const open = wanted.filter((role) => !participants.some((p) => p.role === role));
  const others = participants.filter((p) => p.role !== 'host');
  return (
    <section className="panel room-card" aria-labelledby="room-lobby-title">
      <h2 id="room-lobby-title" className="room-card__heading">
        Lobby{' '}
        <span className="catalogue__count">
          {others.length}
          <span className="visually-hidden"> joined</span>
        </span>
      </h2>
      <ParticipantList participants={participants} mode={info.mode} you={you?.seat ?? null} onAssign={(seat, role) => session.assign(seat, role)} />
      {wanted.length > 0 && (
        <p className="room-card__help">
          {open.length === 0 ? 'Every seat you planned is taken.' : `Still to fill: ${open.map((r) => roleLabel(r, info.mode)).join(', ')}.`}
        </p>
      )}
    </section>
  );
}

function ClockCard({ session, info }: { session: RoomSession; info: RoomInfo }) {
  useHostDrive();
  const stage = useRoomPicture(session, (p) => p.stage);
  const paused = useHostState((s) => s.paused);
  const speed = useHostState((s) => s.speed);
  const clock = useHostState((s) => Math.floor(s.clock));
  const view = useHostState((s) => s.view);
  const running = stage === 'running';
  const hintsLeft = view ? view.scenario.hintCount - view.hintsUsed : 0;
  const endNow = () => {
    if (window.confirm('End the incident for everyone now? It will be scored as it stands.')) session.end();
  };
  return (
    <section className="panel room-card" aria-labelledby="room-clock-title">
      <h2 id="room-clock-title" className="room-card__heading">
        Clock
      </h2>
      <div className="room-clock">
        <span className={`badge badge--${running ? (paused ? 'warn' : 'ok') : 'neutral'}`}>{running && paused ? 'Paused' : stageLabels[stage]}</span>
        {view && (
          <span className="room-clock__time mono" role="timer" aria-live="off">
            {timeOfDay(view.scenario.clock, clock)} <span className="room-clock__relative">{relativeTime(clock)}</span>
          </span>
        )}
      </div>
      {view && running && <p className="room-card__help">Deadline: {view.scenario.briefing.deadline.label}, {view.scenario.briefing.deadline.atS - clock >= 0 ? `in ${formatDuration(view.scenario.briefing.deadline.atS - clock)}` : 'passed'}.</p>}
      <div className="room-clock__controls">
        {stage === 'briefing' && (
          <button type="button" className="btn btn--primary" onClick={() => session.start()}>
            Start the incident
          </button>
        )}
        {running && (
          <button type="button" className="btn btn--primary" onClick={() => session.setPaused(!paused)}>
            {paused ? 'Resume for everyone' : 'Pause for everyone'}
          </button>
        )}
        <div className="room-speed" role="group" aria-label="Speed for everyone">
          {speeds.map((s) => (
            <button key={s} type="button" className="btn btn--small" aria-pressed={speed === s} onClick={() => session.setSpeed(s)}>
              {s}×
            </button>
          ))}
        </div>
        {running && <HintControl session={session} info={info} hintsLeft={hintsLeft} />}
        {(running || stage === 'briefing') && (
          <button type="button" className="btn btn--danger" onClick={endNow}>
            End the incident
          </button>
        )}
      </div>
      <p className="room-card__help">
        {info.mode === 'drill' ? 'Drill' : 'Interview'} · {levelLabels[info.level]} · seed <span className="mono">{info.seed}</span>
      </p>
    </section>
  );
}

function ControlColumn({ session, info }: { session: RoomSession; info: RoomInfo }) {
  return (
    <div className="room-grid__column">
      <ClockCard session={session} info={info} />
      <InjectControls session={session} />
    </div>
  );
}

function InviteColumn({ session, info, hostToken }: { session: RoomSession; info: RoomInfo; hostToken: string | null }) {
  return (
    <div className="room-grid__column">
      <ShareCard info={info} hostToken={hostToken} />
      <LobbyCard session={session} info={info} />
    </div>
  );
}

function HostConsole({ session }: { session: RoomSession }) {
  const info = useRoomPicture(session, (p) => p.info);
  const hostToken = useRoomPicture(session, (p) => p.hostToken);
  const failure = useRoomPicture(session, (p) => p.failure);
  const problem = useRoomPicture(session, (p) => p.problem);
  const connection = useHostState((s) => s.connection);
  const stage = useRoomPicture(session, (p) => p.stage);
  return (
    <div className="page room-page room-page--host room-page--console">
      <ScreenHeader>
        <ConnectionBadge connection={connection} />
        <button type="button" className="btn btn--ghost" onClick={leaveRoute}>
          Catalogue
        </button>
      </ScreenHeader>
      <main className="room-host">
        <div className="room-host__intro">
          <p className="room-card__eyebrow">{info ? (info.mode === 'drill' ? 'Fire drill · facilitator' : 'Mock interview · interviewer') : 'Room'}</p>
          <h1 className="room-card__title">{info?.scenario.title ?? (failure ? 'This room could not be opened' : 'Opening the room…')}</h1>
        </div>
        {failure && (
          <p className="room-card__error" role="alert">
            {failure}
          </p>
        )}
        {problem && (
          <p className="room-card__error" role="alert">
            {problem}
          </p>
        )}
        {/* Until the incident starts the code and the lobby matter most: they come first, and on top on a phone. */}
        {info && stage === 'briefing' && (
          <>
            <div className="room-grid">
              <InviteColumn session={session} info={info} hostToken={hostToken} />
              <ControlColumn session={session} info={info} />
            </div>
            <HostConsolePanels session={session} info={info} />
          </>
        )}
        {/* Once it runs, the feed leads; the clock and the injects sit beside it. */}
        {info && stage !== 'briefing' && <HostConsolePanels session={session} info={info} clock={<ClockCard session={session} info={info} />} injects={<InjectControls session={session} />} more={<InviteColumn session={session} info={info} hostToken={hostToken} />} />}
      </main>
    </div>
  );
}

/** The host's screen of a room: the code and links, the lobby, the clock for everyone, the injects and the end. */
export default function HostRoomScreen({ code, hostToken }: { code: string; hostToken: string }) {
  const dial = useDialer();
  const session = useRoomSession(code, () => {
    const saved = loadSeat(localStorage, code);
    return takeOver(code) ?? openRoomSession(dial(), { how: 'join', code, options: { name: saved?.name ?? 'Host', role: 'host', hostToken } });
  });
  if (!session) return null;
  return (
    <HostContext.Provider value={session}>
      <HostConsole session={session} />
    </HostContext.Provider>
  );
}
