import { timeOfDay } from '../../../engine';
import { useSend, useView } from '../../hooks/use-session';
import { CauseForm } from './CauseForm';

const severities = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;

/** Declarations: severity, the root cause, mitigated and resolved. */
export function DeclareGroup() {
  const view = useView();
  const send = useSend();
  const lastResolve = view.resolveAttempts[view.resolveAttempts.length - 1];
  if (view.scenario.kind === 'decision') {
    return (
      <div className="actions__group">
        <fieldset className="declare__fieldset">
          <legend>The plan</legend>
          <p className="declare__help">Write and send the plan in the Plan tab. When the plan you sent covers everything the launch needs, call it final.</p>
          <div className="declare__row">
            <button type="button" className="btn btn--primary" onClick={() => send({ type: 'incident.resolve' })}>
              Call the plan final
            </button>
          </div>
          {lastResolve && !lastResolve.verified && (
            <p className="declare__failures" role="alert">
              At {timeOfDay(view.scenario.clock, lastResolve.at)} the plan was not ready to call final: it does not yet cover everything the launch needs. Revise it, send it again, then call it final.
            </p>
          )}
        </fieldset>
      </div>
    );
  }
  return (
    <div className="actions__group">
      <fieldset className="declare__fieldset">
        <legend>Severity</legend>
        <div className="declare__row" role="group" aria-label="Severity">
          {severities.map((sev) => (
            <button key={sev} type="button" className="btn btn--small" aria-pressed={view.severity === sev} onClick={() => send({ type: 'incident.set-severity', severity: sev })}>
              {sev}
            </button>
          ))}
        </div>
      </fieldset>

      <CauseForm />

      <fieldset className="declare__fieldset">
        <legend>Status</legend>
        <div className="declare__row">
          <button type="button" className="btn" disabled={view.mitigationDeclaredAt !== null} onClick={() => send({ type: 'incident.declare-mitigated' })}>
            {view.mitigationDeclaredAt !== null ? `Mitigated (declared ${timeOfDay(view.scenario.clock, view.mitigationDeclaredAt)})` : 'Declare mitigated'}
          </button>
          <button type="button" className="btn btn--primary" onClick={() => send({ type: 'incident.resolve' })}>
            Declare resolved
          </button>
        </div>
        {lastResolve && !lastResolve.verified && (
          <p className="declare__failures" role="alert">
            Verification at {timeOfDay(view.scenario.clock, lastResolve.at)} failed: the platform does not pass every check yet. Check it with the tools, then declare resolved again.
          </p>
        )}
      </fieldset>
    </div>
  );
}
