import type { KeyboardEvent, PointerEvent, RefObject } from 'react';
import './pane-splitter.css';

const step = 0.05;
const bigStep = 0.15;

interface PaneSplitterProps {
  /** The separator's accessible name, e.g. "Resize the tool pane". */
  label: string;
  /** The id of the pane below the separator, whose height it sets. */
  controls: string;
  /** That pane's share of the container's height, from `min` to `max`. */
  share: number;
  min: number;
  max: number;
  onShare: (share: number) => void;
  /** The element the two panes split, to turn a pointer's position into a share. */
  container: RefObject<HTMLElement | null>;
}

/**
 * A window splitter between two stacked panes (the ARIA separator pattern): drag it, or focus it
 * and press ↑/↓ (Page Up/Down for bigger steps, Home/End for the smallest and largest pane below).
 */
export function PaneSplitter({ label, controls, share, min, max, onShare, container }: PaneSplitterProps) {
  const clamp = (s: number) => Math.min(max, Math.max(min, s));
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowUp: share + step, ArrowDown: share - step, PageUp: share + bigStep, PageDown: share - bigStep, Home: min, End: max };
    const next = moves[e.key];
    if (next === undefined) return;
    e.preventDefault();
    onShare(clamp(next));
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const box = container.current?.getBoundingClientRect();
    if (!e.currentTarget.hasPointerCapture(e.pointerId) || !box || box.height <= 0) return;
    onShare(clamp((box.bottom - e.clientY) / box.height));
  };
  const percent = Math.round(share * 100);
  return (
    <div
      className="pane-splitter"
      role="separator"
      aria-orientation="horizontal"
      aria-label={label}
      aria-controls={controls}
      aria-valuemin={Math.round(min * 100)}
      aria-valuemax={Math.round(max * 100)}
      aria-valuenow={percent}
      aria-valuetext={`${percent}% of the height`}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        e.preventDefault();
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={onPointerMove}
      onPointerUp={(e) => e.currentTarget.releasePointerCapture(e.pointerId)}
    />
  );
}
