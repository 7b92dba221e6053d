import type { ChartPlot } from '../../selectors/dashboards';
import { clockLabelLong, formatValueText } from '../../selectors/format';

interface PayloadEntry {
  dataKey?: unknown;
  value?: unknown;
}

/** Props Recharts hands a custom tooltip, plus the plot it belongs to. */
export interface ChartTooltipProps {
  active?: boolean;
  payload?: readonly PayloadEntry[];
  label?: unknown;
  plot: ChartPlot;
}

const maxRows = 5;

/** The hover read-out: wall-clock time, then each series' value with its unit (the largest few, for many). */
export function ChartTooltip({ active, payload, label, plot }: ChartTooltipProps) {
  if (!active || !payload || payload.length === 0) return null;
  const byKey = new Map(plot.lines.map((l) => [l.dataKey, l]));
  const entries = payload.flatMap((p) => {
    const line = byKey.get(String(p.dataKey));
    return line ? [{ line, value: Number(p.value ?? 0) }] : [];
  });
  const stacked = entries.length > 0 && entries.every((e) => e.line.stacked);
  const shown = stacked ? [...entries].sort((a, b) => b.value - a.value).slice(0, maxRows) : entries;
  const unitOf = (axis: 'left' | 'right') => (axis === 'right' && plot.rightUnit ? plot.rightUnit : plot.unit);
  return (
    <div className="charts-tooltip">
      <div className="charts-tooltip__time">{clockLabelLong(plot.clock, Number(label))}</div>
      {stacked && (
        <div className="charts-tooltip__row charts-tooltip__row--total">
          <span>Total</span>
          <span>{formatValueText(plot.unit, entries.reduce((acc, e) => acc + e.value, 0))}</span>
        </div>
      )}
      {shown.map(({ line, value }) => (
        <div key={line.dataKey} className="charts-tooltip__row">
          <span>
            <span className="charts-swatch" style={{ background: `var(--chart-${line.color})` }} />
            {line.label}
          </span>
          <span>{formatValueText(unitOf(line.axis), value)}</span>
        </div>
      ))}
      {stacked && entries.length > shown.length && <div className="charts-tooltip__more">+{entries.length - shown.length} more</div>}
    </div>
  );
}
