import type { ReactNode } from 'react';
import { formatDuration, timeOfDay, type DebriefView } from '../../../engine';
import type { Scenario } from '../../../scenarios/schema';
import { Fold } from './Fold';
import { TableScroll } from '../../components/table-scroll/TableScroll';

const phaseLabel: Record<string, string> = { detect: 'Detect', triage: 'Triage', mitigate: 'Mitigate', verify: 'Verify', prevent: 'Prevent' };

/** The phase's name in words. */
export function phaseName(phase: string): string {
  return phaseLabel[phase] ?? phase.charAt(0).toUpperCase() + phase.slice(1);
}

/** Each key step of the model walkthrough: whether and when you did it, and what skipping it cost. */
export function DebriefKeySteps({ debrief, scenario, children }: { debrief: DebriefView; scenario: Scenario; children?: ReactNode }) {
  const done = debrief.keySteps.filter((k) => k.playerAt !== null).length;
  return (
    <section className="result__section debrief-section" aria-labelledby="debrief-keysteps-title">
      <h2 id="debrief-keysteps-title" className="result__heading">
        Key steps against the model
      </h2>
      <p className="result__note">
        You did {done} of the model walkthrough’s {debrief.keySteps.length} key steps. The model walkthrough is the run that sets par.
      </p>
      <Fold summary="Show each key step, yours beside the model’s">
        <TableScroll label="Key steps table">
          <table className="result-table debrief-keysteps">
            <thead>
              <tr>
                <th scope="col">Key step</th>
                <th scope="col">Model at</th>
                <th scope="col">You at</th>
                <th scope="col">Cost</th>
              </tr>
            </thead>
            <tbody>
              {debrief.keySteps.map((k) => (
                <tr key={k.index} className={k.playerAt === null ? 'debrief-keysteps__row--missed' : undefined}>
                  <th scope="row">
                    <span className="debrief-keysteps__label">{k.label}</span>
                    <span className="debrief-sub">{phaseName(k.phase)}</span>
                  </th>
                  <td className="mono">{timeOfDay(scenario.clock, k.modelAt)}</td>
                  <td>
                    {k.playerAt === null ? (
                      <span className="badge badge--danger">not done</span>
                    ) : (
                      <>
                        <span className="mono">{timeOfDay(scenario.clock, k.playerAt)}</span>
                        <span className="debrief-sub">
                          {k.delayS === null || Math.abs(k.delayS) < 1 ? 'same time' : k.delayS > 0 ? `${formatDuration(k.delayS)} later` : `${formatDuration(-k.delayS)} earlier`}
                        </span>
                      </>
                    )}
                  </td>
                  <td className="debrief-keysteps__cost">{k.cost ?? (k.delayS !== null && k.delayS > 60 ? 'Done, later than the model: the time parts show what the delay cost.' : 'Nothing.')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </Fold>
      {children}
    </section>
  );
}
