// Room server load benchmark: prints figures, asserts nothing.
// Usage: npm run bench:rooms [-- --rooms 50 --clients 6 --seconds 40 --speed 10 --processes 1]
// Starts its own server process on a free loopback port with a temporary data folder, plays
// every room at the given speed with a note from every client about every two seconds, and
// measures the time from sending a command to the moment every participant's view shows it.
// With --processes 2 (or more) it starts that many processes sharing rooms through a throwaway
// Redis and PostgreSQL (Debian's redis-server and postgresql), creates the rooms through them in
// turn and joins each room's participants through them in turn, so most seats are reserved by a
// process that does not hold the room.
import { readFileSync } from 'node:fs';
import { Client, Room as RoomClass, type Room } from 'colyseus.js';
import { applyViewPatch, type CreateRoomOptions, type JoinRoomOptions, type ParticipantRole, type ServerMessages } from '../src/rooms/index.ts';
import type { PlayerView } from '../src/engine/index.ts';
import { parseArgs } from './lib/cli-args.ts';
import { removeDataDir, startServerProcess, startSharedServerProcess, type ServerProcess } from './lib/room-server-process.ts';
import { findServiceBinaries, startPostgres, startRedis, type ThrowawayService } from './lib/scale-out-services.ts';

const args = parseArgs(process.argv.slice(2), ['rooms', 'clients', 'seconds', 'speed', 'processes'], []);
const num = (name: string, fallback: number) => Number(args.get(name) ?? fallback);
const roomCount = num('rooms', 50);
const clientsPerRoom = num('clients', 6);
const seconds = num('seconds', 40);
const speed = num('speed', 10);
const processCount = num('processes', 1);
const hardLimitMs = (seconds + 180) * 1000;

const playerRoles: ParticipantRole[] = ['incident-commander', 'operations', 'communications', 'scribe', 'player'];

/** One connected participant: keeps its view up to date and notes when each command's note arrives. */
interface Participant {
  room: Room;
  notesSeen: number;
  view: PlayerView | null;
}

const sentAt = new Map<string, number>();
const arrivals = new Map<string, number>();
const expected = new Map<string, number>();
const latencies: number[] = [];

function onNotes(p: Participant, notes: { text: string }[]): void {
  for (const note of notes.slice(p.notesSeen)) {
    const sent = sentAt.get(note.text);
    if (sent === undefined) continue;
    const n = (arrivals.get(note.text) ?? 0) + 1;
    arrivals.set(note.text, n);
    // The command counts once every participant of its room shows it: that is the latency.
    if (n === expected.get(note.text)) latencies.push(performance.now() - sent);
  }
  p.notesSeen = notes.length;
}

// Count the bytes each connection receives, frame by frame, before colyseus.js decodes them.
const received = new WeakMap<Room, number>();
const proto = RoomClass.prototype as unknown as { onMessageCallback: (this: Room, event: MessageEvent) => void };
const decodeFrame = proto.onMessageCallback;
proto.onMessageCallback = function (this: Room, event: MessageEvent) {
  received.set(this, (received.get(this) ?? 0) + (event.data as ArrayBuffer).byteLength);
  decodeFrame.call(this, event);
};

