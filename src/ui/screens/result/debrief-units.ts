import type { KeyMetric } from '../../../engine';
import { axisScale, type AxisScale } from '../../selectors/axis-scale';
import { formatAxis, formatCompact, formatValueText, type Unit } from '../../selectors/format';

/** How one debrief chart writes its numbers: its y axis and a reading in words. */
export interface DebriefUnitFormat {
  /** The y axis for values up to `max` (and down to `min`, for figures that never approach zero). */
  scale: (min: number, max: number) => AxisScale & { min: number };
  axis: (v: number) => string;
  text: (v: number | undefined) => string;
}

const trim = (v: number, digits: number) => String(Number(v.toFixed(digits)));

/** A unit the console's charts already know: its own axis and words. */
function known(unit: Unit): DebriefUnitFormat {
  return { scale: (_min, max) => ({ ...axisScale(unit, max), min: 0 }), axis: (v) => formatAxis(unit, v), text: (v) => formatValueText(unit, v) };
}

/** A count-like unit from zero, on the record axis's round steps, with a word after it. */
function counted(floorUnit: Unit, word: string, prefix = ''): DebriefUnitFormat {
  return {
    scale: (_min, max) => ({ ...axisScale(floorUnit, max), min: 0 }),
    axis: (v) => `${prefix}${formatCompact(v)}`,
    text: (v) => (v === undefined ? '—' : `${prefix}${formatCompact(v)}${word ? ` ${word}` : ''}`),
  };
}

/** A headline figure (a KPI in points): the axis fits its range, since a dip of a few points is the story. */
const fitted = (suffix: string): DebriefUnitFormat => ({
  scale: (min, max) => {
    const pad = Math.max((max - min) * 0.25, Math.abs(max) * 0.01, 0.5);
    const lo = Math.max(0, Math.floor(min - pad));
    // An even span, so the middle tick is a whole number too.
    const hi = lo + 2 * Math.ceil((Math.ceil(max + pad) - lo) / 2);
    const step = (hi - lo) / 2;
    return { min: lo, max: hi, ticks: [lo, lo + step, hi].map((t) => Number(t.toFixed(2))) };
  },
  axis: (v) => `${trim(v, 1)}${suffix}`,
  text: (v) => (v === undefined ? '—' : `${trim(v, 2)}${suffix}`),
});

const formats: Record<KeyMetric['unit'], DebriefUnitFormat> = {
  seconds: known('seconds'),
  records: known('records'),
  rows: known('rows'),
  ratio: known('ratio'),
  recPerSec: known('recPerSec'),
  files: known('files'),
  usdPerDay: known('usdPerDay'),
  tasks: known('tasks'),
  count: counted('restarts', ''),
  perMin: counted('errPerMin', 'per minute'),
  megabytes: counted('records', 'MB'),
  usd: counted('usdPerDay', '', '$'),
  percent: fitted('%'),
  flag: {
    scale: () => ({ min: 0, max: 1, ticks: [0, 1] }),
    axis: (v) => (v >= 1 ? 'yes' : 'no'),
    text: (v) => (v === undefined ? '—' : v >= 1 ? 'yes' : 'no'),
  },
};

/** The axis and reading format of a debrief chart's unit. */
export function debriefUnit(unit: KeyMetric['unit']): DebriefUnitFormat {
  return formats[unit];
}
