import type { MovedField, ProducerState } from '../state';

/** Records the fields a producer now moves (`[]` stops it); the next segment carries them. */
export function setProducerMoved(producer: ProducerState, moved: readonly MovedField[]): void {
  if (moved.length === 0) delete producer.movedFields;
  else producer.movedFields = moved.map(({ field, to, fraction }) => ({ field, to, fraction }));
}

/** The moved fields a new segment of this producer carries, as a property to spread (none: no property, so old states hash the same). */
export function segmentMoved(producer: ProducerState): { moved?: MovedField[] } {
  return producer.movedFields && producer.movedFields.length > 0 ? { moved: producer.movedFields.map((m) => ({ ...m })) } : {};
}
