import type { NullShare, PartitionState, ProducerState, Segment } from '../state';
import type { RangeCounts } from './record-math';

/** Records a producer's new null columns (`[]` stops them); the next segment carries them. */
export function setProducerNulls(producer: ProducerState, nullColumns: readonly NullShare[]): void {
  if (nullColumns.length === 0) delete producer.nullColumns;
  else producer.nullColumns = nullColumns.map(({ column, fraction }) => ({ column, fraction }));
}

/** The null columns a new segment of this producer carries, as a property to spread (none: no property, so old states hash the same). */
export function segmentNulls(producer: ProducerState): { nulls?: NullShare[] } {
  return producer.nullColumns && producer.nullColumns.length > 0 ? { nulls: producer.nullColumns.map((n) => ({ ...n })) } : {};
}

/** Adds the nulls a segment's producer wrote to `delivered` rows read from it: every reader sees them. */
export function addSourceNulls(seg: Segment, delivered: number, into: RangeCounts): void {
  if (!seg.nulls) return;
  for (const { column, fraction } of seg.nulls) into.nulls[column] = (into.nulls[column] ?? 0) + Math.floor(delivered * fraction);
}

/**
 * Upstream corrects every row written with nulls up to now. The segment still being written is
 * split at the log end, so records produced after the repair keep the producer's current nulls.
 */
export function repairSourceNulls(partitions: PartitionState[]): number {
  let repaired = 0;
  for (const p of partitions) {
    const last = p.segments[p.segments.length - 1];
    if (last?.nulls && last.from < p.logEnd) {
      const m = last.poisonEvery;
      const phase = m > 0 ? (((last.from + last.phase - p.logEnd) % m) + m) % m : 0;
      p.segments.push({ ...last, from: p.logEnd, phase, nulls: last.nulls.map((n) => ({ ...n })) });
    }
    // Every segment but the last now ends at or before the log end.
    for (let i = 0; i < p.segments.length - 1; i++) {
      const seg = p.segments[i] as Segment;
      if (!seg.nulls) continue;
      delete seg.nulls;
      repaired += (p.segments[i + 1] as Segment).from - seg.from;
    }
  }
  return repaired;
}
