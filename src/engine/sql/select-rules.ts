import type { Expr, SelectedColumn } from 'pgsql-ast-parser';
import { hasAggregate } from './aggregates';
import { resolveRef, type Env } from './expressions';
import type { Scope } from './scope';
import { locationOf, SqlError, Unsupported } from './sql-error';

/** The select list with `*` expanded, each item with its output name. */
export function selectList(columns: SelectedColumn[] | null | undefined, scope: Scope): { expr: Expr; name: string }[] {
  if (!columns || columns.length === 0) return [];
  return columns.flatMap((c) => {
    if (c.expr.type === 'ref' && c.expr.name === '*') {
      const table = c.expr.table?.name;
      const sources = scope.sources.filter((s) => table === undefined || s.alias === table);
      if (table !== undefined && sources.length === 0) throw new SqlError(`missing FROM-clause entry for table "${table}"`, locationOf(c.expr));
      return sources.flatMap((s) => {
        if (s.kind === 'lake') throw new Unsupported(`the warehouse does not list raw rows of ${s.model.id}; ask for counts, e.g. SELECT date_trunc('hour', ${s.model.event}) AS hour, count(*) FROM ${s.model.id} GROUP BY 1 ORDER BY 1`);
        return s.columns.map((col) => ({ expr: { type: 'ref', table: { name: s.alias }, name: col.name } as Expr, name: col.name }));
      });
    }
    return [{ expr: c.expr, name: c.alias?.name ?? outputName(c.expr) }];
  });
}

/** The header psql gives an unaliased expression. */
function outputName(e: Expr): string {
  switch (e.type) {
    case 'ref':
      return e.name;
    case 'call':
      return e.function.name.toLowerCase();
    case 'cast':
      return e.operand.type === 'ref' || e.operand.type === 'call' || e.operand.type === 'cast' ? outputName(e.operand) : 'name' in e.to ? e.to.name : '?column?';
    case 'keyword':
      return e.keyword;
    case 'extract':
      return 'extract';
    case 'case':
      return 'case';
    default:
      return '?column?';
  }
}

/** Every column a clause names must exist before anything is computed, so a typo gets psql's error first. */
export function checkRefs(node: unknown, env: Env): void {
  if (!node || typeof node !== 'object') return;
  const e = node as Expr;
  if (e.type === 'ref') {
    if (e.name !== '*') resolveRef(env, e);
    return;
  }
  if (e.type === 'select' || e.type === 'with' || e.type === 'union' || e.type === 'union all') return;
  for (const v of Object.values(node)) {
    if (Array.isArray(v)) v.forEach((x) => checkRefs(x, env));
    else checkRefs(v, env);
  }
}

/** Outside aggregates, an aggregate query may only use what it groups by, as PostgreSQL requires. */
export function checkGrouped(e: Expr, groups: Expr[], env: Env): void {
  if (groups.some((g) => sameExpr(g, e, env))) return;
  if (e.type === 'call' && hasAggregate({ type: 'call', function: e.function, args: [] })) return;
  if (e.type === 'ref') {
    if (e.name === '*') return;
    const r = resolveRef(env, e);
    const name = r.kind === 'lake' ? `${r.source.alias}.${r.column.name}` : `${env.scope.sources.find((_, i) => (env.scope.offsets[i] ?? 0) <= r.index && r.index < (env.scope.offsets[i + 1] ?? Infinity))?.alias ?? ''}.${r.name}`;
    throw new SqlError(`column "${name}" must appear in the GROUP BY clause or be used in an aggregate function`, locationOf(e));
  }
  if (e.type === 'select' || e.type === 'with' || e.type === 'union' || e.type === 'union all') return;
  for (const v of Object.values(e)) {
    for (const x of Array.isArray(v) ? v : [v]) if (x && typeof x === 'object' && 'type' in x) checkGrouped(x as Expr, groups, env);
  }
}

// Two expressions are the same when they print the same, with column references resolved.
function sameExpr(a: Expr, b: Expr, env: Env): boolean {
  if (a.type === 'ref' && b.type === 'ref' && a.name !== '*' && b.name !== '*') {
    const x = resolveRef(env, a);
    const y = resolveRef(env, b);
    return x.kind === 'lake' && y.kind === 'lake' ? x.source === y.source && x.column.name === y.column.name : x.kind === 'rows' && y.kind === 'rows' && x.index === y.index;
  }
  return a === b || printed(a) === printed(b);
}

// An expression as printed without its place in the query, once per parsed node (checkGrouped compares every node under the select list with every group).
const printedNodes = new WeakMap<Expr, string>();
const withoutLocation = (k: string, v: unknown) => (k === '_location' ? undefined : v);

function printed(e: Expr): string {
  let text = printedNodes.get(e);
  if (text === undefined) {
    text = JSON.stringify(e, withoutLocation);
    printedNodes.set(e, text);
  }
  return text;
}

/** GROUP BY 1 and GROUP BY alias name select-list items, as PostgreSQL allows. */
export function groupExpr(g: Expr, list: { expr: Expr; name: string }[], scope: Scope): Expr {
  if (g.type === 'integer') {
    const item = list[g.value - 1];
    if (!item) throw new SqlError(`GROUP BY position ${g.value} is not in select list`, locationOf(g));
    return item.expr;
  }
  if (g.type === 'ref' && !g.table) {
    const isInput = scope.sources.some((s) => (s.kind === 'lake' ? s.model.columns.some((c) => c.name === g.name) : s.columns.some((c) => c.name === g.name)));
    const alias = list.find((c) => c.name === g.name);
    if (!isInput && alias) return alias.expr;
  }
  return g;
}
