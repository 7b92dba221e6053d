import { penalties, type ScorePart, type ScoreReport } from '../scoring/score-run';

/** One thing that cost points, with the numbers behind it. */
export interface Cost {
  /** What it was: a decision as the player made it, or the part of the response that fell short. */
  what: string;
  /** Points it cost. */
  points: number;
  /** Why, with the numbers (the consequence, the time against par). */
  detail: string;
}

const round = (n: number) => Math.round(n * 10) / 10;

// A part's shortfall, except the decisions part, whose cost is listed decision by decision.
function partCost(part: ScorePart): Cost | null {
  if (part.id === 'decisions') return null;
  const points = part.id === 'hints' ? -part.points : part.max - part.points;
  return points > 0 ? { what: part.label, points: round(points), detail: part.detail } : null;
}

/**
 * What cost the run most points, costliest first: each harmful decision, red herring and missed
 * key step with its penalty and why, each part of the response that fell short of its maximum
 * (the time parts against par, lost data, communication, prevention), and hints used.
 */
export function costliest(report: ScoreReport, count = 3): Cost[] {
  const costs: Cost[] = [];
  for (const d of report.decisions) {
    if (d.verdict === 'harmful') costs.push({ what: d.label, points: penalties.harmfulAction, detail: d.why });
    if (d.verdict === 'red-herring') costs.push({ what: d.label, points: penalties.redHerring, detail: d.why });
  }
  for (const m of report.missedKeyActions) costs.push({ what: `Not done: ${m.label}`, points: penalties.missedKeyAction, detail: m.why });
  const decisions = report.parts.find((p) => p.id === 'decisions');
  // With the impact never stopped, decisions earn nothing at all: that is a cost of its own.
  if (decisions && report.times.mttmS === null && decisions.max > 0) costs.push({ what: 'The impact was never stopped', points: decisions.max, detail: 'Decisions earn their points only once the impact stops.' });
  for (const part of report.parts) {
    const cost = partCost(part);
    if (cost) costs.push(cost);
  }
  return costs.sort((a, b) => b.points - a.points).slice(0, count);
}
