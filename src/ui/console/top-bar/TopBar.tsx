import { formatDuration, relativeTime, timeOfDay } from '../../../engine';
import { useClock, useHost, useHostState, useView } from '../../hooks/use-session';
import { usePreferences } from '../../store/preferences-store';
import { speeds } from '../../store/session-store';
import { linkTo } from '../../routes/hash-route';
import { PhaseTracker } from './PhaseTracker';
import './top-bar.css';

function incidentStatus(view: ReturnType<typeof useView>): { label: string; tone: 'danger' | 'warn' | 'ok' | 'neutral' } {
  if (view.milestones.resolved !== null) return { label: 'Resolved', tone: 'ok' };
  if (view.milestones.mitigated !== null) return { label: 'Mitigated', tone: 'ok' };
  if (view.causeDeclarations.length > 0) return { label: 'Identified', tone: 'warn' };
  if (view.milestones.detected !== null) return { label: 'Investigating', tone: 'danger' };
  return { label: 'Monitoring', tone: 'neutral' };
}

/** The console's top bar: clock, speed and pause, phase, deadline and incident status. */
export function TopBar({ onShowShortcuts }: { onShowShortcuts: () => void }) {
  const view = useView();
  const clock = useClock();
  const host = useHost();
  const speed = useHostState((s) => s.speed);
  const paused = useHostState((s) => s.paused);
  const controls = useHostState((s) => s.controls);
  const theme = usePreferences((p) => p.theme);
  const { deadline } = view.scenario.briefing;
  const untilDeadline = deadline.atS - clock;
  const status = incidentStatus(view);
  const endNow = () => {
    if (window.confirm('End the incident now? It will be scored as it stands.')) host.send({ type: 'session.end' });
  };
  return (
    <header className="top-bar">
      <div className="top-bar__title">
        <img src="/favicon.svg" alt="" width={22} height={22} />
        <span className="top-bar__scenario" title={view.scenario.title}>
          {view.scenario.title}
        </span>
      </div>
      <PhaseTracker phase={view.phase} kind={view.scenario.kind} />
      <div className="top-bar__clock" role="timer" aria-live="off" aria-label={`Sim time ${timeOfDay(view.scenario.clock, clock)}, ${relativeTime(clock)} from the page`}>
        <span className="top-bar__time">{timeOfDay(view.scenario.clock, clock)}</span>
        <span className="top-bar__relative">{relativeTime(clock)}</span>
      </div>
      {/* The speed and the deadline: one row on a phone, separate items of the bar elsewhere. */}
      <div className="top-bar__pace">
      {controls.clock ? (
        <div className="top-bar__speed" role="group" aria-label="Speed">
          <button
            type="button"
            className="btn btn--small top-bar__pause"
            aria-pressed={paused}
            aria-label={paused ? 'Resume' : 'Pause'}
            onClick={() => host.setPaused(!paused)}
            title="Pause or resume (space)"
          >
            {paused ? '▶' : '❚❚'}
          </button>
          {speeds.map((s, i) => (
            <button
              key={s}
              type="button"
              className="btn btn--small"
              aria-pressed={speed === s}
              aria-label={`${s}× speed`}
              title={`${s}× speed (${i + 1})`}
              onClick={() => {
                host.setSpeed(s);
                if (host.kind === 'solo') usePreferences.getState().setSpeed(s);
              }}
            >
              {s}×
            </button>
          ))}
        </div>
      ) : (
        <div className="top-bar__speed top-bar__speed--shared" role="status" aria-label="Clock">
          <span className={`badge badge--${paused ? 'warn' : 'neutral'}`}>{paused ? 'Paused' : `${speed}×`}</span>
        </div>
      )}
      <div className={`top-bar__deadline${untilDeadline < 600 ? ' top-bar__deadline--urgent' : ''}`}>
        <span className="top-bar__deadline-label" title={deadline.label}>
          {deadline.label}
        </span>
        <span className="top-bar__deadline-value">{untilDeadline >= 0 ? `in ${formatDuration(untilDeadline)}` : `${formatDuration(-untilDeadline)} ago`}</span>
      </div>
      </div>
      <div className="top-bar__status">
        {view.severity && <span className="badge badge--danger">{view.severity}</span>}
        <span className={`badge badge--${status.tone}`}>{status.label}</span>
      </div>
      <div className="top-bar__tools">
        <button
          type="button"
          className="btn btn--small btn--ghost"
          aria-pressed={theme === 'light'}
          aria-label="Light theme"
          title="Light theme"
          onClick={() => usePreferences.getState().setTheme(theme === 'light' ? 'dark' : 'light')}
        >
          {theme === 'light' ? '☾' : '☀'}
        </button>
        {host.kind === 'solo' && (
          <button
            type="button"
            className="btn btn--small btn--ghost"
            onClick={() => window.open(linkTo({ kind: 'follow' }, window.location), 'firedrill-follower', 'popup')}
            aria-label="Open a follower window"
            title="Open a follower window: a read-only copy of this console for a projector"
          >
            <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <rect x="1.5" y="4.5" width="10" height="10" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
              <path d="M5 1.5h8a1.5 1.5 0 0 1 1.5 1.5v8" fill="none" stroke="currentColor" strokeWidth="1.5" />
            </svg>
          </button>
        )}
        <button type="button" className="btn btn--small btn--ghost" onClick={onShowShortcuts} aria-label="Keyboard shortcuts">
          ?
        </button>
        {controls.end && (
          <button type="button" className="btn btn--small btn--ghost" onClick={endNow} aria-label="End incident" title="End the incident now and see the result">
            End
          </button>
        )}
      </div>
    </header>
  );
}
