import type { Level, PlayerView } from '../../engine';
import { formatDuration, timeOfDay } from '../../engine/wall-clock';

/** A level's name as the player reads it: the run level, or a scenario's rated difficulty (the same three words). */
export const levelLabels: Record<Level, string> = { easy: 'Easy', normal: 'Normal', hard: 'Hard' };

/** Where sim time 0 falls on the wall clock, as the player's view carries it. */
export type Clock = PlayerView['scenario']['clock'];

/** What a chart's numbers measure; decides how they are written. */
export type Unit = 'records' | 'recPerSec' | 'errPerMin' | 'restarts' | 'seconds' | 'ratio' | 'rows' | 'files' | 'usdPerDay' | 'tasks';

/** A value split for display: the number large, the unit beside it. */
export interface ValueParts {
  value: string;
  unit: string;
}

const unitWord: Record<Unit, string> = {
  records: 'records',
  recPerSec: 'rec/s',
  errPerMin: 'errors/min',
  restarts: 'restarts',
  seconds: '',
  ratio: '',
  rows: 'rows',
  files: 'files',
  usdPerDay: 'per day',
  tasks: 'tasks',
};

/** Writes a count compactly: 812, 64.6k, 1.23M. */
export function formatCompact(v: number): string {
  const a = Math.abs(v);
  if (a < 1000) return String(Math.round(v));
  if (a < 10_000) return `${trim((v / 1000).toFixed(2))}k`;
  if (a < 1_000_000) return `${trim((v / 1000).toFixed(1))}k`;
  if (a < 1_000_000_000) return `${trim((v / 1_000_000).toFixed(2))}M`;
  return `${trim((v / 1_000_000_000).toFixed(2))}B`;
}

function trim(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

function formatRate(v: number): string {
  return Math.abs(v) >= 100 ? formatCompact(v) : trim(v.toFixed(1));
}

/** A value and its unit, for the large figure on a card. */
export function formatValue(unit: Unit, v: number | undefined): ValueParts {
  if (v === undefined || !Number.isFinite(v)) return { value: '—', unit: unitWord[unit] };
  switch (unit) {
    case 'seconds':
      return { value: formatDuration(v), unit: '' };
    case 'ratio':
      return { value: `${trim((v * 100).toFixed(v < 0.1 ? 2 : 1))}%`, unit: '' };
    case 'recPerSec':
    case 'errPerMin':
      return { value: formatRate(v), unit: unitWord[unit] };
    case 'usdPerDay':
      return { value: `$${formatCompact(v)}`, unit: unitWord[unit] };
    default:
      return { value: formatCompact(v), unit: unitWord[unit] };
  }
}

/** A value with its unit as one phrase: `64.6k records`, `53%`, `23m 50s`. */
export function formatValueText(unit: Unit, v: number | undefined): string {
  const { value, unit: word } = formatValue(unit, v);
  return word ? `${value} ${word}` : value;
}

/** A short axis tick label: `40k`, `10m`, `25%`. */
export function formatAxis(unit: Unit, v: number): string {
  switch (unit) {
    case 'seconds':
      if (v === 0) return '0';
      if (v < 60) return `${trim(v.toFixed(1))}s`;
      return v >= 3600 ? `${trim((v / 3600).toFixed(1))}h` : `${trim((v / 60).toFixed(v < 600 ? 1 : 0))}m`;
    case 'ratio':
      return `${trim((v * 100).toFixed(v < 0.1 ? 1 : 0))}%`;
    case 'recPerSec':
    case 'errPerMin':
      return formatRate(v);
    case 'usdPerDay':
      return `$${formatCompact(v)}`;
    default:
      return formatCompact(v);
  }
}

/** The wall-clock time of a sim time, to the minute: `09:04`. */
export function clockLabel(clock: Clock, t: number): string {
  return timeOfDay(clock, t).slice(0, 5);
}

/** The wall-clock time of a sim time, to the second: `09:04:30`. */
export function clockLabelLong(clock: Clock, t: number): string {
  return timeOfDay(clock, t);
}

/** How long ago, in the words a dashboard uses: `just now`, `13 min ago`, `2 h 05 min ago`. */
export function formatAgo(seconds: number): string {
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min ago`;
}
