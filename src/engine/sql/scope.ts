import type { Cell } from './cells';
import type { TableModel } from './table-model';
import type { Ty, Typed } from './values';

/** A relation in a query's FROM: a lake table (aggregated through its slices) or rows a subquery returned. */
export type Source = { alias: string; kind: 'lake'; model: TableModel } | { alias: string; kind: 'rows'; columns: { name: string; t: Ty }[] };

/**
 * One row of what a query reads. A lake row is a slice of a table (`n` rows, `dup` of them
 * duplicate copies, `nulls` per column, the slice's time span in `cell`); a row of a subquery
 * is one row (`n` = 1) with its values in `vals`, in the order of the scope's columns.
 */
export interface Row {
  n: number;
  dup: number;
  nulls: Record<string, number>;
  cell: Cell | null;
  vals: Typed[];
  /** The key value of a duplicated key (when grouping by the key), or `unique` for the rest. */
  key?: Typed | 'unique';
  /** Columns known to be NULL (true) or not (false) in every row of this part of a slice. */
  isNull?: Record<string, boolean>;
}

/** The relations a query reads and where each one's columns sit in a row. */
export interface Scope {
  sources: Source[];
  /** For rows sources: the offset of each source's first column in `Row.vals`. */
  offsets: number[];
}

/** A column a name refers to. */
export type Resolved = { kind: 'lake'; source: Extract<Source, { kind: 'lake' }>; column: TableModel['columns'][number] } | { kind: 'rows'; index: number; t: Ty; name: string };

/** Finds the column `name` (optionally of `table`), or says why not: missing or ambiguous. */
export function resolveColumn(scope: Scope, name: string, table: string | undefined): Resolved | 'missing' | 'ambiguous' | 'no-table' {
  const found: Resolved[] = [];
  let tableSeen = table === undefined;
  scope.sources.forEach((src, i) => {
    if (table !== undefined && src.alias !== table) return;
    tableSeen = true;
    if (src.kind === 'lake') {
      const column = src.model.columns.find((c) => c.name === name);
      if (column) found.push({ kind: 'lake', source: src, column });
    } else {
      const j = src.columns.findIndex((c) => c.name === name);
      if (j >= 0) found.push({ kind: 'rows', index: (scope.offsets[i] as number) + j, t: (src.columns[j] as { t: Ty }).t, name });
    }
  });
  if (!tableSeen) return 'no-table';
  if (found.length === 0) return 'missing';
  if (found.length > 1) return 'ambiguous';
  return found[0] as Resolved;
}
