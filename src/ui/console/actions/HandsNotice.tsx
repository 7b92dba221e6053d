import { formatDuration, handsPerResponder, heldAt, timeOfDay } from '../../../engine';
import { useActor, useClock, useView } from '../../hooks/use-session';

/** What this responder has in hand (a command runs and is read before a hand is free again), and that a third waits. */
export function HandsNotice() {
  const view = useView();
  const clock = useClock();
  const held = heldAt(view.hands, useActor(), clock);
  if (held.length === 0) return null;
  const full = held.length >= handsPerResponder;
  return (
    <p className={`actions__hands${full ? ' actions__hands--full' : ''}`} role="status" aria-label="Your hands">
      In hand ({held.length} of {handsPerResponder}):{' '}
      {held.map((h, i) => (
        <span key={`${h.from}-${i}`} className="actions__hand">
          {i > 0 && ' · '}“{h.what}” until {timeOfDay(view.scenario.clock, h.until)}
        </span>
      ))}
      {full && <> — both hands are busy; the next command can start in {formatDuration(Math.max(0, (held[0]?.until ?? clock) - clock))}. A job you started keeps running on its own.</>}
    </p>
  );
}
