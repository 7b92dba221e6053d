import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { levelEffects, levelNames, type Level } from '../../engine';
import { roleLabel, roomLimits, rolesByMode, type ParticipantRole, type RoomMode } from '../../rooms';
import { hashOf } from '../routes/hash-route';
import { goTo } from '../routes/use-hash-route';
import { useImportedScenarios } from '../scenario-import/imported-scenarios-store';
import { scenarioCards } from '../scenarios/builtin-scenarios';
import { levelLabels } from '../selectors/format';
import { parseSeed, randomSeed } from '../screens/catalogue/random-seed';
import { ScreenHeader } from '../screens/catalogue/ScreenHeader';
import { usePreferences } from '../store/preferences-store';
import { speeds, type Speed } from '../store/session-store';
import { useDialer } from './dialer-context';
import { useCreateFailure, useOpenHostScreenWhenWelcomed } from './open-host-screen';
import { openRoomSession, type RoomSession } from './room-session';
import './room.css';

const copy: Record<RoomMode, { title: string; lead: string; host: string }> = {
  drill: {
    title: 'Run a fire drill',
    lead: 'Your team plays one incident together, each from their own laptop. You run the clock and the injects; they see only what responders see.',
    host: 'Facilitator',
  },
  interview: {
    title: 'Run a mock interview',
    lead: 'A candidate works the incident from their own browser while you watch, pause and throw curveballs. Their browser never receives the answer.',
    host: 'Interviewer',
  },
};

