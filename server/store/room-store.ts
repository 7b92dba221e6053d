import type { Command } from '../../src/scenarios/schema';
import type { Level } from '../../src/scenarios/schema/level-names';
import type { Role, RoomMode } from '../../src/rooms';

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
}

/**
 * The rooms' persistence. Every write completes before the server acknowledges what it records,
 * so a restarted server rebuilds each open room exactly from its log.
 */
export interface RoomStore {
  createRoom(room: RoomRecord): Promise<void>;
  codeTaken(code: string): Promise<boolean>;
  loadRoom(code: string): Promise<StoredRoom | null>;
  openRoomCodes(): Promise<string[]>;
  appendEntry(code: string, entry: EntryRecord): Promise<void>;
  saveClock(code: string, clock: StoredClock): Promise<void>;
  saveSeat(code: string, seat: SeatRecord): Promise<void>;
  addSchedule(code: string, item: ScheduleRecord): Promise<void>;
  removeSchedule(code: string, id: string): Promise<void>;
  closeRoom(code: string): Promise<void>;
  close(): Promise<void>;
}
