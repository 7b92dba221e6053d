import { relativeTime, timeOfDay } from '../../../engine';
import type { ClockAnchor } from '../../../engine/wall-clock';

/** A moment of the run as the debrief writes every time: the wall clock, with T± (from time zero of the incident) on hover. */
export function ClockTime({ clock, at, className = '' }: { clock: ClockAnchor; at: number; className?: string }) {
  return (
    <time className={`mono ${className}`.trim()} title={`${relativeTime(at)} from the start of the incident clock`}>
      {timeOfDay(clock, at)}
    </time>
  );
}
