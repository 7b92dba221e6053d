import type { PlayerView } from '../../engine';

/** One alert on the pager: its rule and where it stands. */
export interface PagerAlert {
  rule: PlayerView['scenario']['alerts'][number];
  state: PlayerView['alerts'][string];
}

/** The alerts that have fired, newest first, as the pager lists them. */
export function firedAlerts(view: PlayerView): PagerAlert[] {
  return view.scenario.alerts
    .flatMap((rule) => {
      const state = view.alerts[rule.id];
      return state && state.firedAt !== null ? [{ rule, state }] : [];
    })
    .sort((a, b) => (b.state.lastFiredAt ?? 0) - (a.state.lastFiredAt ?? 0));
}

/** Whether an alert still asks to be acknowledged: it is firing and nobody has. */
export function awaitsAcknowledgement({ state }: PagerAlert): boolean {
  return state.status === 'firing' && state.ackedAt === null;
}

/** The alert the acknowledge shortcut answers: the newest page awaiting acknowledgement, else the newest such warning. */
export function alertToAcknowledge(view: PlayerView): string | null {
  const waiting = firedAlerts(view).filter(awaitsAcknowledgement);
  return (waiting.find((a) => a.rule.severity === 'page') ?? waiting[0])?.rule.id ?? null;
}
