import { facilitatorView, playerView, type FacilitatorView, type PlayerView } from '../src/engine';
import { diffViews, snapshotView, type ServerMessages, type ViewSnapshot } from '../src/rooms';
import type { Seat } from '../src/rooms';
import type { RoomSession } from './room-session';

/** What the players receive in one broadcast: the whole view the first time, then patches. */
export type PlayerBroadcast = { type: 'view.player'; message: ServerMessages['view.player'] } | { type: 'patch.player'; message: ServerMessages['patch.player'] };
/** What the host receives in one broadcast. */
export type HostBroadcast = { type: 'view.facilitator'; message: ServerMessages['view.facilitator'] } | { type: 'patch.facilitator'; message: ServerMessages['patch.facilitator'] };

/**
 * Turns a room's session into the messages each kind of seat receives. Every seat of a kind gets
 * the same bytes: a patch against the previous broadcast, which is kept as the base for the next
 * one and as the whole view a seat receives when it syncs.
 */
export class ViewBroadcaster {
  private playerSnap: ViewSnapshot<PlayerView> | null = null;
  private hostSnap: ViewSnapshot<FacilitatorView> | null = null;
  /** How much of each log the last broadcast carried (the log only grows). */
  private playerLogSent = 0;
  private hostLogSent = 0;

  constructor(
    private readonly session: RoomSession,
    /** The room's seats, to name a hint's recipient in the host's log. */
    private readonly seatOf: (seat: string) => Seat | undefined,
  ) {}

  /** Whether a broadcast has been made (before it, there is no base to patch). */
  get started(): boolean {
    return this.playerSnap !== null;
  }

  /** The next broadcast's messages, made the base of the one after. */
  next(serverNow: number): { player: PlayerBroadcast; host: HostBroadcast } {
    const clock = this.session.clockState(serverNow);
    const playerSnap = snapshotView(playerView(this.session.scenario, this.session.state));
    const hostSnap = snapshotView(facilitatorView(this.session.scenario, this.session.state));
    const log = this.session.attribution('player');
    const hostLog = this.session.attribution('host', this.seatOf);
    const schedule = this.session.scheduled();
    const player: PlayerBroadcast = this.playerSnap
      ? { type: 'patch.player', message: { clock, patch: diffViews(this.playerSnap, playerSnap), log: { from: this.playerLogSent, items: log.slice(this.playerLogSent) } } }
      : { type: 'view.player', message: { clock, view: playerSnap.view, log } };
    const host: HostBroadcast = this.hostSnap
      ? { type: 'patch.facilitator', message: { clock, patch: diffViews(this.hostSnap, hostSnap), log: { from: this.hostLogSent, items: hostLog.slice(this.hostLogSent) }, schedule } }
      : { type: 'view.facilitator', message: { clock, view: hostSnap.view, log: hostLog, schedule } };
    this.playerSnap = playerSnap;
    this.hostSnap = hostSnap;
    this.playerLogSent = log.length;
    this.hostLogSent = hostLog.length;
    return { player, host };
  }

  /** The whole view of the last broadcast, for a seat that syncs (patches that follow apply to it). */
  whole(kind: 'player' | 'host', serverNow: number): PlayerBroadcast | HostBroadcast | null {
    const clock = this.session.clockState(serverNow);
    if (kind === 'host') return this.hostSnap && { type: 'view.facilitator', message: { clock, view: this.hostSnap.view, log: this.session.attribution('host', this.seatOf).slice(0, this.hostLogSent), schedule: this.session.scheduled() } };
    return this.playerSnap && { type: 'view.player', message: { clock, view: this.playerSnap.view, log: this.session.attribution('player').slice(0, this.playerLogSent) } };
  }
}
