import { levelEffects, timeOfDay } from '../../../engine';
import { PlatformDiagram } from '../../components/platform-diagram/PlatformDiagram';
import { levelLabels } from '../../selectors/format';
import { sendCommand } from '../../store/session-actions';
import { useSessionStore, type LiveSession } from '../../store/session-store';
import { ScreenHeader } from '../catalogue/ScreenHeader';
import { timeUntil, withInlineCode } from './briefing-text';
import './briefing.css';

/** The briefing: who the player is, the platform, the SLAs, what is at stake, and the clock that is about to start. */
export default function BriefingScreen() {
  const session = useSessionStore((s) => s.session);
  // The session may close (Back to catalogue) a render before the app swaps screens.
  return session ? <Briefing session={session} /> : null;
}

function Briefing({ session }: { session: LiveSession }) {
  const speed = useSessionStore((s) => s.speed);
  const { view } = session;
  const { scenario } = view;
  const { briefing } = scenario;
  const now = timeOfDay(scenario.clock, view.t);
  const deadlineAt = timeOfDay(scenario.clock, briefing.deadline.atS).slice(0, 5);

  return (
    <div className="page briefing">
      <ScreenHeader />
      <main className="briefing__main">
        <div className="briefing__intro">
          <p className="briefing__eyebrow">
            {scenario.title} · {levelLabels[session.level]} level · ~{scenario.expectedMinutes} min
          </p>
          <h1 className="briefing__title">{scenario.kind === 'decision' ? 'Decision briefing' : 'Incident briefing'}</h1>
          <p className="briefing__hook">{scenario.hook}</p>
        </div>

        <section className="briefing__deadline" aria-labelledby="briefing-deadline-title">
          <h2 id="briefing-deadline-title" className="visually-hidden">
            Deadline
          </h2>
          <div>
            <p className="briefing__deadline-label">{briefing.deadline.label}</p>
            <p className="briefing__deadline-when">
              <strong>{timeUntil(briefing.deadline.atS - view.t)}</strong> · deadline {deadlineAt}, the time now is {now.slice(0, 5)}
            </p>
          </div>
          <svg className="briefing__deadline-icon" viewBox="0 0 24 24" width="40" height="40" aria-hidden="true">
            <circle cx="12" cy="13" r="8" fill="none" stroke="currentColor" strokeWidth="2" />
            <path d="M12 9v4l2.5 2.5M9 2h6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
        </section>

        <div className="briefing__grid">
          <section className="briefing__card" aria-labelledby="briefing-role-title">
            <h2 id="briefing-role-title" className="briefing__heading">
              Your role
            </h2>
            <p>{withInlineCode(briefing.role)}</p>
          </section>

          <section className="briefing__card" aria-labelledby="briefing-stakes-title">
            <h2 id="briefing-stakes-title" className="briefing__heading">
              What is at stake
            </h2>
            <ul className="briefing__stakes">
              {briefing.stakes.map((stake) => (
                <li key={stake}>{withInlineCode(stake)}</li>
              ))}
            </ul>
          </section>

          <section className="briefing__card briefing__card--wide" aria-labelledby="briefing-platform-title">
            <h2 id="briefing-platform-title" className="briefing__heading">
              The platform
            </h2>
            <p className="briefing__platform-text">{withInlineCode(briefing.platform)}</p>
            <PlatformDiagram topology={scenario.topology} className="briefing__diagram" />
          </section>

          <section className="briefing__card" aria-labelledby="briefing-slas-title">
            <h2 id="briefing-slas-title" className="briefing__heading">
              Service levels
            </h2>
            {briefing.slas.length === 0 ? (
              <p className="briefing__muted">No SLAs are set for this scenario.</p>
            ) : (
              <table className="briefing__table">
                <thead>
                  <tr>
                    <th scope="col">SLA</th>
                    <th scope="col">Target</th>
                  </tr>
                </thead>
                <tbody>
                  {briefing.slas.map((sla) => (
                    <tr key={sla.name}>
                      <th scope="row">{withInlineCode(sla.name)}</th>
                      <td>{withInlineCode(sla.target)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          <section className="briefing__card" aria-labelledby="briefing-session-title">
            <h2 id="briefing-session-title" className="briefing__heading">
              This session
            </h2>
            <dl className="briefing__facts">
              <div>
                <dt>Level</dt>
                <dd>
                  {levelLabels[session.level]}: {levelEffects[session.level].summary}
                </dd>
              </div>
              <div>
                <dt>Seed</dt>
                <dd className="mono">{session.seed}</dd>
              </div>
              <div>
                <dt>Speed</dt>
                <dd>{speed}× (change or pause any time)</dd>
              </div>
              <div>
                <dt>Hints</dt>
                <dd>{session.hintsOn ? `On: ${scenario.hintCount} available, each costs points` : 'Off'}</dd>
              </div>
            </dl>
          </section>
        </div>

        <div className="briefing__actions">
          <p className="briefing__ready">{scenario.kind === 'decision' ? 'The clock starts when you do. The news, the chat, the tools and your plan open in the console.' : 'The clock starts when you do. Pages, chat and tools open in the incident console.'}</p>
          <div className="briefing__buttons">
            <button type="button" className="btn btn--ghost" onClick={() => useSessionStore.getState().close()}>
              Back to catalogue
            </button>
            <button type="button" className="btn btn--primary briefing__start" onClick={() => sendCommand({ type: 'session.start' })}>
              {scenario.kind === 'decision' ? 'Start the drill' : 'Start the incident'}
            </button>
          </div>
        </div>
      </main>
    </div>
  );
}
