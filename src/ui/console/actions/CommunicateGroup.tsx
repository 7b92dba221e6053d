import { timeOfDay } from '../../../engine';
import { useView } from '../../hooks/use-session';
import { ActionList } from './ActionList';
import { useConsoleUi } from '../../store/console-ui-store';

/** Communication: write a status update, see when the last one went out. */
export function CommunicateGroup() {
  const view = useView();
  const updates = view.messages.filter((m) => m.kind === 'status-update');
  const last = updates[updates.length - 1];
  const { firstUpdateWithinS, cadenceS } = view.scenario.communication;
  return (
    <div className="actions__group">
      <p className="actions__hint">
        Stakeholders expect a first update within {Math.round(firstUpdateWithinS / 60)} minutes of the page, then at least every {Math.round(cadenceS / 60)} minutes.
      </p>
      <p className="actions__hint">{last ? `Last update at ${timeOfDay(view.scenario.clock, last.at)} (${updates.length} so far).` : 'No status update posted yet.'}</p>
      <button type="button" className="btn btn--primary" onClick={() => useConsoleUi.getState().openComposer()}>
        Write a status update
      </button>
      {view.scenario.actions.some((a) => a.category === 'communicate') && <ActionList category="communicate" />}
    </div>
  );
}
