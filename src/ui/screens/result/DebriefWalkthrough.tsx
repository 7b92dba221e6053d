import { relativeTime, timeOfDay, type DebriefView, type WalkthroughLine } from '../../../engine';
import type { Scenario } from '../../../scenarios/schema';
import { phaseName } from './DebriefKeySteps';

/** The model walkthrough, phase by phase: what the model did on this seed, when, and why. Revealed only in the debrief. */
export function DebriefWalkthrough({ debrief, scenario }: { debrief: DebriefView; scenario: Scenario }) {
  const phases: { phase: string; lines: WalkthroughLine[] }[] = [];
  for (const line of debrief.walkthrough) {
    const last = phases.at(-1);
    if (last && last.phase === line.phase) last.lines.push(line);
    else phases.push({ phase: line.phase, lines: [line] });
  }
  return (
    <section className="result__section debrief-section" aria-labelledby="debrief-walkthrough-title">
      <h2 id="debrief-walkthrough-title" className="result__heading">
        Model walkthrough
      </h2>
      <p className="result__note">What the model responder did on this seed, and why. This is the run that sets par; its key steps are set against yours above.</p>
      <details className="debrief-disclosure">
        <summary className="debrief-disclosure__summary">Show the model’s {debrief.walkthrough.length} steps, with why</summary>
      {phases.map(({ phase, lines }, i) => (
        <div key={`${phase}-${i}`} className="debrief-walkthrough__phase">
          <h3 className="result__subheading">{phaseName(phase)}</h3>
          <ol className="debrief-walkthrough">
            {lines.map((line) => (
              <li key={line.index} className="debrief-walkthrough__step">
                <span className="debrief-walkthrough__time mono">
                  {timeOfDay(scenario.clock, line.at)}
                  <span className="debrief-sub">{relativeTime(line.at)}</span>
                </span>
                <div>
                  <p className="debrief-walkthrough__what">{line.label}</p>
                  <p className="debrief-walkthrough__why">{line.why}</p>
                </div>
              </li>
            ))}
          </ol>
        </div>
      ))}
      </details>
    </section>
  );
}
