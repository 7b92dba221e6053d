import { hashString } from '../state-hash';

/**
 * The id the group coordinator gives a consumer member: its client id and a UUID, distinct per
 * member and stable across a run, as `kafka-consumer-groups --describe` and the client logs print it.
 */
export function memberId(jobId: string, member: number): string {
  const hex = hashString(`${jobId}/${member}`) + hashString(`${jobId}/${member}`, 7) + hashString(`${jobId}/${member}`, 13);
  return `${jobId}-${member}-${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
