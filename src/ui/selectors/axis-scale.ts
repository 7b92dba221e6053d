import type { Unit } from './format';

/** A y axis from zero: its top and its ticks, on round values of its unit. */
export interface AxisScale {
  max: number;
  ticks: number[];
}

const minute = 60;
const hour = 3600;
const durationSteps = [10, 30, minute, 2 * minute, 5 * minute, 10 * minute, 15 * minute, 20 * minute, 30 * minute, hour, 2 * hour, 3 * hour, 6 * hour, 12 * hour, 24 * hour];
const ratioSteps = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5];

// The smallest top an axis gets, so a flat zero line still has a sensible scale.
const floor: Record<Unit, number> = { records: 10, rows: 10, restarts: 2, recPerSec: 1, errPerMin: 1, seconds: minute, ratio: 0.01, files: 10, usdPerDay: 10, tasks: 2 };

function decimalSteps(max: number, integers: boolean): number[] {
  const exp = Math.floor(Math.log10(Math.max(max, 1e-9) / 3));
  const steps: number[] = [];
  for (let e = exp - 1; e <= exp + 1; e++) for (const m of [1, 2, 2.5, 5]) steps.push(m * 10 ** e);
  return integers ? steps.filter((s) => Number.isInteger(s) && s >= 1) : steps;
}

/**
 * A y axis from zero to just above `max`, with two or three intervals of a round step: minutes
 * and hours for durations, whole percents for ratios, 1-2-2.5-5 steps for counts and rates.
 */
export function axisScale(unit: Unit, max: number): AxisScale {
  const top = Math.max(max, floor[unit]);
  const candidates = unit === 'seconds' ? durationSteps : unit === 'ratio' ? ratioSteps : decimalSteps(top, unit !== 'recPerSec' && unit !== 'errPerMin');
  const step = candidates.find((s) => Math.ceil(top / s - 1e-9) <= 3) ?? candidates[candidates.length - 1] ?? top;
  const intervals = Math.max(1, Math.ceil(top / step - 1e-9));
  const ticks = Array.from({ length: intervals + 1 }, (_, i) => round(i * step));
  return { max: round(intervals * step), ticks };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
