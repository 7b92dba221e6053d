import type { Role } from '../../src/rooms';
import type { Command } from '../../src/scenarios/schema';
import { RoomLostError, type EntryRecord, type RoomRecord, type RoomStore, type ScenarioRef, type ScheduleRecord, type SeatRecord, type StoredClock } from './room-store';
import type { SqlClient } from './sql-client';
import { hostSeat } from '../seat-ids';
import type { HostRecord } from '../host-notebook';

// One transaction under a lock: processes starting together on a fresh PostgreSQL would otherwise
// race to create the same tables ("create table if not exists" is not safe against itself).
const schema = `
begin;
select pg_advisory_xact_lock(7461723);
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
create table if not exists host_records (
  code text not null references rooms(code),
  id text not null,
  kind text not null,
  body jsonb not null,
  written integer not null,
  primary key (code, id)
);
alter table rooms add column if not exists owner text;
commit;
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

/**
 * The room store over SQL: the same statements run on the embedded PGlite and on PostgreSQL.
 * `owner` names this server process; every write to a room checks, in the same statement, that
 * the room is still this process's.
 */
export async function sqlRoomStore(db: SqlClient, owner: string): Promise<RoomStore> {
  await db.exec(schema);
  // The row the write returns is the proof that the room was still ours when it was written.
  const owned = async (code: string, sql: string, params: unknown[]) => {
    if ((await db.query(sql, [code, owner, ...params])).length === 0) throw new RoomLostError(code);
  };
  return {
    async createRoom(r) {
      await db.query('insert into rooms (code, owner, host_token_hash, mode, scenario, seed, level, clock_t, speed, paused) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)', [r.code, owner, r.hostTokenHash, r.mode, JSON.stringify(r.scenario), r.seed, r.level, r.clock.t, r.clock.speed, r.clock.paused]);
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
      const hostRecords = await db.query<{ id: string; kind: HostRecord['kind']; body: HostRecord['body'] | string }>('select id, kind, body from host_records where code = $1 order by written, id', [code]);
      return {
        room: { code: row.code, hostTokenHash: row.host_token_hash, mode: row.mode, scenario: json(row.scenario), seed: row.seed, level: row.level, clock: { t: row.clock_t, speed: row.speed, paused: row.paused } },
        entries: entries.map((e): EntryRecord => ({ seq: e.seq, at: e.at, command: json(e.command), seat: e.seat, name: e.name, role: e.role, clientId: e.client_id })),
        seats: seats.map((s): SeatRecord => ({ seat: s.seat, name: s.name, role: s.role, tokenHash: s.token_hash })),
        // A scheduled inject fired when the host's log holds an entry under its id: one write, no second flag to fall out of step.
        schedule: schedule.map((s): ScheduleRecord => ({ id: s.id, inject: s.inject, atS: s.at_s, firedSeq: entries.find((e) => e.seat === hostSeat && e.client_id === s.id)?.seq ?? null })),
        hostRecords: hostRecords.map((r) => ({ kind: r.kind, id: r.id, body: json(r.body) }) as HostRecord),
      };
    },
    async openRooms() {
      return db.query<{ code: string; owner: string | null }>('select code, owner from rooms where open order by created_at');
    },
    async claimRoom(code, from) {
      return (await db.query('update rooms set owner = $2 where code = $1 and open and owner is not distinct from $3 returning code', [code, owner, from])).length === 1;
    },
    // Casts: a parameter in a SELECT list has no type of its own to take from the column it fills.
    appendEntry: (code, e) =>
      owned(code, 'insert into entries (code, seq, at, command, seat, name, role, client_id) select code, $3::integer, $4::integer, $5::jsonb, $6::text, $7::text, $8::text, $9::text from rooms where code = $1 and owner = $2 returning seq', [e.seq, e.at, JSON.stringify(e.command), e.seat, e.name, e.role, e.clientId]),
    saveClock: (code, c: StoredClock) => owned(code, 'update rooms set clock_t = $3, speed = $4, paused = $5 where code = $1 and owner = $2 returning code', [c.t, c.speed, c.paused]),
    saveSeat: (code, s) =>
      owned(code, 'insert into seats (code, seat, name, role, token_hash) select code, $3::text, $4::text, $5::text, $6::text from rooms where code = $1 and owner = $2 on conflict (code, seat) do update set name = excluded.name, role = excluded.role, token_hash = excluded.token_hash returning seat', [s.seat, s.name, s.role, s.tokenHash]),
    addSchedule: (code, s) => owned(code, 'insert into schedule (code, id, inject, at_s) select code, $3::text, $4::text, $5::integer from rooms where code = $1 and owner = $2 returning id', [s.id, s.inject, s.atS]),
    removeSchedule: (code, id) => owned(code, 'delete from schedule s using rooms r where s.code = $1 and s.id = $3 and r.code = s.code and r.owner = $2 returning s.id', [id]),
    // `written` keeps the notes in the order they were written (a mark replaced keeps its place).
    saveHostRecord: (code, r) =>
      owned(
        code,
        'insert into host_records (code, id, kind, body, written) select code, $3::text, $4::text, $5::jsonb, (select count(*) from host_records where code = $1)::integer from rooms where code = $1 and owner = $2 on conflict (code, id) do update set body = excluded.body returning id',
        [r.id, r.kind, JSON.stringify(r.body)],
      ),
    closeRoom: (code) => owned(code, 'update rooms set open = false where code = $1 and owner = $2 returning code', []),
    close: () => db.close(),
  };
}
