import type { Command, Scenario } from '../../scenarios/schema';
import { declarationLabel } from '../diagnosis';

/**
 * A command in words, as the debrief shows it: action labels come from the scenario's
 * catalogue, causes and alerts by their titles, everything else as a short imperative.
 */
export function commandLabel(s: Scenario, c: Command): string {
  switch (c.type) {
    case 'session.start':
      return 'Take the console';
    case 'alert.acknowledge':
      return `Acknowledge the page “${s.alerts.find((a) => a.id === c.alert)?.title ?? c.alert}”`;
    case 'action.start':
      return s.actions.find((a) => a.id === c.action)?.label ?? c.action;
    case 'incident.set-severity':
      return `Set the severity to ${c.severity}`;
    case 'incident.declare-cause':
      return `Declare the root cause: ${declarationLabel(s, c.component, c.mechanism)}`;
    case 'incident.declare-mitigated':
      return 'Declare the impact mitigated';
    case 'incident.resolve':
      return 'Resolve the incident (every verification check must pass)';
    case 'comms.post':
      return `Post a status update: “${c.text}”`;
    case 'note.add':
      return `Write a note: “${c.text}”`;
    case 'plan.send': {
      const lines = c.sections.reduce((n, x) => n + x.lines.length, 0);
      return `Send the plan (${lines} line${lines === 1 ? '' : 's'})`;
    }
    case 'hint.reveal':
      return 'Reveal a hint';
    case 'postmortem.submit':
      return 'Submit the postmortem with its follow-ups';
    case 'facilitator.inject':
      return `Facilitator inject: ${s.injects.find((i) => i.id === c.inject)?.label ?? c.inject}`;
    case 'session.end':
      return 'End the session';
    case 'terminal.run':
      return `Run \`${c.line}\``;
    case 'sql.run':
      return `Query \`${c.query}\``;
  }
}


/** Whether two commands are the same (commands are plain JSON data). */
export function sameCommand(a: Command, b: Command): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