/** The host's form for a new room: scenario, level, seed, speed and the seats to fill. */
export default function CreateRoomScreen({ mode }: { mode: RoomMode }) {
  const id = useId();
  const [name, setName] = useState('');
  const [scenarioId, setScenarioId] = useState(scenarioCards[0]?.id ?? '');
  const imports = useImportedScenarios((i) => i.imports);
  useEffect(() => {
    void useImportedScenarios.getState().ensureLoaded();
  }, []);
  const [level, setLevel] = useState<Level>(usePreferences.getState().level);
  const [speed, setSpeed] = useState<Speed>(usePreferences.getState().speed);
  const [seedText, setSeedText] = useState(() => String(Math.max(1, randomSeed())));
  const [seats, setSeats] = useState<ParticipantRole[]>(() => (mode === 'drill' ? ['incident-commander', 'operations', 'communications', 'scribe'] : ['candidate']));
  const [session, setSession] = useState<RoomSession | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const dial = useDialer();
  useOpenHostScreenWhenWelcomed(session, speed, seats);
  const failed = useCallback((message: string) => {
    setProblem(message);
    setSession(null);
  }, []);
  useCreateFailure(session, failed);

  const seed = parseSeed(seedText);
  const seedOk = seed !== null && seed >= 1 && seed <= 2 ** 31 - 1;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') return setProblem('Enter your name: participants see who is running the room.');
    if (!seedOk || seed === null) return setProblem(`The seed must be a whole number from 1 to ${2 ** 31 - 1}.`);
    // An imported scenario travels as its file; the server checks it with the same loader and lint.
    const imported = imports.find((i) => i.card.id === scenarioId);
    if (imported && new TextEncoder().encode(imported.text).length > roomLimits.maxScenarioBytes) {
      return setProblem(`“${imported.card.title}” is larger than a room accepts (${roomLimits.maxScenarioBytes / 1024} KiB).`);
    }
    const scenario = imported ? { kind: 'file' as const, fileName: imported.fileName, text: imported.text } : { kind: 'builtin' as const, id: scenarioId };
    setProblem(null);
    setSession(openRoomSession(dial(), { how: 'create', options: { mode, name: name.trim(), scenario, seed, level } }));
  };
  const toggleSeat = (role: ParticipantRole, on: boolean) => setSeats((s) => (on ? [...s, role] : s.filter((r) => r !== role)));
  const text = copy[mode];

  return (
    <div className="page room-page">
      <ScreenHeader>
        <button type="button" className="btn btn--ghost" onClick={() => goTo(hashOf({ kind: 'catalogue' }))}>
          Back to the catalogue
        </button>
      </ScreenHeader>
      <main className="room-grid room-grid--single">
        <form className="panel room-card room-card--wide" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
          <h1 id={`${id}-title`} className="room-card__title">
            {text.title}
          </h1>
          <p className="room-card__lead">{text.lead}</p>

          <div className="room-form">
            <div className="room-form__field room-form__field--full">
              <label className="field__label" htmlFor={`${id}-name`}>
                Your name ({text.host.toLowerCase()})
              </label>
              <input id={`${id}-name`} className="room-input" value={name} maxLength={roomLimits.maxNameLength} autoComplete="nickname" onChange={(e) => setName(e.target.value)} />
            </div>

            {/* A scenario's whole title shows: the row is the form's full width. */}
            <div className="room-form__field room-form__field--full">
              <label className="field__label" htmlFor={`${id}-scenario`}>
                Scenario
              </label>
              <select id={`${id}-scenario`} className="room-input" value={scenarioId} onChange={(e) => setScenarioId(e.target.value)}>
                <optgroup label="Built in">
                  {scenarioCards.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.title} (~{c.expectedMinutes} min)
                    </option>
                  ))}
                </optgroup>
                {imports.length > 0 && (
                  <optgroup label="Imported in this browser">
                    {imports.map((i) => (
                      <option key={i.card.id} value={i.card.id}>
                        {i.card.title} ({i.fileName})
                      </option>
                    ))}
                  </optgroup>
                )}
              </select>
            </div>

            <fieldset className="room-form__field">
              <legend className="field__label">Level</legend>
              <div className="room-choice">
                {levelNames.map((l) => (
                  <label key={l} className="room-choice__option">
                    <input type="radio" name={`${id}-level`} checked={level === l} onChange={() => setLevel(l)} />
                    <span>{levelLabels[l]}</span>
                  </label>
                ))}
              </div>
              <p className="room-card__help">{levelEffects[level].summary}</p>
            </fieldset>

            <fieldset className="room-form__field">
              <legend className="field__label">Starting speed</legend>
              <div className="room-choice">
                {speeds.map((s) => (
                  <label key={s} className="room-choice__option">
                    <input type="radio" name={`${id}-speed`} checked={speed === s} onChange={() => setSpeed(s)} />
                    <span>{s}×</span>
                  </label>
                ))}
              </div>
              <p className="room-card__help">You can pause and change the speed for everyone during play.</p>
            </fieldset>

            <div className="room-form__field">
              <label className="field__label" htmlFor={`${id}-seed`}>
                Seed
              </label>
              <div className="room-form__row">
                <input
                  id={`${id}-seed`}
                  className="room-input mono"
                  inputMode="numeric"
                  value={seedText}
                  aria-invalid={seedOk ? undefined : true}
                  aria-describedby={`${id}-seed-help`}
                  onChange={(e) => setSeedText(e.target.value)}
                />
                <button type="button" className="btn" onClick={() => setSeedText(String(Math.max(1, randomSeed())))}>
                  New seed
                </button>
              </div>
              <p id={`${id}-seed-help`} className={seedOk ? 'room-card__help' : 'room-card__error'}>
                {seedOk ? 'Same scenario, level and seed: the same incident, so drills can be compared.' : `A whole number from 1 to ${2 ** 31 - 1}.`}
              </p>
            </div>

            <fieldset className="room-form__field room-form__field--full">
              <legend className="field__label">Seats to fill</legend>
              <div className="room-choice room-choice--wrap">
                {rolesByMode[mode].map((r) => (
                  <label key={r} className="room-choice__option">
                    <input type="checkbox" checked={seats.includes(r)} onChange={(e) => toggleSeat(r, e.target.checked)} />
                    <span>{roleLabel(r, mode)}</span>
                  </label>
                ))}
              </div>
              <p className="room-card__help">The lobby shows which of these are taken. Observers can always join.</p>
            </fieldset>
          </div>

          {problem && (
            <p className="room-card__error" role="alert">
              {problem}
            </p>
          )}
          <div className="room-card__actions">
            <button type="button" className="btn btn--ghost" onClick={() => goTo(hashOf({ kind: 'catalogue' }))}>
              Cancel
            </button>
            <button type="submit" className="btn btn--primary" disabled={session !== null}>
              {session ? 'Creating the room…' : 'Create the room'}
            </button>
          </div>
        </form>
      </main>
    </div>
  );
}
