import { formatDuration, relativeTime, timeOfDay, type PlayerView } from '../../../engine';

interface Stat {
  label: string;
  value: string;
  note?: string;
}

/**
 * What the player saw of the incident, from their own record: when the page came, when they
 * acknowledged it, when the impact stopped and when they resolved it. Scored times (MTTD and
 * the rest) need the hidden impact start, so they wait for the debrief.
 */
export function PostmortemRecap({ view }: { view: PlayerView }) {
  const { milestones, scenario } = view;
  const at = (t: number | null) => (t === null ? 'not reached' : timeOfDay(scenario.clock, t));
  const rel = (t: number | null) => (t === null ? undefined : relativeTime(t));
  const pageToResolve = milestones.detected !== null && milestones.resolved !== null ? formatDuration(milestones.resolved - milestones.detected) : null;
  const updates = view.messages.filter((m) => m.kind === 'status-update').length;
  const stats: Stat[] = [
    { label: 'First page', value: at(milestones.detected), note: rel(milestones.detected) },
    { label: 'Acknowledged', value: at(milestones.acknowledged), note: rel(milestones.acknowledged) },
    { label: 'Impact stopped', value: at(milestones.mitigated), note: rel(milestones.mitigated) },
    { label: 'Resolved', value: at(milestones.resolved), note: pageToResolve ? `${pageToResolve} after the first page` : rel(milestones.resolved) },
    { label: 'Timeline', value: `${view.timeline.length} events`, note: `${view.actionsTaken.length} actions, ${updates} status update${updates === 1 ? '' : 's'}` },
  ];
  const declared = view.causeDeclarations.at(-1);
  const declaredLabel = declared ? `${scenario.components.find((c) => c.id === declared.component)?.label ?? declared.component} — ${scenario.mechanisms.find((m) => m.id === declared.mechanism)?.label ?? declared.mechanism}` : null;
  return (
    <section className="postmortem-recap" aria-labelledby="postmortem-recap-title">
      <h2 id="postmortem-recap-title" className="postmortem__heading">
        Your incident so far
      </h2>
      <dl className="postmortem-recap__stats">
        {stats.map((s) => (
          <div key={s.label} className="postmortem-recap__stat">
            <dt className="figure-label">{s.label}</dt>
            <dd>
              <span className="postmortem-recap__value">{s.value}</span>
              {s.note && <span className="postmortem-recap__note">{s.note}</span>}
            </dd>
          </div>
        ))}
      </dl>
      {declaredLabel && (
        <p className="postmortem-recap__cause">
          <span className="postmortem-recap__cause-label">Cause you declared</span> {declaredLabel}
        </p>
      )}
    </section>
  );
}
