import type { Scenario } from '../../scenarios/schema';
import { psqlTable } from './psql-format';
import { tableRoles } from './table-roles';

/** What `\?` prints: the meta-commands the prompt understands. */
const help = [
  'General',
  '  \\q                     quit the SQL prompt',
  '',
  'Informational',
  '  \\d      [NAME]         describe table, or list tables',
  '  \\dt     [PATTERN]      list tables',
  '  \\?                     show this help',
].join('\n');

/** Runs a psql meta-command (`\dt`, `\d table`, `\?`); returns psql's output and whether it succeeded. */
export function runMetaCommand(s: Scenario, line: string): { ok: boolean; text: string } {
  const [cmd = '', arg] = line.trim().split(/\s+/);
  const name = arg?.replace(/^"|"$/g, '').replace(/^(public|analytics)\./, '');
  switch (cmd.replace(/\+$/, '')) {
    case '\\?':
      return { ok: true, text: help };
    case '\\dt':
      return { ok: true, text: listTables(s, name) };
    case '\\d':
      return name ? describe(s, name) : { ok: true, text: listTables(s, undefined) };
    case '\\q':
      return { ok: true, text: '' };
  }
  return { ok: false, text: `invalid command ${cmd}\nTry \\? for help.` };
}

// psql patterns: `*` any text, `?` one character.
function matches(pattern: string | undefined, name: string): boolean {
  if (!pattern) return true;
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(name);
}

function listTables(s: Scenario, pattern: string | undefined): string {
  const names = s.world.tables.map((t) => t.id).filter((n) => matches(pattern, n)).sort();
  if (names.length === 0) return `Did not find any relation named "${pattern ?? ''}".`;
  return psqlTable(['Schema', 'Name', 'Type', 'Owner'], names.map((n) => ['public', n, 'table', 'analytics']), [false, false, false, false], 'List of relations');
}

function describe(s: Scenario, name: string): { ok: boolean; text: string } {
  const roles = tableRoles(s, name);
  if (!roles) return { ok: false, text: `Did not find any relation named "${name}".` };
  const notNull = new Set(['key', 'event', 'partition']);
  const rows = roles.columns.map((c) => [c.name, c.type, '', notNull.has(c.role) || c.name === 'dt' ? 'not null' : '', '']);
  const table = psqlTable(['Column', 'Type', 'Collation', 'Nullable', 'Default'], rows, [false, false, false, false, false], `Table "public.${name}"`);
  // psql's \d prints no row count; it lists the partition key and indexes below instead.
  const body = table.split('\n').slice(0, -1);
  body.push('Partition key: RANGE (dt)');
  if (roles.key) body.push('Indexes:', `    "${name}_${roles.key}_idx" btree (${roles.key})`);
  return { ok: true, text: body.join('\n') };
}
