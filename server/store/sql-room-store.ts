import type { Role } from '../../src/rooms';
import type { Command } from '../../src/scenarios/schema';
import type { EntryRecord, RoomRecord, RoomStore, ScenarioRef, ScheduleRecord, SeatRecord, StoredClock } from './room-store';
import type { SqlClient } from './sql-client';
import { hostSeat } from '../seat-ids';

const schema = `
create table if not exists rooms (
  code text primary key,
  host_token_hash text not null,
  mode text not null,
  scenario jsonb not null,
  seed integer not null,
  level text not null,
  clock_t double precision not null,
  speed integer not null,
  paused boolean not null,
  open boolean not null default true,
  created_at timestamptz not null default now()
);
create table if not exists entries (
  code text not null references rooms(code),
  seq integer not null,
  at integer not null,
  command jsonb not null,
  seat text not null,
  name text not null,
  role text not null,
  client_id text not null,
  primary key (code, seq),
  unique (code, seat, client_id)
);
create table if not exists seats (
  code text not null references rooms(code),
  seat text not null,
  name text not null,
  role text not null,
  token_hash text not null,
  primary key (code, seat)
);
create table if not exists schedule (
  code text not null references rooms(code),
  id text not null,
  inject text not null,
  at_s integer not null,
  primary key (code, id)
);
`;

interface RoomRow {
  code: string;
  host_token_hash: string;
  mode: RoomRecord['mode'];
  scenario: ScenarioRef | string;
  seed: number;
  level: RoomRecord['level'];
  clock_t: number;
  speed: number;
  paused: boolean;
}

// pg returns jsonb parsed; PGlite does too, but a text column read back through either stays a string.
const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/** The room store over SQL: the same statements run on the embedded PGlite and on PostgreSQL. */
export async function sqlRoomStore(db: SqlClient): Promise<RoomStore> {
  await db.exec(schema);
  return {
    async createRoom(r) {
      await db.query('insert into rooms (code, host_token_hash, mode, scenario, seed, level, clock_t, speed, paused) values ($1,$2,$3,$4,$5,$6,$7,$8,$9)', [r.code, r.hostTokenHash, r.mode, JSON.stringify(r.scenario), r.seed, r.level, r.clock.t, r.clock.speed, r.clock.paused]);
    },
    async codeTaken(code) {
      return (await db.query('select 1 from rooms where code = $1', [code])).length > 0;
    },
    async loadRoom(code) {
      const [row] = await db.query<RoomRow>('select * from rooms where code = $1', [code]);
      if (!row) return null;
      const entries = await db.query<{ seq: number; at: number; command: Command | string; seat: string; name: string; role: Role; client_id: string }>('select * from entries where code = $1 order by seq', [code]);
      const seats = await db.query<{ seat: string; name: string; role: Role; token_hash: string }>('select * from seats where code = $1 order by seat', [code]);
      const schedule = await db.query<{ id: string; inject: string; at_s: number }>('select * from schedule where code = $1 order by at_s, id', [code]);
      return {
        room: { code: row.code, hostTokenHash: row.host_token_hash, mode: row.mode, scenario: json(row.scenario), seed: row.seed, level: row.level, clock: { t: row.clock_t, speed: row.speed, paused: row.paused } },
        entries: entries.map((e): EntryRecord => ({ seq: e.seq, at: e.at, command: json(e.command), seat: e.seat, name: e.name, role: e.role, clientId: e.client_id })),
        seats: seats.map((s): SeatRecord => ({ seat: s.seat, name: s.name, role: s.role, tokenHash: s.token_hash })),
        // A scheduled inject fired when the host's log holds an entry under its id: one write, no second flag to fall out of step.
        schedule: schedule.map((s): ScheduleRecord => ({ id: s.id, inject: s.inject, atS: s.at_s, firedSeq: entries.find((e) => e.seat === hostSeat && e.client_id === s.id)?.seq ?? null })),
      };
    },
    async openRoomCodes() {
      return (await db.query<{ code: string }>('select code from rooms where open order by created_at')).map((r) => r.code);
    },
    async appendEntry(code, e) {
      await db.query('insert into entries (code, seq, at, command, seat, name, role, client_id) values ($1,$2,$3,$4,$5,$6,$7,$8)', [code, e.seq, e.at, JSON.stringify(e.command), e.seat, e.name, e.role, e.clientId]);
    },
    async saveClock(code, c: StoredClock) {
      await db.query('update rooms set clock_t = $2, speed = $3, paused = $4 where code = $1', [code, c.t, c.speed, c.paused]);
    },
    async saveSeat(code, s) {
      await db.query('insert into seats (code, seat, name, role, token_hash) values ($1,$2,$3,$4,$5) on conflict (code, seat) do update set name = excluded.name, role = excluded.role, token_hash = excluded.token_hash', [code, s.seat, s.name, s.role, s.tokenHash]);
    },
    async addSchedule(code, s) {
      await db.query('insert into schedule (code, id, inject, at_s) values ($1,$2,$3,$4)', [code, s.id, s.inject, s.atS]);
    },
    async removeSchedule(code, id) {
      await db.query('delete from schedule where code = $1 and id = $2', [code, id]);
    },
    async closeRoom(code) {
      await db.query('update rooms set open = false where code = $1', [code]);
    },
    close: () => db.close(),
  };
}
