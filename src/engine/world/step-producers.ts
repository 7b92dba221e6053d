import type { Scenario } from '../../scenarios/schema';
import { nextSigned } from '../rng';
import type { SimState } from '../state';
import { lookup } from '../scenario-lookup';
import { offsetAt, recordOffsetIndex } from './offset-index';

// Relative traffic by hour of day: quiet nights, a morning ramp, a lunchtime peak.
const hourlyRhythm = [0.35, 0.3, 0.27, 0.25, 0.28, 0.38, 0.55, 0.75, 0.9, 1.0, 1.05, 1.1, 1.15, 1.1, 1.05, 1.0, 1.0, 1.05, 1.1, 1.0, 0.85, 0.7, 0.55, 0.45];

/** The traffic multiplier at a time of day (seconds after midnight), linearly interpolated. */
export function dailyRhythm(secondsOfDay: number): number {
  const h = (((secondsOfDay % 86_400) + 86_400) % 86_400) / 3600;
  const i = Math.floor(h);
  const a = hourlyRhythm[i] as number;
  const b = hourlyRhythm[(i + 1) % 24] as number;
  return a + (b - a) * (h - i);
}

/** Appends one tick's records to every producer's topic and applies retention. */
export function stepProducers(s: Scenario, state: SimState): void {
  const tickS = s.clock.tickS;
  const rhythm = dailyRhythm(s.clock.timeOfDayAtZeroS + state.t);
  for (const spec of s.world.producers) {
    const producer = state.world.producers[spec.id];
    const topic = state.world.topics[spec.topic];
    if (!producer || !topic) continue;
    const rate = producer.ratePerSec * rhythm * (1 + spec.noise * nextSigned(state));
    const n = Math.max(0, Math.round(rate * tickS));
    producer.lastRate = n / tickS;
    const parts = topic.partitions;
    const each = Math.floor(n / parts.length);
    const extra = n - each * parts.length;
    // Rotate which partitions get the remainder so no partition is favoured.
    const rotate = Math.floor((state.t - s.clock.worldStartS) / tickS) % parts.length;
    const retention = lookup(s).topic.get(spec.topic)?.retentionS ?? Infinity;
    parts.forEach((p, i) => {
      p.logEnd += each + ((i - rotate + parts.length) % parts.length < extra ? 1 : 0);
      recordOffsetIndex(p, s.clock.worldStartS, state.t);
      const horizon = state.t - retention;
      if (horizon > s.clock.worldStartS) p.logStart = Math.max(p.logStart, offsetAt(p, s.clock.worldStartS, state.t, horizon));
    });
  }
}
