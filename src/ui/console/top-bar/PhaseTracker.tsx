import type { PhaseOrStage } from '../../../engine';
import type { Scenario } from '../../../scenarios/schema';

// A decision drill moves through the same stages, named for what the player does in them: take in
// the news (its page), weigh the options until a plan is sent, negotiate it until it is agreed,
// confirm what it covers, then follow up.
const steps = [
  { id: 'detect', incident: 'Detect', decision: 'Take in' },
  { id: 'triage', incident: 'Triage', decision: 'Assess' },
  { id: 'mitigate', incident: 'Mitigate', decision: 'Negotiate' },
  { id: 'verify', incident: 'Verify', decision: 'Confirm' },
  { id: 'prevent', incident: 'Prevent', decision: 'Follow up' },
] as const;

/** Where the incident stands: detect → triage → mitigate → verify → prevent (a decision drill's own names for them). */
export function PhaseTracker({ phase, kind }: { phase: PhaseOrStage; kind: Scenario['kind'] }) {
  const decision = kind === 'decision';
  const current = steps.findIndex((s) => s.id === phase);
  return (
    <nav aria-label={decision ? 'Drill phase' : 'Incident phase'}>
      <ol className="phase-tracker">
        {steps.map((step, i) => {
          const state = i < current ? 'done' : i === current ? 'current' : 'todo';
          return (
            <li key={step.id} className={`phase-tracker__step phase-tracker__step--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="phase-tracker__dot" aria-hidden="true">
                {state === 'done' ? '✓' : i + 1}
              </span>
              {decision ? step.decision : step.incident}
              {state === 'done' && <span className="visually-hidden"> (done)</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
