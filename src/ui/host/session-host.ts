import type { StoreApi } from 'zustand';
import type { PlayerView } from '../../engine';
import type { Command } from '../../scenarios/schema';
import type { Speed } from '../store/session-store';

/** How this window is linked to the session it shows. */
export type HostConnection = 'local' | 'connecting' | 'connected' | 'reconnecting' | 'lost';

/** What this participant may do: a room player sends commands but does not own the clock; a follower window only watches. */
export interface HostControls {
  /** Pause, resume and change the speed. */
  clock: boolean;
  /** Send commands to the incident (acknowledge, run tools, declare, post). */
  commands: boolean;
  /** End the incident for everyone. */
  end: boolean;
}

/** What a host publishes: the player's projection, the displayed clock and the clock's state. */
export interface HostSnapshot {
  /** The player's projection of the session, or null while none is open. */
  view: PlayerView | null;
  /** The displayed sim time in seconds (may run ahead of the view by less than a tick). */
  clock: number;
  paused: boolean;
  /** Sim seconds per wall second (a room's host may pick any speed the server allows). */
  speed: number;
  controls: HostControls;
  connection: HostConnection;
  /** Who paused the clock when it is paused by someone else than this window (a room's facilitator). */
  pausedBy: string | null;
  /** The seat this window sends commands from, in a room (each seat has its own hands); absent in solo play. */
  actor?: string;
  /** Commands this window sent that the room's server has not answered yet; absent in solo play (the engine answers at once). */
  sending?: readonly Command[];
  /** The last command from this window the session refused, and why; `n` counts refusals so each is taken once. */
  refused?: CommandRefusal | null;
}

/** A command the session refused (the server's guard, validation, the sender's hands, a closed room) and why. */
export interface CommandRefusal {
  command: Command;
  reason: string;
  n: number;
}

/**
 * One interface between the screens and a running session: it publishes snapshots and takes
 * commands. The solo host runs the engine in this tab; a room host is a connection to the room
 * server; a follower mirrors another window. Screens never know which one they talk to.
 */
export interface SessionHost {
  readonly kind: 'solo' | 'room' | 'follower';
  readonly store: Pick<StoreApi<HostSnapshot>, 'getState' | 'getInitialState' | 'subscribe'>;
  /** Issues a command at the session's current sim time. */
  send: (command: Command) => void;
  setPaused: (paused: boolean) => void;
  setSpeed: (speed: Speed) => void;
  /** Starts whatever drives the session while the console is on screen; returns how to stop it. */
  drive: () => () => void;
}

/** Controls of a window that may do everything (solo play). */
export const allControls: HostControls = { clock: true, commands: true, end: true };
/** Controls of a window that only watches. */
export const noControls: HostControls = { clock: false, commands: false, end: false };
