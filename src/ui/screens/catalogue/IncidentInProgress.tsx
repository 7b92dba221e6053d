import { stageOf } from '../../../engine/flow/stage';
import { hashOf } from '../../routes/hash-route';
import { goTo } from '../../routes/use-hash-route';
import { useSessionStore } from '../../store/session-store';

/** A way back to the incident the player left for the catalogue (Back from the console): it waits, paused. */
export function IncidentInProgress() {
  const stage = useSessionStore((s) => (s.session ? stageOf(s.session.state.flow) : null));
  const title = useSessionStore((s) => s.session?.scenario.title);
  if (stage !== 'running' && stage !== 'prevent') return null;
  const running = stage === 'running';
  return (
    <div className="notice catalogue__in-progress" role="status">
      <span>
        “{title}” is still {running ? 'running, paused' : 'waiting for its postmortem'}. Opening another briefing abandons it.
      </span>
      <button type="button" className="btn btn--primary" onClick={() => goTo(hashOf({ kind: running ? 'play' : 'postmortem' }))}>
        {running ? 'Return to the incident' : 'Return to the postmortem'}
      </button>
    </div>
  );
}
