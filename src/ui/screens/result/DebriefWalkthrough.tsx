import type { DebriefView, WalkthroughLine } from '../../../engine';
import { ClockTime } from './ClockTime';
import { Fold } from './Fold';
import type { Scenario } from '../../../scenarios/schema';
import { phaseName } from './DebriefKeySteps';

/** The model walkthrough, phase by phase, folded: what the model did on this seed, when, and why. Revealed only in the debrief. */
export function DebriefWalkthrough({ debrief, scenario }: { debrief: DebriefView; scenario: Scenario }) {
  const phases: { phase: string; lines: WalkthroughLine[] }[] = [];
  for (const line of debrief.walkthrough) {
    const last = phases.at(-1);
    if (last && last.phase === line.phase) last.lines.push(line);
    else phases.push({ phase: line.phase, lines: [line] });
  }
  return (
    <Fold summary={`Show the model walkthrough: its ${debrief.walkthrough.length} steps, with why`}>
        {phases.map(({ phase, lines }, i) => (
          <div key={`${phase}-${i}`} className="debrief-walkthrough__phase">
            <h3 className="result__subheading">{phaseName(phase)}</h3>
            <ol className="debrief-walkthrough">
              {lines.map((line) => (
                <li key={line.index} className="debrief-walkthrough__step">
                  <ClockTime clock={scenario.clock} at={line.at} className="debrief-walkthrough__time" />
                  <div>
                    <p className="debrief-walkthrough__what">{line.label}</p>
                    <p className="debrief-walkthrough__why">{line.why}</p>
                  </div>
                </li>
              ))}
            </ol>
          </div>
        ))}
    </Fold>
  );
}
