import type { Scenario } from '../../scenarios/schema';
import { civilDays, localDate, timeOfDay } from '../wall-clock';

/**
 * The warehouse stores timestamps without time zone on one steady clock: the scenario's wall
 * clock at sim time 0, with no daylight-saving shift, so an hour never repeats in a table.
 */
function steady(s: Scenario) {
  return { timeOfDayAtZeroS: s.clock.timeOfDayAtZeroS, dateAtZero: s.clock.dateAtZero };
}

/** Seconds since midnight of the scenario's first date at sim time `t`. */
export function wallSeconds(s: Scenario, t: number): number {
  return s.clock.timeOfDayAtZeroS + t;
}

/** The sim time at which a warehouse hour (or day) starts, for the hour or day containing `t`. */
export function truncTo(s: Scenario, t: number, unitS: number): number {
  const w = wallSeconds(s, t);
  return t - (((w % unitS) + unitS) % unitS);
}

/** A timestamp as psql prints it: `2024-03-11 08:05:00`. */
export function formatTimestamp(s: Scenario, t: number): string {
  return `${localDate(steady(s), t)} ${timeOfDay(steady(s), t)}`;
}

/** A date as psql prints it: `2024-03-11`. */
export function formatDate(s: Scenario, t: number): string {
  return localDate(steady(s), t);
}

/**
 * Parses a timestamp or date literal (`2024-03-11`, `2024-03-11 08:30`, `2024-03-11T08:30:15`)
 * into sim seconds; null when it is not one.
 */
export function parseTimestamp(s: Scenario, text: string): { t: number; dateOnly: boolean } | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*$/.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, se] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => (x === undefined ? 0 : Number(x))) as number[];
  if ((mo as number) < 1 || (mo as number) > 12 || (d as number) < 1 || (d as number) > 31 || (h as number) > 23 || (mi as number) > 59 || (se as number) > 59) return null;
  const [y0, m0, d0] = s.clock.dateAtZero.split('-').map(Number) as [number, number, number];
  const days = civilDays(y as number, mo as number, d as number) - civilDays(y0, m0, d0);
  const wall = days * 86_400 + (h as number) * 3600 + (mi as number) * 60 + (se as number);
  return { t: wall - s.clock.timeOfDayAtZeroS, dateOnly: m[4] === undefined };
}
