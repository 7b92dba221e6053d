import { useState } from 'react';
import { timeOfDay } from '../../../engine';
import { useSend, useView } from '../../hooks/use-session';

const severities = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;

/** Declarations: severity, the root cause, mitigated and resolved. */
export function DeclareGroup() {
  const view = useView();
  const send = useSend();
  const [cause, setCause] = useState<string>('');
  const declared = view.causeDeclarations[view.causeDeclarations.length - 1];
  const declaredLabel = declared && view.scenario.causeCandidates.find((c) => c.id === declared.cause)?.label;
  const lastResolve = view.resolveAttempts[view.resolveAttempts.length - 1];
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

      <fieldset className="declare__fieldset">
        <legend>Root cause</legend>
        {declared && declaredLabel && (
          <p className="declare__current">
            Declared at {timeOfDay(view.scenario.clock, declared.at)}: {declaredLabel}
          </p>
        )}
        <div className="declare__causes">
          {view.scenario.causeCandidates.map((c) => (
            <label key={c.id} className="declare__cause">
              <input type="radio" name="root-cause" value={c.id} checked={cause === c.id} onChange={() => setCause(c.id)} />
              <span>{c.label}</span>
            </label>
          ))}
        </div>
        <button type="button" className="btn" disabled={!cause || view.milestones.diagnosed !== null} onClick={() => send({ type: 'incident.declare-cause', cause })}>
          Declare root cause
        </button>
      </fieldset>

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
        {lastResolve && lastResolve.failures.length > 0 && (
          <div className="declare__failures" role="alert">
            <p>Verification at {timeOfDay(view.scenario.clock, lastResolve.at)} failed:</p>
            <ul>
              {lastResolve.failures.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          </div>
        )}
      </fieldset>
    </div>
  );
}
