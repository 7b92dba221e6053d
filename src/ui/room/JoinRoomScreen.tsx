import { lazy, Suspense, useId, useState, type FormEvent } from 'react';
import { participantRoles, roleLabel, normalizeRoomCode, roomLimits, parseRoomLink, type ParticipantRole } from '../../rooms';
import { HostContext, useHostState } from '../hooks/use-session';
import { goTo, leaveRoute } from '../routes/use-hash-route';
import { hashOf } from '../routes/hash-route';
import { ScreenHeader } from '../screens/catalogue/ScreenHeader';
import { useDialer } from './dialer-context';
import { ParticipantList } from './ParticipantList';
import { RoomStatusBar } from './RoomStatusBar';
import { openRoomSession, type RoomSession } from './room-session';
import { loadSeat } from './saved-seat';
import { useRoomPicture, useRoomSession } from './use-room-session';
import './room.css';

const ConsoleScreen = lazy(() => import('../screens/console/ConsoleScreen'));

const roleHelp: Record<ParticipantRole, string> = {
  player: 'The whole response, alone or as a pair.',
  candidate: 'A mock interview: you work the incident, the interviewer watches.',
  'incident-commander': 'Sets severity, declares the cause, mitigation and resolution.',
  operations: 'Acknowledges pages and runs the investigations and fixes.',
  communications: 'Posts the status updates stakeholders read.',
  scribe: 'Keeps the notes and writes the postmortem.',
  observer: 'Watches the console; sends nothing.',
};

/** Reads what someone pasted or typed: a room link or a bare code. */
function codeFrom(text: string): string | null {
  const hash = text.includes('#') ? text.slice(text.indexOf('#')) : null;
  if (hash) return parseRoomLink(hash)?.code ?? null;
  return normalizeRoomCode(text);
}

