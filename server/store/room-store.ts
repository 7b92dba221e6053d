import type { Command } from '../../src/scenarios/schema';
import type { Level } from '../../src/scenarios/schema/level-names';
import type { Role, RoomMode } from '../../src/rooms';
import type { HostRecord } from '../host-notebook';

/** Where a room's scenario came from: a built-in by id, or the text of a file the host sent. */
export type ScenarioRef = { kind: 'builtin'; id: string } | { kind: 'file'; fileName: string; text: string };

/** The clock as last persisted. */
export interface StoredClock {
  t: number;
  speed: number;
  paused: boolean;
}

/** A room's fixed facts plus its clock. */
export interface RoomRecord {
  code: string;
  hostTokenHash: string;
  mode: RoomMode;
  scenario: ScenarioRef;
  seed: number;
  level: Level;
  clock: StoredClock;
}

/** One log entry with its attribution and the client's command id. */
export interface EntryRecord {
  seq: number;
  at: number;
  command: Command;
  seat: string;
  name: string;
  role: Role;
  clientId: string;
}

/** A seat and the hash of the token that takes it back. */
export interface SeatRecord {
  seat: string;
  name: string;
  role: Role;
  tokenHash: string;
}

/** An inject the host scheduled. */
export interface ScheduleRecord {
  id: string;
  inject: string;
  atS: number;
  firedSeq: number | null;
}

/** Everything persisted about one room. */
export interface StoredRoom {
  room: RoomRecord;
  entries: EntryRecord[];
  seats: SeatRecord[];
  schedule: ScheduleRecord[];
  /** The host's private notes and rubric marks. */
  hostRecords: HostRecord[];
}

/** An open room and the server process that holds it (null in a store from before owners were kept). */
export interface OpenRoom {
  code: string;
  owner: string | null;
}

/** A write refused because another process has taken the room over: this process must let it go. */
export class RoomLostError extends Error {
  constructor(readonly code: string) {
    super(`room ${code} is held by another server process now`);
  }
}

/**
 * The rooms' persistence. Every write completes before the server acknowledges what it records,
 * so a restarted server rebuilds each open room exactly from its log. Each room is owned by one
 * server process: a store writes only to the rooms its process owns (else RoomLostError), so two
 * processes never both extend one log.
 */
export interface RoomStore {
  /** Stores a new room, owned by this store's process. */
  createRoom(room: RoomRecord): Promise<void>;
  codeTaken(code: string): Promise<boolean>;
  loadRoom(code: string): Promise<StoredRoom | null>;
  openRooms(): Promise<OpenRoom[]>;
  /** Takes an open room over from the owner it was seen with; false when someone else did first. */
  claimRoom(code: string, from: string | null): Promise<boolean>;
  appendEntry(code: string, entry: EntryRecord): Promise<void>;
  saveClock(code: string, clock: StoredClock): Promise<void>;
  saveSeat(code: string, seat: SeatRecord): Promise<void>;
  addSchedule(code: string, item: ScheduleRecord): Promise<void>;
  removeSchedule(code: string, id: string): Promise<void>;
  /** Stores a host note, or replaces a rubric mark (same id). */
  saveHostRecord(code: string, record: HostRecord): Promise<void>;
  closeRoom(code: string): Promise<void>;
  close(): Promise<void>;
}
