import type { Cell } from './cells';

// FNV-1a with MurmurHash3's final mix, 32 bits: a stable hash, so the same record always gets the same key, and similar records get unalike keys.
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The key of the `i`-th of `count` duplicated records in a slice. A job-fed slice names the
 * record by its Kafka partition and offset (duplicates sit evenly over the slice's offsets,
 * as the ledger spreads them); other slices by their start time and index. The key reads like
 * the column's ids: `order_id` → `ord_5e1f09c2a7b4`.
 */
export function duplicateKey(tableId: string, keyColumn: string, cell: Cell, i: number, count: number): string {
  const stem = keyColumn.replace(/_id$/, '').replace(/[^a-z]/g, '').slice(0, 3) || 'id';
  const where = cell.offsets
    ? `${cell.partition ?? 0}:${cell.offsets[0] + Math.floor(((i + 0.5) * Math.max(1, cell.offsets[1] - cell.offsets[0])) / Math.max(1, count))}`
    : `${cell.from}:${i}`;
  const a = fnv(`${tableId}/${where}`);
  const b = fnv(`${where}/${tableId}`);
  return `${stem}_${a.toString(16).padStart(8, '0')}${(b >>> 16).toString(16).padStart(4, '0')}`;
}
