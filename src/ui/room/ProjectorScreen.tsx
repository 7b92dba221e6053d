import { relativeTime, timeOfDay } from '../../engine';
import { describeEntry } from '../console/timeline/timeline-entries';
import { HostContext, useHostDrive, useHostState } from '../hooks/use-session';
import { useDialer } from './dialer-context';
import { openRoomSession, type RoomSession } from './room-session';
import { useRoomPicture, useRoomSession } from './use-room-session';
import './projector.css';

/** How many of the latest timeline entries fit on a projected screen. */
const shownEntries = 10;

function Projector({ session }: { session: RoomSession }) {
  useHostDrive();
  const view = useHostState((s) => s.view);
  const clock = useHostState((s) => Math.floor(s.clock));
  const pausedBy = useHostState((s) => s.pausedBy);
  const info = useRoomPicture(session, (p) => p.info);
  const failure = useRoomPicture(session, (p) => p.failure);
  const stage = useRoomPicture(session, (p) => p.stage);
  if (!view || !info) {
    return (
      <main className="projector projector--waiting">
        <p className="projector__waiting" role={failure ? 'alert' : 'status'}>
          {failure ?? 'Joining the room…'}
        </p>
      </main>
    );
  }
  const anchor = view.scenario.clock;
  const firing = view.scenario.alerts.filter((a) => view.alerts[a.id]?.status === 'firing');
  const entries = view.timeline.slice(-shownEntries).reverse().map(describeEntry);
  return (
    <main className="projector" aria-label="Projector view">
      <header className="projector__head">
        <div>
          <p className="projector__eyebrow">
            {info.mode === 'drill' ? 'Fire drill' : 'Mock interview'} · room <span className="mono">{info.code}</span>
          </p>
          <h1 className="projector__title">{view.scenario.title}</h1>
        </div>
        <div className="projector__clock">
          <span className="projector__time mono" role="timer" aria-live="off">
            {timeOfDay(anchor, clock)}
          </span>
          <span className="projector__relative mono">{relativeTime(clock)}</span>
        </div>
      </header>
      {pausedBy && (
        <p className="projector__paused" role="status">
          Paused by {pausedBy}
        </p>
      )}
      {stage === 'briefing' && <p className="projector__paused">Waiting for the start</p>}
      <div className="projector__grid">
        <section className="projector__panel" aria-labelledby="projector-pager">
          <h2 id="projector-pager" className="projector__heading">
            Pager
          </h2>
          {firing.length === 0 ? (
            <p className="projector__quiet">No alert firing.</p>
          ) : (
            <ul className="projector__list">
              {firing.map((a) => {
                const acked = view.alerts[a.id]?.ackedAt != null;
                return (
                  <li key={a.id} className="projector__alert">
                    <span className={`badge badge--${acked ? 'neutral' : a.severity === 'page' ? 'danger' : 'warn'}`}>{acked ? 'Acknowledged' : a.severity === 'page' ? 'Page' : 'Warning'}</span> {a.title}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        <section className="projector__panel projector__panel--wide" aria-labelledby="projector-timeline">
          <h2 id="projector-timeline" className="projector__heading">
            Timeline
          </h2>
          {entries.length === 0 ? (
            <p className="projector__quiet">Nothing yet.</p>
          ) : (
            <ol className="projector__list">
              {entries.map((e, i) => (
                <li key={`${e.at}-${i}`} className="projector__entry">
                  <span className="projector__at mono">{timeOfDay(anchor, e.at)}</span>
                  <span className={`badge badge--${e.tone}`}>{e.badgeLabel}</span>
                  <span className="projector__text">{e.text}</span>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </main>
  );
}

/**
 * A room on a projector or a second screen: the clock, the pager and the shared timeline in large
 * type, read-only. It joins as an observer, so it receives the players' view: no hidden truth.
 * It keeps no seat in this browser's storage, so opening it beside the host's console never
 * disturbs the host's own seat.
 */
export default function ProjectorScreen({ code }: { code: string }) {
  const dial = useDialer();
  const session = useRoomSession(`projector-${code}`, () => openRoomSession(dial(), { how: 'join', code, options: { name: 'Projector', role: 'observer' } }, { storage: null, now: () => Date.now(), newId: () => crypto.randomUUID() }));
  if (!session) return null;
  return (
    <HostContext.Provider value={session}>
      <Projector session={session} />
    </HostContext.Provider>
  );
}
