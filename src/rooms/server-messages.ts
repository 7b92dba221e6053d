import type { FacilitatorView, PlayerView } from '../engine/views';
import type { RoundOutcome } from '../engine/facilitator/round-outcome';
import type { ReplayFile } from '../scenarios/schema/replay-file';
import type { ListAppend, ViewPatch } from './view-patch';
import type { CommandType } from '../scenarios/schema';
import type { Level } from '../scenarios/schema/level-names';
import type { Role, RoomMode } from './roles';

/** A seat at the table: stable across reconnections and server restarts. */
export interface Seat {
  /** The seat's id (also who the log attributes commands to). */
  seat: string;
  name: string;
  role: Role;
}

/** One participant as the lobby lists them. */
export interface Participant extends Seat {
  connected: boolean;
}

/** The room's clock as the server runs it. */
export interface ClockState {
  /** Sim time in seconds (fractional: the engine's own time trails it by less than a tick). */
  t: number;
  paused: boolean;
  speed: number;
  /** Where the session is: waiting for the host to start, playing, or over. */
  stage: 'briefing' | 'running' | 'prevent' | 'debrief';
  /** Server wall time (ms since epoch) when `t` was read, so a client can run its display between views. */
  serverNow: number;
}

/** A log entry's attribution, kept beside the engine's log (same order, same `seq`). */
export interface Attribution {
  seq: number;
  at: number;
  type: CommandType;
  by: Seat;
  /** A hint the host released to one participant: whom it went to (the host's log only). */
  to?: Seat;
}

/** An inject the host scheduled at a sim time, shown to the host only. */
export interface ScheduledInject {
  id: string;
  inject: string;
  atS: number;
  /** The log entry it became, once fired. */
  firedSeq: number | null;
}

/** A private note of the host's, pinned to the room's sim time when it was written (never sent to anyone else). */
export interface HostNote {
  id: string;
  at: number;
  text: string;
  /** The log entry it is about, if any. */
  seq: number | null;
}

/** The host's mark on one rubric criterion, with what justifies it (never sent to anyone else). */
export interface RubricMark {
  /** The criterion's id (`shared:…` or `scenario:<n>`). */
  criterion: string;
  /** 1 (weak) to 4 (strong); null clears the score but keeps the evidence. */
  score: 1 | 2 | 3 | 4 | null;
  /** Log entries (their seq) cited as evidence. */
  evidence: number[];
  /** Notes (their id) cited as evidence. */
  notes: string[];
  /** The sim time of the last change. */
  at: number;
}

/** A hint the host released to one participant alone, at its sim time. */
export interface PrivateHint {
  at: number;
  text: string;
}

/** What the room is. */
export interface RoomInfo {
  code: string;
  mode: RoomMode;
  scenario: { id: string; title: string };
  level: Level;
  seed: number;
}

/** Server→client messages, by Colyseus message type. */
export interface ServerMessages {
  /** Your seat, the room, and the token that takes the seat back after a server restart (keep it). The host's copy carries the host token. */
  welcome: { you: Seat; seatToken: string; room: RoomInfo; hostToken?: string };
  /** Who has joined, with which role. */
  lobby: { participants: Participant[] };
  /** A player's or candidate's whole projection (the answer to `sync`): no root cause, verdicts, walkthrough, rubric or variant. */
  'view.player': { clock: ClockState; view: PlayerView; log: Attribution[] };
  /** What changed in the player's projection since the last view or patch; apply it with `applyViewPatch` (ignore patches until you hold a view), and the log's new entries. */
  'patch.player': { clock: ClockState; patch: ViewPatch<PlayerView>; log: ListAppend<Attribution> };
  /** The host's whole projection: everything, the schedule of injects included. */
  'view.facilitator': { clock: ClockState; view: FacilitatorView; log: Attribution[]; schedule: ScheduledInject[] };
  /** What changed in the host's projection. */
  'patch.facilitator': { clock: ClockState; patch: ViewPatch<FacilitatorView>; log: ListAppend<Attribution>; schedule: ScheduledInject[] };
  /** The hints the host released to this seat alone, in order: to that seat's connections only, on sync and when one is added (show them with the view's own). */
  'hint.private': { hints: PrivateHint[] };
  /** The finished round's score against par, key steps and decisions with their verdicts, and its replay file (for a second interviewer's calibration): worked out once the session is over (again if the log grows after), to the host's connections only. */
  'host.outcome': { outcome: RoundOutcome; replay: ReplayFile };
  /** The host's private notes and rubric marks: to the host's connection only, on sync and after every change. */
  'host.private': { notes: HostNote[]; marks: RubricMark[] };
  /** A command (or host message with an id) was persisted and applied; `rejected` is the engine's reason when it refused it. `duplicate` marks a resend. */
  ack: { id: string; seq: number | null; at: number; rejected: string | null; duplicate: boolean };
  /** A message was refused; only its sender receives this. */
  error: { code: ErrorCode; message: string; type?: string; id?: string };
}

/** Why a message was refused. */
export type ErrorCode = 'unknown-type' | 'malformed' | 'too-large' | 'forbidden' | 'stale' | 'future' | 'flood' | 'not-found' | 'conflict' | 'closed' | 'internal';

/** A server message's type. */
export type ServerMessageType = keyof ServerMessages;