function EnterCode() {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const code = codeFrom(text);
    if (!code) return setError('Enter the six-character room code the host gave you (letters and digits), or paste their link.');
    goTo(hashOf({ kind: 'join', code }));
  };
  return (
    <form className="panel room-card" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h1 id={`${id}-title`} className="room-card__title">
        Join a room
      </h1>
      <p className="room-card__lead">A facilitator or interviewer runs the incident; you play it from your own screen.</p>
      <label className="field__label" htmlFor={`${id}-code`}>
        Room code or link
      </label>
      <input
        id={`${id}-code`}
        className="room-input room-input--code mono"
        value={text}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help`}
        onChange={(e) => setText(e.target.value)}
      />
      <p id={`${id}-help`} className={error ? 'room-card__error' : 'room-card__help'}>
        {error ?? 'Six characters, such as K7MP4Q.'}
      </p>
      <div className="room-card__actions">
        <button type="button" className="btn btn--ghost" onClick={leaveRoute}>
          Back to the catalogue
        </button>
        <button type="submit" className="btn btn--primary">
          Continue
        </button>
      </div>
    </form>
  );
}

function PickSeat({ code, onJoin }: { code: string; onJoin: (name: string, role: ParticipantRole) => void }) {
  const id = useId();
  const [name, setName] = useState('');
  const [role, setRole] = useState<ParticipantRole>('player');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') return setError('Enter the name the others will see.');
    onJoin(name.trim(), role);
  };
  return (
    <form className="panel room-card" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h1 id={`${id}-title`} className="room-card__title">
        Join room <span className="mono">{code}</span>
      </h1>
      <label className="field__label" htmlFor={`${id}-name`}>
        Your name
      </label>
      <input
        id={`${id}-name`}
        className="room-input"
        value={name}
        maxLength={roomLimits.maxNameLength}
        autoComplete="nickname"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setName(e.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="room-card__error">
          {error}
        </p>
      )}
      <fieldset className="room-roles">
        <legend className="field__label">Your role</legend>
        {participantRoles.map((r) => (
          <label key={r} className="room-roles__option">
            <input type="radio" name={`${id}-role`} value={r} checked={role === r} onChange={() => setRole(r)} />
            <span className="room-roles__text">
              <span className="room-roles__name">{roleLabel(r, 'drill')}</span>
              <span className="room-roles__help">{roleHelp[r]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="room-card__actions">
        <button type="button" className="btn btn--ghost" onClick={() => goTo(hashOf({ kind: 'join', code: null }))}>
          Another code
        </button>
        <button type="submit" className="btn btn--primary">
          Join
        </button>
      </div>
    </form>
  );
}

function Waiting({ session }: { session: RoomSession }) {
  const info = useRoomPicture(session, (p) => p.info);
  const participants = useRoomPicture(session, (p) => p.participants);
  const you = useRoomPicture(session, (p) => p.you);
  const stage = useRoomPicture(session, (p) => p.stage);
  const over = stage === 'prevent' || stage === 'debrief';
  return (
    <div className="page room-page">
      <ScreenHeader />
      <RoomStatusBar session={session} />
      <main className="room-grid room-grid--single">
        <section className="panel room-card" aria-labelledby="room-waiting-title">
          <p className="room-card__eyebrow">{info ? (info.mode === 'drill' ? 'Fire drill' : 'Mock interview') : 'Room'}</p>
          <h1 id="room-waiting-title" className="room-card__title">
            {info?.scenario.title ?? 'Joining…'}
          </h1>
          <p className="room-card__lead" role="status">
            {over
              ? 'The incident is over. Your facilitator will take you through the debrief.'
              : info
                ? `You are in. The incident console opens for everyone when the ${info.mode === 'drill' ? 'facilitator' : 'interviewer'} starts the clock.`
                : 'Taking your seat…'}
          </p>
          {info && <ParticipantList participants={participants} mode={info.mode} you={you?.seat ?? null} />}
          <div className="room-card__actions">
            <button
              type="button"
              className="btn btn--ghost"
              onClick={() => {
                session.leave();
                leaveRoute();
              }}
            >
              Leave the room
            </button>
          </div>
        </section>
      </main>
    </div>
  );
}

function Failed({ message, onChooseAgain }: { message: string; onChooseAgain: () => void }) {
  return (
    <div className="page room-page">
      <ScreenHeader />
      <main className="room-grid room-grid--single">
        <section className="panel room-card" aria-labelledby="room-failed-title">
          <h1 id="room-failed-title" className="room-card__title">
            This room could not be opened
          </h1>
          <p className="room-card__error" role="alert">
            {message}
          </p>
          <div className="room-card__actions">
            <button type="button" className="btn btn--ghost" onClick={leaveRoute}>
              Back to the catalogue
            </button>
            <button type="button" className="btn" onClick={() => goTo(hashOf({ kind: 'join', code: null }))}>
              Enter another code
            </button>
            <button type="button" className="btn btn--primary" onClick={onChooseAgain}>
              Choose the name and role again
            </button>
          </div>
        </section>
      </main>
    </div>
  );
}

function InRoom({ session, onChooseAgain }: { session: RoomSession; onChooseAgain: () => void }) {
  const failure = useRoomPicture(session, (p) => p.failure);
  const stage = useRoomPicture(session, (p) => p.stage);
  const hasView = useHostState((s) => s.view !== null);
  if (failure) return <Failed message={failure} onChooseAgain={onChooseAgain} />;
  if (stage !== 'running' || !hasView) return <Waiting session={session} />;
  return (
    <Suspense fallback={<div className="app-loading" role="status">Loading…</div>}>
      <ConsoleScreen notice={<RoomStatusBar session={session} />} />
    </Suspense>
  );
}

function Seated({ code, name, role, onChooseAgain }: { code: string; name: string; role: ParticipantRole; onChooseAgain: () => void }) {
  const dial = useDialer();
  const session = useRoomSession(`${code}:${name}:${role}`, () => openRoomSession(dial(), { how: 'join', code, options: { name, role } }));
  if (!session) return null;
  return (
    <HostContext.Provider value={session}>
      <InRoom session={session} onChooseAgain={onChooseAgain} />
    </HostContext.Provider>
  );
}

/**
 * Joining a room: a code (or a link), then a name and a role, then the room's own incident
 * console. A seat this browser held in the room before is taken back without asking again.
 */
export default function JoinRoomScreen({ code }: { code: string | null }) {
  const [chosen, setChosen] = useState<{ name: string; role: ParticipantRole } | null>(() => {
    const saved = code ? loadSeat(localStorage, code) : null;
    return saved && saved.role !== 'host' ? { name: saved.name, role: saved.role } : null;
  });
  if (code && chosen) return <Seated code={code} name={chosen.name} role={chosen.role} onChooseAgain={() => setChosen(null)} />;
  return (
    <div className="page room-page">
      <ScreenHeader />
      <main className="room-grid room-grid--single">{code ? <PickSeat code={code} onJoin={(name, role) => setChosen({ name, role })} /> : <EnterCode />}</main>
    </div>
  );
}
