import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatDuration, timeOfDay, type DebriefView } from '../../../engine';
import { Fold } from './Fold';
import type { Scenario } from '../../../scenarios/schema';
import { TableScroll } from '../../components/table-scroll/TableScroll';

const axisTick = { fontSize: 11, fill: 'var(--fg-muted)' };

/** Each reference line's look; the legend below the chart says what each one is, in words. */
const slaStroke: Record<DebriefView['sla'][number]['id'], { stroke: string; dash: string; short: string }> = {
  deadline: { stroke: 'var(--danger)', dash: '6 3', short: 'Deadline' },
  'first-update': { stroke: 'var(--chart-5)', dash: '2 3', short: 'First update due' },
  'mitigation-par': { stroke: 'var(--chart-3)', dash: '4 2', short: 'Par MTTM' },
  'resolution-par': { stroke: 'var(--chart-4)', dash: '8 3', short: 'Par MTTR' },
};

const minutes = (s: number) => Math.round((s / 60) * 10) / 10;

/** "12m 30s after impact", or "never". */
function afterImpact(at: number | null, impact: number): string {
  return at === null ? 'never' : `${formatDuration(at - impact)} after impact`;
}

function gapText(deltaS: number | null, player: number | null, model: number | null): string {
  if (player === null) return model === null ? '—' : 'not reached';
  if (model === null) return 'model never got there';
  if (deltaS === null || Math.abs(deltaS) < 1) return 'same time';
  return deltaS > 0 ? `${formatDuration(deltaS)} later` : `${formatDuration(-deltaS)} earlier`;
}

/**
 * The milestone comparison: when the player reached each milestone against the model's ghost
 * run, in minutes after the impact started, with the deadline and targets as reference lines.
 * When the impact began hours before anyone was paged (the timeline then starts near the page),
 * the bars count from the first page instead, so the response, not the silent hours, fills the
 * chart. The chart is decoration for sighted readers; the table beside it carries every figure.
 */
export function DebriefMilestones({ debrief, scenario }: { debrief: DebriefView; scenario: Scenario }) {
  const impact = debrief.player.milestones.impactStart ?? debrief.model.milestones.impactStart ?? 0;
  const longLead = debrief.window.impactBefore;
  const origin = longLead ? longLead.at + longLead.beforePageS : impact;
  const since = longLead ? 'the first page' : 'impact started';
  const fromOrigin = (at: number) => Math.max(0, minutes(at - origin));
  const rows = debrief.milestones
    .filter((m) => m.milestone !== 'impactStart')
    .map((m) => ({
      label: m.label.replace(/ \(.*\)$/, ''),
      you: m.player === null ? null : fromOrigin(m.player),
      model: m.model === null ? null : fromOrigin(m.model),
    }));
  const lines = debrief.sla.filter((l): l is typeof l & { at: number } => l.at !== null);
  const reached = debrief.milestones.filter((m) => m.milestone !== 'impactStart' && m.player !== null).length;
  const total = debrief.milestones.length - 1;
  const resolved = debrief.milestones.find((m) => m.milestone === 'resolved');
  const deadline = debrief.sla.find((l) => l.id === 'deadline');
  const caption = [
    `You reached ${reached} of ${total} milestones; the model reached ${debrief.milestones.filter((m) => m.milestone !== 'impactStart' && m.model !== null).length}. `,
    resolved?.player != null ? `You resolved ${formatDuration(resolved.player - origin)} after ${since}` : 'You did not resolve the incident',
    resolved?.model != null ? `, the model ${formatDuration(resolved.model - origin)} after.` : '.',
    deadline?.at != null ? ` The deadline (${deadline.label}) falls ${formatDuration(deadline.at - origin)} after ${since}.` : '',
    longLead ? ` The impact began ${formatDuration(longLead.beforePageS)} before the first page.` : '',
  ].join('');

  return (
    <div className="debrief-milestones-fold">
      <p className="result__note">{caption}</p>
      <Fold summary="Show the milestones against the model, as a chart and a table">
        <p className="result__note">
          {longLead
            ? `Minutes after the first page (${timeOfDay(scenario.clock, origin)}; the impact began ${formatDuration(longLead.beforePageS)} earlier, at ${timeOfDay(scenario.clock, impact)})`
            : `Minutes after the impact started (${timeOfDay(scenario.clock, impact)})`}
          : your run against the model’s ghost run on the same seed, with the deadline and targets as lines.
        </p>
        <div className="debrief-milestones">
          <figure className="debrief-figure">
            <div className="debrief-milestones__chart" aria-hidden="true">
              <ResponsiveContainer width="100%" height="100%" minWidth={0} minHeight={0} initialDimension={{ width: 520, height: 240 }}>
                <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 4, left: 4 }} barGap={2} accessibilityLayer={false}>
                  <CartesianGrid stroke="var(--chart-grid)" horizontal={false} />
                  <XAxis
                    type="number"
                    tick={axisTick}
                    tickLine={false}
                    axisLine={{ stroke: 'var(--border-strong)' }}
                    domain={[0, (max: number) => Math.max(max, ...lines.map((l) => fromOrigin(l.at))) + 2]}
                    tickFormatter={(v: number) => `${Math.round(v)}m`}
                  />
                  <YAxis type="category" dataKey="label" width={140} tick={axisTick} tickLine={false} axisLine={false} />
                  <Legend wrapperStyle={{ fontSize: 11 }} />
                  <Bar dataKey="you" name="You" fill="var(--chart-1)" isAnimationActive={false} barSize={9} />
                  <Bar dataKey="model" name="Model (ghost)" fill="var(--fg-muted)" fillOpacity={0.55} isAnimationActive={false} barSize={9} />
                  {lines.map((l) => (
                    <ReferenceLine key={l.id} x={fromOrigin(l.at)} stroke={slaStroke[l.id].stroke} strokeDasharray={slaStroke[l.id].dash} strokeWidth={1.5} />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            </div>
            
            <ul className="debrief-legend">
              {debrief.sla.map((l) => (
                <li key={l.id}>
                  <span className="debrief-legend__swatch" style={{ borderTopColor: slaStroke[l.id].stroke, borderTopStyle: 'dashed' }} aria-hidden="true" />
                  <strong>{slaStroke[l.id].short}</strong>: {l.label}
                  {l.at === null ? ' (never reached' : ` at ${timeOfDay(scenario.clock, l.at)}, ${formatDuration(l.at - impact)} after impact (`}
                  {l.at === null ? '; ' : ''}measured from {l.basis})
                </li>
              ))}
            </ul>
          </figure>
          <TableScroll label="Milestones table">
            <table className="result-table debrief-milestones__table">
              <caption className="visually-hidden">Milestones: you against the model</caption>
              <thead>
                <tr>
                  <th scope="col">Milestone</th>
                  <th scope="col">You</th>
                  <th scope="col">Model</th>
                  <th scope="col">Gap</th>
                </tr>
              </thead>
              <tbody>
                {debrief.milestones.map((m) => (
                  <tr key={m.milestone}>
                    <th scope="row">{m.label}</th>
                    <td>
                      {m.player === null ? 'never' : <span className="mono">{timeOfDay(scenario.clock, m.player)}</span>}
                      {m.milestone !== 'impactStart' && m.player !== null && <span className="debrief-sub">{afterImpact(m.player, impact)}</span>}
                    </td>
                    <td>{m.model === null ? 'never' : <span className="mono">{timeOfDay(scenario.clock, m.model)}</span>}</td>
                    <td>{m.milestone === 'impactStart' ? '—' : gapText(m.deltaS, m.player, m.model)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      </Fold>
    </div>
  );
}
