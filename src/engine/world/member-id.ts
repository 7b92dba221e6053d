import { hashString } from '../state-hash';

/**
 * The id the group coordinator gives a consumer member: its client id and a UUID, distinct per
 * member and stable across a run, as `kafka-consumer-groups --describe` and the client logs print it.
 */
export function memberId(jobId: string, member: number): string {
  const key = `${jobId}/${member}`;
  const hit = ids.get(key);
  if (hit) return hit;
  const hex = hashString(key) + hashString(key, 7) + hashString(key, 13);
  const id = `${jobId}-${member}-${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  ids.set(key, id);
  return id;
}

// A pure function of its inputs, asked for on every rebalance log line: remembered.
const ids = new Map<string, string>();
