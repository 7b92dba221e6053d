import type { Expr, From } from 'pgsql-ast-parser';
import { evaluate, truth, type Env } from './expressions';
import { binary } from './operators';
import type { Row, Scope, Source } from './scope';
import { runSelect, type QueryRun, type ResultSet } from './select';
import { locationOf, SqlError, Unsupported } from './sql-error';
import { tableModel } from './table-model';
import { nullValue, type Typed } from './values';

/** The relations of a FROM clause and the rows they give, joined. */
export function readFrom(from: From[] | null | undefined, run: QueryRun): { scope: Scope; rows: Row[] } {
  if (!from || from.length === 0) return { scope: { sources: [], offsets: [] }, rows: [{ n: 1, dup: 0, nulls: {}, cell: null, vals: [] }] };
  const items = from.map((f) => source(f, run));
  if (items.length === 1 && items[0]?.src.kind === 'lake') {
    const src = items[0].src;
    run.scannedRows += src.model.rows;
    const rows: Row[] = src.model.cells.map((cell) => ({ n: cell.rows, dup: cell.duplicates, nulls: { ...cell.nulls }, cell, vals: [] }));
    return { scope: { sources: [src], offsets: [0] }, rows };
  }
  const lake = items.find((i) => i.src.kind === 'lake');
  if (lake) {
    const m = lake.src.kind === 'lake' ? lake.src.model : null;
    throw new Unsupported(
      `the warehouse joins result sets, not raw tables: aggregate each side first, e.g. ` +
        `JOIN (SELECT date_trunc('hour', ${m?.event ?? 'event_ts'}) AS hour, count(*) AS n FROM ${m?.id ?? 'table'} GROUP BY 1) b ON a.hour = b.hour`,
    );
  }
  let scope: Scope = { sources: [], offsets: [] };
  let rows: Row[] = [{ n: 1, dup: 0, nulls: {}, cell: null, vals: [] }];
  items.forEach((item, i) => {
    const src = item.src as Extract<Source, { kind: 'rows' }>;
    const width = scope.sources.reduce((n, s) => n + (s.kind === 'rows' ? s.columns.length : 0), 0);
    const next: Scope = { sources: [...scope.sources, src], offsets: [...scope.offsets, width] };
    const right = item.rows;
    const join = from[i]?.join ?? null;
    if (i === 0) {
      rows = right;
    } else {
      if (rows.length * right.length > 1_000_000) throw new Unsupported('this join would compare more than 1,000,000 row pairs; aggregate each side to dates or hours first');
      run.joins += 1;
      rows = joinRows(rows, right, join?.type ?? 'CROSS JOIN', join?.on ?? null, join?.using?.map((u) => u.name) ?? null, scope, src, next, run);
    }
    scope = next;
  });
  return { scope, rows };
}

function source(f: From, run: QueryRun): { src: Source; rows: Row[] } {
  if (f.type === 'table') {
    const name = f.name.name;
    const alias = f.name.alias ?? name;
    const cte = run.ctes.get(name);
    if (cte && !f.name.schema) return materialized(alias, cte);
    if (f.name.schema && !['public', 'analytics', 'lake'].includes(f.name.schema)) throw new SqlError(`relation "${f.name.schema}.${name}" does not exist`, locationOf(f.name));
    const model = tableModel(run.s, run.state, name, run.cache);
    if (!model) throw new SqlError(`relation "${f.name.schema ? `${f.name.schema}.` : ''}${name}" does not exist`, locationOf(f.name));
    run.tables.add(name);
    return { src: { alias, kind: 'lake', model }, rows: [] };
  }
  if (f.type === 'statement') return materialized(f.alias, runSelect(f.statement, run));
  throw new Unsupported('functions in FROM are not supported');
}

/** A subquery's rows as a relation of the outer query. */
export function materialized(alias: string, rs: ResultSet): { src: Source; rows: Row[] } {
  return { src: { alias, kind: 'rows', columns: rs.columns.map((c) => ({ name: c.name, t: c.t })) }, rows: rs.rows.map((vals) => ({ n: 1, dup: 0, nulls: {}, cell: null, vals })) };
}

function joinRows(left: Row[], right: Row[], type: string, on: Expr | null, using: string[] | null, leftScope: Scope, rightSrc: Extract<Source, { kind: 'rows' }>, scope: Scope, run: QueryRun): Row[] {
  const env: Env = { s: run.s, state: run.state, scope, query: run.query };
  const leftWidth = leftScope.sources.reduce((n, s) => n + (s.kind === 'rows' ? s.columns.length : 0), 0);
  const rightWidth = rightSrc.columns.length;
  const pad = (k: number) => Array.from({ length: k }, () => nullValue);
  const matches = (l: Row, r: Row): boolean => {
    const row: Row = { n: 1, dup: 0, nulls: {}, cell: null, vals: [...l.vals, ...r.vals] };
    if (using) {
      return using.every((name) => {
        const li = leftScope.sources.flatMap((s, i) => (s.kind === 'rows' ? s.columns.map((c, j) => ({ c, k: (leftScope.offsets[i] as number) + j })) : [])).find((x) => x.c.name === name);
        const ri = rightSrc.columns.findIndex((c) => c.name === name);
        if (!li || ri < 0) throw new SqlError(`column "${name}" specified in USING clause does not exist in ${li ? 'right' : 'left'} table`);
        return truth(binary('=', row.vals[li.k] as Typed, row.vals[leftWidth + ri] as Typed, env, null));
      });
    }
    return on ? truth(evaluate(on, { row, group: null }, env)) : true;
  };
  const out: Row[] = [];
  const rightHit = new Set<number>();
  for (const l of left) {
    let hit = false;
    right.forEach((r, j) => {
      if (!matches(l, r)) return;
      hit = true;
      rightHit.add(j);
      out.push({ n: 1, dup: 0, nulls: {}, cell: null, vals: [...l.vals, ...r.vals] });
    });
    if (!hit && (type === 'LEFT JOIN' || type === 'FULL JOIN')) out.push({ n: 1, dup: 0, nulls: {}, cell: null, vals: [...l.vals, ...pad(rightWidth)] });
  }
  if (type === 'RIGHT JOIN' || type === 'FULL JOIN') right.forEach((r, j) => rightHit.has(j) || out.push({ n: 1, dup: 0, nulls: {}, cell: null, vals: [...pad(leftWidth), ...r.vals] }));
  return out;
}
