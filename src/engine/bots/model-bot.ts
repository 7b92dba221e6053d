import type { Command, Scenario, WalkthroughStep } from '../../scenarios/schema';
import { runFacts } from '../scoring/postmortem-review';
import type { SimState } from '../state';
import { BotTable, type BotRun } from './play';

/**
 * The model's postmortem states what it measured in its own run (impact minutes, detection time,
 * data lost and duplicated) and the cause it declared, where the walkthrough leaves them out:
 * those numbers differ by seed and level, the walkthrough's words do not.
 */
function withRunFacts(s: Scenario, state: SimState, command: Command): Command {
  if (command.type !== 'postmortem.submit') return command;
  const facts = runFacts(s, state);
  const measured = {
    ...(facts.durationMin !== null && { durationMin: facts.durationMin }),
    ...(facts.detectedAfterMin !== null && { detectedAfterMin: facts.detectedAfterMin }),
    ...(facts.lost !== null && { lost: facts.lost }),
    ...(facts.duplicated !== null && { duplicated: facts.duplicated }),
  };
  const declared = state.causeDeclarations.find((d) => d.correct);
  const cause = command.cause ?? (declared ? { component: declared.component, mechanism: declared.mechanism as NonNullable<typeof command.cause>['mechanism'] } : undefined);
  // Keys in the schema's order: a replay file parses the log in that order, and the state hash reads the log as written.
  const { type, rootCause, followUps, impact: _impact, cause: _cause, ...written } = command;
  return { type, rootCause, followUps, impact: { ...measured, ...command.impact }, ...(cause && { cause }), ...written };
}

/**
 * Plays the scenario's model walkthrough (the steps `keep` accepts: all of them by default),
 * each step `lateS` seconds after the model's own time (a slower responder doing the same).
 * Step times count from the first page, so the model stays on script whatever the seed does
 * to the fault timeline.
 */
export function playModel(s: Scenario, seed: number, keep: (step: WalkthroughStep) => boolean = () => true, lateS = 0): BotRun {
  const table = new BotTable(s, seed);
  table.act(s.clock.playerStartS, { type: 'session.start' });
  while (table.state.milestones.detected === null && table.state.t < s.clock.endS) table.wait(table.state.t + s.clock.tickS);
  const pagedAt = table.state.milestones.detected ?? table.state.t;
  for (const step of s.walkthrough) {
    if (table.state.ended) break;
    if (!keep(step)) continue;
    const at = pagedAt + step.atS + lateS;
    // Like a person, the model types at a prompt once its previous line has printed.
    const prompt = step.command.type === 'terminal.run' ? 'terminal' : step.command.type === 'sql.run' ? 'sql' : null;
    const running = prompt === null ? undefined : table.state[prompt]?.at(-1);
    if (running && running.output === null && running.endsAt > at) table.wait(running.endsAt);
    const command = step.command;
    if (command.type === 'alert.acknowledge') {
      // A page that cleared before it was acknowledged is acknowledged when it pages again.
      table.wait(at);
      while (table.state.alerts[command.alert]?.status !== 'firing' && table.state.t < s.clock.endS) table.wait(table.state.t + s.clock.tickS);
    }
    if (command.type === 'postmortem.submit') table.wait(at);
    table.act(at, withRunFacts(s, table.state, command));
  }
  return table.finish();
}
