import { randomBytes } from 'node:crypto';
import { matchMaker } from '@colyseus/core';
import { roomName } from './firedrill-room';
import type { RoomContext } from './room-context';
import type { OpenRoom } from './store/room-store';

/** How often a process that shares rooms looks for rooms whose process is gone. */
const sweepMs = 1000;

/**
 * Brings rooms back on this process from their persisted logs. A process alone takes every open
 * room when it starts. Processes that share rooms each look every second for open rooms whose owner
 * is gone: it no longer listens on its Colyseus process channel in Redis at two looks in a row
 * (a process's subscriptions end with its connection, so a killed one drops out at once), and
 * Colyseus's own health check, which then clears the stale listings, gets no answer. Each such room
 * is claimed in the store first, so exactly one survivor takes it.
 */
export class RoomAdopter {
  private suspects = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private sweep: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly ctx: RoomContext,
    private readonly shared: boolean,
  ) {}

  /** Takes the open rooms this process should hold now and nobody holds. */
  async adopt(): Promise<void> {
    const me = matchMaker.processId;
    const open = (await this.ctx.store.openRooms()).filter((r) => r.owner !== me && !this.ctx.rooms.has(r.code));
    if (!this.shared) {
      for (const room of open) await this.take(room);
      return;
    }
    const live = new Set((await matchMaker.presence.channels('p:*')).map((channel) => channel.slice('p:'.length)));
    const missing = new Set(open.flatMap((r) => (r.owner !== null && !live.has(r.owner) ? [r.owner] : [])));
    const suspected = [...missing].filter((owner) => this.suspects.has(owner));
    this.suspects = missing;
    const gone = new Set<string>();
    for (const owner of suspected) if ((await matchMaker.healthCheckProcessId(owner)) !== true) gone.add(owner);
    // A room with no owner recorded comes from a store written before owners were kept.
    for (const room of open) if (!this.stopped && (room.owner === null || gone.has(room.owner))) await this.take(room);
  }

  /** Looks again every second while processes share rooms. */
  start(): void {
    if (!this.shared || this.stopped) return;
    this.timer = setTimeout(() => {
      this.sweep = this.adopt()
        .catch((error: unknown) => this.ctx.log(`looking for rooms to take over failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => this.start());
    }, sweepMs);
  }

  /** Stops looking; resolves once a look under way has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.sweep;
  }

  private async take(room: OpenRoom): Promise<void> {
    if (!(await this.ctx.store.claimRoom(room.code, room.owner))) return;
    if (this.shared) this.ctx.log(`room ${room.code}: taking it over from process ${room.owner ?? '(none recorded)'}`);
    const nonce = randomBytes(16).toString('hex');
    this.ctx.restoring.set(room.code, nonce);
    try {
      // Created here, not wherever Colyseus would balance a new room to: this process holds the claim.
      await matchMaker.handleCreateRoom(roomName, { restoreCode: room.code, restoreNonce: nonce });
    } catch (error) {
      this.ctx.log(`room ${room.code} could not be restored: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.ctx.restoring.delete(room.code);
    }
  }
}
