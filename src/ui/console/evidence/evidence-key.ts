import type { PlayerView } from '../../../engine';

/** Which session pinned lines belong to: a new run of a scenario starts with none. */
export function evidenceKey(view: PlayerView): string {
  return `${view.scenario.id}@${view.scenario.version}`;
}
