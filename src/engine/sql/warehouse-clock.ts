import type { Scenario } from '../../scenarios/schema';
import { civilDays, localDate, timeOfDay } from '../wall-clock';

/**
 * The warehouse stores timestamps on one steady clock, so an hour never repeats in a table: UTC
 * when the scenario states its UTC offset (a `timestamptz` column, printed with `+00`), else the
 * scenario's wall clock at sim time 0 (a `timestamp` column).
 */
function steady(s: Scenario) {
  return { timeOfDayAtZeroS: s.clock.timeOfDayAtZeroS - (s.clock.utcOffsetS ?? 0), dateAtZero: s.clock.dateAtZero };
}

/** Whether the warehouse clock is UTC (timestamps with time zone). */
export function warehouseIsUtc(s: Scenario): boolean {
  return s.clock.utcOffsetS !== undefined;
}

/** Seconds since midnight of the scenario's first date (on the warehouse clock) at sim time `t`. */
export function wallSeconds(s: Scenario, t: number): number {
  // As steady(s) computes it, without building the object: every slice and grouped row asks.
  return s.clock.timeOfDayAtZeroS - (s.clock.utcOffsetS ?? 0) + t;
}

/** The sim time at which a warehouse hour (or day) starts, for the hour or day containing `t`. */
export function truncTo(s: Scenario, t: number, unitS: number): number {
  // One remainder, moved up a unit when negative: ((w % u) + u) % u without its second division.
  const r = wallSeconds(s, t) % unitS;
  return t - (r < 0 ? r + unitS : r);
}

/** A timestamp as psql prints it: `2024-03-11 08:05:00` (`2024-11-03 06:05:00+00` on a UTC clock). */
export function formatTimestamp(s: Scenario, t: number): string {
  return `${localDate(steady(s), t)} ${timeOfDay(steady(s), t)}${warehouseIsUtc(s) ? '+00' : ''}`;
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
  // A literal in a WHERE clause is read once per slice of the table: remember each text per scenario.
  let known = parsedTimestamps.get(s);
  if (!known) parsedTimestamps.set(s, (known = new Map()));
  if (known.has(text)) return known.get(text) ?? null;
  const value = readTimestamp(s, text);
  if (known.size < 4096) known.set(text, value);
  return value;
}

const parsedTimestamps = new WeakMap<Scenario, Map<string, { t: number; dateOnly: boolean } | null>>();

function readTimestamp(s: Scenario, text: string): { t: number; dateOnly: boolean } | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:\s*(?:Z|\+00(?::?00)?|UTC))?\s*$/i.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, se] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => (x === undefined ? 0 : Number(x))) as number[];
  if ((mo as number) < 1 || (mo as number) > 12 || (d as number) < 1 || (d as number) > 31 || (h as number) > 23 || (mi as number) > 59 || (se as number) > 59) return null;
  const [y0, m0, d0] = s.clock.dateAtZero.split('-').map(Number) as [number, number, number];
  const days = civilDays(y as number, mo as number, d as number) - civilDays(y0, m0, d0);
  const wall = days * 86_400 + (h as number) * 3600 + (mi as number) * 60 + (se as number);
  return { t: wall - steady(s).timeOfDayAtZeroS, dateOnly: m[4] === undefined };
}
