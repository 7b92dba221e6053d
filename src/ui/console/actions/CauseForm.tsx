import { useId, useState } from 'react';
import { timeOfDay } from '../../../engine';
import { useSend, useView } from '../../hooks/use-session';
import { evidenceKey } from '../evidence/evidence-key';
import { useEvidenceStore, usePinnedLines } from '../../store/evidence-store';

/**
 * Declares the root cause the way a responder states it: the failing component, the mechanism
 * from the shared taxonomy, and the lines of output that show it. Nothing here lists causes.
 */
export function CauseForm() {
  const view = useView();
  const send = useSend();
  const id = useId();
  const key = evidenceKey(view);
  const pinned = usePinnedLines(key);
  const unpin = useEvidenceStore((s) => s.unpin);
  const [component, setComponent] = useState('');
  const [mechanism, setMechanism] = useState('');
  const { components, mechanisms } = view.scenario;
  const kinds = [...new Set(components.map((c) => c.kind))];
  const declared = view.causeDeclarations.at(-1);
  const labelOf = (cid: string) => components.find((c) => c.id === cid)?.label ?? cid;
  const mechanismOf = (mid: string) => mechanisms.find((m) => m.id === mid)?.label ?? mid;
  const ready = component !== '' && mechanism !== '' && pinned.length > 0;
  return (
    <fieldset className="declare__fieldset">
      <legend>Root cause</legend>
      {declared && (
        <p className="declare__current">
          Declared at {timeOfDay(view.scenario.clock, declared.at)}: {labelOf(declared.component)} — {mechanismOf(declared.mechanism)}
        </p>
      )}
      <label className="declare__label" htmlFor={`${id}-component`}>
        Failing component
      </label>
      <select id={`${id}-component`} className="declare__select" value={component} onChange={(e) => setComponent(e.target.value)}>
        <option value="">Choose a component…</option>
        {kinds.map((kind) => (
          <optgroup key={kind} label={kind === 'none' ? 'Not a component' : `${kind}s`}>
            {components
              .filter((c) => c.kind === kind)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      <label className="declare__label" htmlFor={`${id}-mechanism`}>
        Mechanism
      </label>
      <select id={`${id}-mechanism`} className="declare__select" value={mechanism} onChange={(e) => setMechanism(e.target.value)}>
        <option value="">Choose a mechanism…</option>
        {mechanisms.map((m) => (
          <option key={m.id} value={m.id}>
            {m.label}
          </option>
        ))}
      </select>
      <p className="declare__label" id={`${id}-evidence`}>
        Evidence ({pinned.length})
      </p>
      {pinned.length === 0 ? (
        <p className="declare__hint">Pin the lines that show the cause: every output in the terminal and the tools has “Pin a line as evidence”.</p>
      ) : (
        <ul className="declare__evidence" aria-labelledby={`${id}-evidence`}>
          {pinned.map((line) => (
            <li key={line}>
              <code>{line}</code>
              <button type="button" className="btn btn--small" onClick={() => unpin(key, line)} aria-label={`Unpin ${line.slice(0, 60)}`}>
                Unpin
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="btn" disabled={!ready || view.milestones.diagnosed !== null} onClick={() => send({ type: 'incident.declare-cause', component, mechanism: mechanism as (typeof mechanisms)[number]['id'], evidence: pinned })}>
        Declare root cause
      </button>
    </fieldset>
  );
}
