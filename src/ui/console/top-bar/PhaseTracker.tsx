import type { PhaseOrStage } from '../../../engine';

const steps = [
  { id: 'detect', label: 'Detect' },
  { id: 'triage', label: 'Triage' },
  { id: 'mitigate', label: 'Mitigate' },
  { id: 'verify', label: 'Verify' },
  { id: 'prevent', label: 'Prevent' },
] as const;

/** Where the incident stands: detect → triage → mitigate → verify → prevent. */
export function PhaseTracker({ phase }: { phase: PhaseOrStage }) {
  const current = steps.findIndex((s) => s.id === phase);
  return (
    <nav aria-label="Incident phase">
      <ol className="phase-tracker">
        {steps.map((step, i) => {
          const state = i < current ? 'done' : i === current ? 'current' : 'todo';
          return (
            <li key={step.id} className={`phase-tracker__step phase-tracker__step--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="phase-tracker__dot" aria-hidden="true">
                {state === 'done' ? '✓' : i + 1}
              </span>
              {step.label}
              {state === 'done' && <span className="visually-hidden"> (done)</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
