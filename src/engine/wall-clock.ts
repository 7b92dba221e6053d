/** Where sim time 0 falls on the wall clock. */
export interface ClockAnchor {
  timeOfDayAtZeroS: number;
  dateAtZero: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Formats a sim time as the wall-clock time of day, `09:04:30`. */
export function timeOfDay(anchor: ClockAnchor, t: number): string {
  const s = (((anchor.timeOfDayAtZeroS + t) % 86_400) + 86_400) % 86_400;
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** Formats a sim time as a log timestamp, `2024-03-11 09:04:30,117`; the millis vary per line. */
export function logTimestamp(anchor: ClockAnchor, t: number, millis: number): string {
  const dayShift = Math.floor((anchor.timeOfDayAtZeroS + t) / 86_400);
  return `${shiftDate(anchor.dateAtZero, dayShift)} ${timeOfDay(anchor, t)},${pad(millis % 1000, 3)}`;
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

function shiftDate(date: string, days: number): string {
  if (days === 0) return date;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // Civil-from-days arithmetic (Howard Hinnant), to stay clear of Date in the engine.
  const toDays = (yy: number, mm: number, dd: number) => {
    const yr = mm <= 2 ? yy - 1 : yy;
    const era = Math.floor(yr / 400);
    const yoe = yr - era * 400;
    const doy = Math.floor((153 * (mm + (mm > 2 ? -3 : 9)) + 2) / 5) + dd - 1;
    return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  };
  const z = toDays(y, m, d) + days;
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