function attach(room: Room): Participant {
  const p: Participant = { room, notesSeen: 0, view: null };
  const whole = (m: ServerMessages['view.player']) => {
    p.view = m.view;
    onNotes(p, m.view.notes);
  };
  const patch = (m: ServerMessages['patch.player']) => {
    if (!p.view) return;
    p.view = applyViewPatch(p.view, m.patch);
    if (m.patch.set.notes || m.patch.append?.notes) onNotes(p, p.view.notes);
  };
  room.onMessage('view.player', whole);
  room.onMessage('view.facilitator', whole as never);
  room.onMessage('patch.player', patch);
  room.onMessage('patch.facilitator', patch as never);
  for (const type of ['welcome', 'lobby', 'ack', 'error']) room.onMessage(type, () => undefined);
  room.send('sync', {});
  return p;
}

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const services: ThrowawayService[] = [];
const servers: ServerProcess[] = [];
const stopAll = async (signal: 'SIGTERM' | 'SIGKILL') => {
  await Promise.allSettled(servers.map((s) => s.stop(signal)));
  await Promise.allSettled(services.map((s) => s.stop()));
  for (const s of servers) removeDataDir(s.dataDir);
};
const killer = setTimeout(() => {
  console.error(`The benchmark ran past ${hardLimitMs / 1000} s; stopping.`);
  void stopAll('SIGKILL').then(() => process.exit(2));
}, hardLimitMs);
try {
  if (processCount === 1) servers.push(await startServerProcess());
  else {
    const binaries = findServiceBinaries();
    if ('missing' in binaries) throw new Error(`--processes ${processCount} needs Redis and PostgreSQL: ${binaries.missing}`);
    const lifetimeS = hardLimitMs / 1000 + 60;
    const [redis, postgres] = await Promise.all([startRedis(binaries.redisServer, lifetimeS), startPostgres(binaries.postgresBin, lifetimeS)]);
    services.push(redis, postgres);
    for (let i = 0; i < processCount; i += 1) servers.push(await startSharedServerProcess({ redisUrl: redis.url, databaseUrl: postgres.url }));
  }
  await sleep(3000); // let the database settle before the baseline
  const pids = servers.map((s) => s.pid);
  const sum = (f: (pid: number) => number) => pids.reduce((n, pid) => n + f(pid), 0);
  const through = (i: number) => servers[i % servers.length]?.url as string;
  const rssIdle = sum(rssMb);
  const where = servers.length === 1 ? `Server pid ${pids[0]} on ${through(0)}` : `${servers.length} server processes (pids ${pids.join(', ')}) sharing one Redis and one PostgreSQL`;
  console.log(`${where}; ${roomCount} rooms × ${clientsPerRoom} clients at ${speed}×, ${seconds} s of play.`);
  const rooms: Participant[][] = [];
  const t0 = performance.now();
  for (let r = 0; r < roomCount; r += 1) {
    const client = new Client(through(r));
    const create: CreateRoomOptions = { mode: 'drill', name: `Host ${r}`, scenario: { kind: 'builtin', id: 'consumer-lag-storm' }, seed: r + 1, level: 'normal' };
    const host = attach(await client.create('firedrill', create));
    const code = host.room.roomId;
    const members = [host];
    for (let c = 1; c < clientsPerRoom; c += 1) {
      const join: JoinRoomOptions = { name: `P${r}.${c}`, role: playerRoles[(c - 1) % playerRoles.length] as ParticipantRole };
      members.push(attach(await new Client(through(r + c)).joinById(code, join)));
    }
    host.room.send('host.speed', { speed });
    host.room.send('host.start', { id: `start-${r}` });
    rooms.push(members);
  }
  await sleep(2000);
  const setupS = (performance.now() - t0) / 1000;
  const rssRooms = sum(rssMb);
  const held = servers.map((s) => (s.output.join('').match(/ created: /g) ?? []).length);
  console.log(`Set up in ${setupS.toFixed(1)} s${servers.length > 1 ? `; rooms held per process: ${held.join(', ')}` : ''}.`);

  const cpu0 = sum(cpuSeconds);
  const wall0 = performance.now();
  const bytes0 = rooms.flat().reduce((n, p) => n + (received.get(p.room) ?? 0), 0);
  let sent = 0;
  const timers: NodeJS.Timeout[] = [];
  rooms.forEach((members, r) =>
    members.forEach((p, c) => {
      let n = 0;
      const send = () => {
        const text = `bench ${r}.${c}.${n++}`;
        expected.set(text, members.length);
        sentAt.set(text, performance.now());
        p.room.send('command', { id: `n-${c}-${n}`, command: { type: 'note.add', text } });
        sent += 1;
      };
      // Spread the first commands over two seconds, then one per client every two seconds.
      timers.push(setTimeout(() => timers.push(setInterval(send, 2000)), Math.random() * 2000));
    }),
  );
  await sleep(seconds * 1000);
  for (const t of timers) clearTimeout(t);
  await sleep(2000);
  const wallS = (performance.now() - wall0) / 1000;
  const cpuS = sum(cpuSeconds) - cpu0;
  const rssEnd = sum(rssMb);
  const bytes = rooms.flat().reduce((n, p) => n + (received.get(p.room) ?? 0), 0) - bytes0;

  const lost = sent - latencies.length;
  console.log(`\nCommands sent: ${sent}; shown to every participant of their room: ${latencies.length}${lost > 0 ? ` (${lost} not, or not yet)` : ''}.`);
  console.log(`Latency, command → every participant's updated view: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms (target p95 ≤ 100 ms).`);
  // With several processes: their sum, without Redis and PostgreSQL.
  console.log(`Server CPU: ${((cpuS / wallS) * 100).toFixed(1)}% of one core in all, ${((cpuS / wallS / roomCount) * 100).toFixed(2)}% per room.`);
  // The embedded database's start-up leaves a resident peak that the OS reclaims at its own pace, so the
  // idle figure can read higher than later ones: the growth over idle is shown only when it is positive.
  const growth = rssEnd - rssIdle;
  console.log(`Server memory (RSS): ${rssIdle.toFixed(0)} MB idle, ${rssRooms.toFixed(0)} MB with the rooms, ${rssEnd.toFixed(0)} MB at the end: at most ${(rssEnd / roomCount).toFixed(1)} MB per room${growth > 0 ? `, ${(growth / roomCount).toFixed(2)} MB per room over idle` : ''}.`);
  console.log(`Traffic to clients: ${(bytes / wallS / 1024).toFixed(0)} KiB/s in all, ${(bytes / wallS / 1024 / (roomCount * clientsPerRoom)).toFixed(1)} KiB/s per client.`);
  await Promise.allSettled(rooms.flat().map((p) => p.room.leave(true)));
} finally {
  clearTimeout(killer);
  await stopAll('SIGTERM');
}
process.exit(0);
