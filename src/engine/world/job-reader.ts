import type { JobSpec, Scenario } from '../../scenarios/schema';
import { hasFieldPath, readerOutcome, type ReaderOutcome } from '../avro';
import { lookup } from '../scenario-lookup';
import type { Segment } from '../state';

/** How a job's reader meets a stretch of records: all decode, the poison records fail, or all fail. */
export type Undecodable = 'none' | 'poison' | 'all';

/** What a job's reader does with each writer version, in either reader mode, from the schemas. */
export interface JobReader {
  /** The reader's outcome for records of `writerVersion` (registry lookup reads with the writer's own schema). */
  outcome(readerMode: 'pinned' | 'registry', writerVersion: number): ReaderOutcome;
  /** Which records of a segment this reader cannot decode. */
  undecodable(readerMode: 'pinned' | 'registry', seg: Segment): Undecodable;
  /** Whether the reader still sees the nested field `path` of records of `writerVersion`. */
  keepsPath(readerMode: 'pinned' | 'registry', writerVersion: number, path: string): boolean;
}

const decodesAll: ReaderOutcome = { kind: 'decodes', defaulted: [] };
const cache = new WeakMap<JobSpec, JobReader>();

/** The reader of a job, built once per job spec; a version missing from the subject reads as itself. */
export function jobReader(s: Scenario, spec: JobSpec): JobReader {
  const hit = cache.get(spec);
  if (hit) return hit;
  const schemaOf = (version: number) => lookup(s).schemaVersion(spec.subject, version)?.schema;
  const readerSchema = (mode: 'pinned' | 'registry', writerVersion: number) => schemaOf(mode === 'pinned' ? spec.pinnedVersion : writerVersion);
  // Asked for every segment on every tick: remembered per reader mode and writer version (a small
  // whole number, so an array index; any other number goes to a map).
  const pinned: ReaderOutcome[] = [];
  const registry: ReaderOutcome[] = [];
  const others = { pinned: new Map<number, ReaderOutcome>(), registry: new Map<number, ReaderOutcome>() };
  const resolve = (mode: 'pinned' | 'registry', writerVersion: number): ReaderOutcome => {
    const writer = schemaOf(writerVersion);
    const reader = readerSchema(mode, writerVersion);
    return writer && reader ? readerOutcome(reader, writer) : decodesAll;
  };
  const outcome = (mode: 'pinned' | 'registry', writerVersion: number): ReaderOutcome => {
    if (writerVersion >= 0 && writerVersion < 1024 && Number.isInteger(writerVersion)) {
      const byVersion = mode === 'pinned' ? pinned : registry;
      return (byVersion[writerVersion] ??= resolve(mode, writerVersion));
    }
    const map = others[mode];
    let found = map.get(writerVersion);
    if (!found) map.set(writerVersion, (found = resolve(mode, writerVersion)));
    return found;
  };
  const paths = { pinned: new Map<number, Map<string, boolean>>(), registry: new Map<number, Map<string, boolean>>() };
  const keptPath = (mode: 'pinned' | 'registry', writerVersion: number, path: string): boolean => {
    let known = paths[mode].get(writerVersion);
    if (!known) paths[mode].set(writerVersion, (known = new Map()));
    const hit = known.get(path);
    if (hit !== undefined) return hit;
    const writer = schemaOf(writerVersion);
    const reader = readerSchema(mode, writerVersion);
    const kept = !!writer && !!reader && hasFieldPath(reader, path) && hasFieldPath(writer, path);
    known.set(path, kept);
    return kept;
  };
  // The last answer in each mode: a tick asks about the same moved field of the same writer for every partition.
  const lastPinned = { writerVersion: Number.NaN, path: '', kept: false };
  const lastRegistry = { writerVersion: Number.NaN, path: '', kept: false };
  const built: JobReader = {
    outcome,
    undecodable(mode, seg) {
      if (seg.poisonKind === 'any-reader') return seg.poisonEvery > 0 ? 'poison' : 'none';
      const o = outcome(mode, seg.writerVersion);
      if (o.kind === 'fails-all') return 'all';
      return o.kind === 'fails-some' && seg.poisonEvery > 0 ? 'poison' : 'none';
    },
    keepsPath(mode, writerVersion, path) {
      const last = mode === 'pinned' ? lastPinned : lastRegistry;
      if (last.writerVersion === writerVersion && last.path === path) return last.kept;
      last.kept = keptPath(mode, writerVersion, path);
      last.writerVersion = writerVersion;
      last.path = path;
      return last.kept;
    },
  };
  cache.set(spec, built);
  return built;
}
