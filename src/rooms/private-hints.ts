import type { PlayerView } from '../engine/views';
import type { PrivateHint } from './server-messages';

/**
 * The view a participant sees: the room's shared view with the hints released to them alone set
 * into the timeline at their times (after what happened at the same second) and listed with the rest.
 * The shared view stays untouched: patches apply to it, not to this.
 */
export function withPrivateHints<V extends PlayerView>(view: V, hints: readonly PrivateHint[]): V {
  if (hints.length === 0) return view;
  const timeline = [...view.timeline];
  for (const h of hints) {
    const after = timeline.findIndex((e) => e.at > h.at);
    timeline.splice(after < 0 ? timeline.length : after, 0, { at: h.at, kind: 'hint', text: h.text });
  }
  return { ...view, timeline, hintsShown: timeline.filter((e) => e.kind === 'hint').map((e) => e.text) };
}
