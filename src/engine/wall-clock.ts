/** Where sim time 0 falls on the wall clock. */
export interface ClockAnchor {
  timeOfDayAtZeroS: number;
  dateAtZero: string;
  /** Daylight-saving changes: from `atS` on, the local clock reads `shiftS` differently. */
  dstShifts?: readonly { atS: number; shiftS: number }[] | undefined;
  /** The local clock's UTC offset at sim time 0, in seconds. */
  utcOffsetS?: number | undefined;
}

/**
 * Seconds since local midnight of `dateAtZero` at sim time `t` (negative the day before, past
 * 86 400 the day after). The anchor gives the local time at 0, so a change before 0 is undone
 * for earlier times and a change after 0 applies from its moment on.
 */
export function localSeconds(anchor: ClockAnchor, t: number): number {
  let x = anchor.timeOfDayAtZeroS + t;
  for (const shift of anchor.dstShifts ?? []) {
    if (shift.atS > 0 && t >= shift.atS) x += shift.shiftS;
    if (shift.atS <= 0 && t < shift.atS) x -= shift.shiftS;
  }
  return x;
}

/** The local clock's UTC offset at `t` (seconds), or null when the scenario does not say. */
export function utcOffsetAt(anchor: ClockAnchor, t: number): number | null {
  if (anchor.utcOffsetS === undefined) return null;
  return anchor.utcOffsetS + localSeconds(anchor, t) - (anchor.timeOfDayAtZeroS + t);
}

/** Formats a UTC offset as `-05:00`. */
export function formatOffset(offsetS: number): string {
  const a = Math.abs(offsetS);
  return `${offsetS < 0 ? '-' : '+'}${pad(Math.floor(a / 3600))}:${pad(Math.floor((a % 3600) / 60))}`;
}

/** The local calendar date at `t`, `2024-11-03`. */
export function localDate(anchor: ClockAnchor, t: number): string {
  return shiftDate(anchor.dateAtZero, Math.floor(localSeconds(anchor, t) / 86_400));
}

/** The local date and hour a time falls in, as a partition key: `2024-11-03 01:00`. */
export function localHourKey(anchor: ClockAnchor, t: number): string {
  const x = localSeconds(anchor, t);
  const h = Math.floor((((x % 86_400) + 86_400) % 86_400) / 3600);
  return `${localDate(anchor, t)} ${pad(h)}:00`;
}

/** An ISO timestamp with the local offset when the scenario has DST changes (`2024-11-03T01:30:00-05:00`), else local time. */
export function isoLocal(anchor: ClockAnchor, t: number): string {
  const offset = anchor.dstShifts && anchor.dstShifts.length > 0 ? utcOffsetAt(anchor, t) : null;
  return `${localDate(anchor, t)}T${timeOfDay(anchor, t)}${offset === null ? '' : formatOffset(offset)}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Formats a sim time as the wall-clock time of day, `09:04:30`. */
export function timeOfDay(anchor: ClockAnchor, t: number): string {
  const s = ((localSeconds(anchor, t) % 86_400) + 86_400) % 86_400;
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** Formats a sim time as a log timestamp, `2024-03-11 09:04:30,117`; the millis vary per line. */
export function logTimestamp(anchor: ClockAnchor, t: number, millis: number): string {
  const dayShift = Math.floor(localSeconds(anchor, t) / 86_400);
  const offset = anchor.dstShifts && anchor.dstShifts.length > 0 ? utcOffsetAt(anchor, t) : null;
  return `${shiftDate(anchor.dateAtZero, dayShift)} ${timeOfDay(anchor, t)},${pad(millis % 1000, 3)}${offset === null ? '' : ` ${formatOffset(offset)}`}`;
}

/** Formats a duration in seconds as `1h 05m`, `12m 30s` or `45s`. */
export function formatDuration(seconds: number): string {
  const s = Math.abs(Math.round(seconds));
  const sign = seconds < 0 ? '-' : '';
  if (s >= 3600) return `${sign}${Math.floor(s / 3600)}h ${pad(Math.floor((s % 3600) / 60))}m`;
  if (s >= 60) return `${sign}${Math.floor(s / 60)}m ${pad(s % 60)}s`;
  return `${sign}${s}s`;
}

/** Formats a sim time relative to the page, `T+12:30` or `T-1:05:00`. */
export function relativeTime(t: number): string {
  const s = Math.abs(t);
  const body = s >= 3600 ? `${Math.floor(s / 3600)}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}` : `${Math.floor(s / 60)}:${pad(s % 60)}`;
  return `T${t < 0 ? '-' : '+'}${body}`;
}

/** A calendar date as a day number (days since 0000-03-01): civil-from-days arithmetic (Howard Hinnant), to stay clear of Date in the engine. */
export function civilDays(yy: number, mm: number, dd: number): number {
  const yr = mm <= 2 ? yy - 1 : yy;
  const era = Math.floor(yr / 400);
  const yoe = yr - era * 400;
  const doy = Math.floor((153 * (mm + (mm > 2 ? -3 : 9)) + 2) / 5) + dd - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
}

function shiftDate(date: string, days: number): string {
  if (days === 0) return date;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const z = civilDays(y, m, d) + days;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const dd = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mm = mp < 10 ? mp + 3 : mp - 9;
  const yy = yoe + era * 400 + (mm <= 2 ? 1 : 0);
  return `${yy}-${pad(mm)}-${pad(dd)}`;
}

/**
 * The sim time at which the local clock reads `date` and `secondsOfDay`, the inverse of
 * `localDate` and `timeOfDay` (for `--to-datetime` and `airflow ... -s`). In a repeated DST hour
 * the first occurrence wins.
 */
export function simTimeAtLocal(anchor: ClockAnchor, date: string, secondsOfDay: number): number {
  const [y, m, d] = anchor.dateAtZero.split('-').map(Number) as [number, number, number];
  const [yy, mm, dd] = date.split('-').map(Number) as [number, number, number];
  const wanted = (civilDays(yy, mm, dd) - civilDays(y, m, d)) * 86_400 + secondsOfDay;
  let t = wanted - anchor.timeOfDayAtZeroS;
  // Undo daylight-saving shifts: at most a couple of passes settle it.
  for (let pass = 0; pass < 3; pass++) t += wanted - localSeconds(anchor, t);
  return t;
}

/** The UTC date and hour at `t` (`2024-11-03`, `06`), from the offset at sim time 0; local time when no offset is declared. */
export function utcDateHour(anchor: ClockAnchor, t: number): { date: string; hour: string } {
  const x = anchor.timeOfDayAtZeroS + t - (anchor.utcOffsetS ?? 0);
  return { date: shiftDate(anchor.dateAtZero, Math.floor(x / 86_400)), hour: pad(Math.floor((((x % 86_400) + 86_400) % 86_400) / 3600)) };
}

/** A UTC timestamp as Airflow writes it in run ids, `2024-11-03T06:00:00+00:00` (needs the clock's UTC offset). */
export function utcIso(anchor: ClockAnchor, t: number): string {
  const x = anchor.timeOfDayAtZeroS + t - (anchor.utcOffsetS ?? 0);
  const s = ((x % 86_400) + 86_400) % 86_400;
  return `${shiftDate(anchor.dateAtZero, Math.floor(x / 86_400))}T${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}+00:00`;
}
