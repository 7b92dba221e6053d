// Generates the scenario format's machine-readable schema and the vocabulary tables of its
// reference from the zod schema and its source comments, so neither is copied by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  accountingMetrics,
  conditionSchema,
  effectSchema,
  metricCatalogue,
  milestoneNames,
  phaseNames,
  revealSchema,
  scenarioSchema,
  verdictKinds,
} from '../../src/scenarios/schema/index.ts';
import { playBot, prepareRun, summarizeRun } from '../../src/engine/index.ts';
import { penalties } from '../../src/engine/scoring/score-run.ts';
import { loadScenario } from '../../src/scenarios/load-scenario.ts';
import { repoRoot } from './builtin-scenarios.ts';

/** Where the generated JSON Schema lives, relative to the repository root. */
export const jsonSchemaFile = 'docs/scenario.schema.json';
/** The format reference whose vocabulary section is generated. */
export const formatDocFile = 'docs/scenario-format.md';
/** Markers around the generated section of the format reference. */
export const generatedStart = '<!-- BEGIN GENERATED VOCABULARY (npm run scenario:schema) -->';
export const generatedEnd = '<!-- END GENERATED VOCABULARY -->';

type JsonSchema = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  pattern?: string;
  additionalProperties?: boolean | JsonSchema;
  [key: string]: unknown;
};

const options = { target: 'draft-07', io: 'input', unrepresentable: 'any' } as const;

/** The JSON Schema of a scenario file, as an editor validates it (defaults make fields optional). */
export function scenarioJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(scenarioSchema, options) as JsonSchema;
  return {
    $schema: generated.$schema,
    title: 'Firedrill scenario',
    description: 'One incident for the Firedrill simulator. Reference: docs/scenario-format.md. Generated from src/scenarios/schema by `npm run scenario:schema`; do not edit.',
    ...Object.fromEntries(Object.entries(generated).filter(([key]) => key !== '$schema')),
  };
}

/** The JSON Schema file's exact text. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

function sourceOf(file: string): string[] {
  return readFileSync(join(repoRoot, 'src', 'scenarios', 'schema', file), 'utf8').split('\n');
}

/** The JSDoc comment that ends on the line just above `line`, as one sentence, or ''. */
function commentAbove(lines: string[], line: number): string {
  let end = line - 1;
  while (end >= 0 && (lines[end] ?? '').trim() === '') end -= 1;
  if (!(lines[end] ?? '').trim().endsWith('*/')) return '';
  let start = end;
  while (start >= 0 && !(lines[start] ?? '').includes('/**')) start -= 1;
  return lines
    .slice(start, end + 1)
    .join(' ')
    .replace(/\/\*\*|\*\//g, '')
    .replace(/^\s*\*\s?|\s+\*\s/gm, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** For each `<key>: z.literal('<value>')` in a schema source file: the comment on its object and on its fields. */
function documentedVariants(file: string, key: string): Map<string, { doc: string; fields: Map<string, string> }> {
  const lines = sourceOf(file);
  const out = new Map<string, { doc: string; fields: Map<string, string> }>();
  const literal = new RegExp(`${key}: z\\.literal\\('([^']+)'\\)`);
  lines.forEach((text, i) => {
    const match = literal.exec(text);
    if (!match?.[1]) return;
    let open = i;
    while (open >= 0 && !(lines[open] ?? '').includes('z.strictObject(')) open -= 1;
    const fields = new Map<string, string>();
    for (let j = open + 1; j < lines.length && !/^\s{2}\}\),?$/.test(lines[j] ?? '') && !(j > i && /z\.strictObject\(/.test(lines[j] ?? '')); j++) {
      const field = /^\s+([A-Za-z]+):/.exec(lines[j] ?? '');
      if (field?.[1]) {
        const doc = commentAbove(lines, j);
        if (doc) fields.set(field[1], doc);
      }
    }
    out.set(match[1], { doc: commentAbove(lines, open), fields });
  });
  return out;
}

/** A short human summary of a JSON Schema type: `integer ≥ 0`, `"fail" | "dlq"`, `boolean`. */
function typeSummary(s: JsonSchema): string {
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum) return s.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' | ');
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return alternatives.map(typeSummary).join(' or ');
  if (s.type === 'array') return `list of ${s.items ? typeSummary(s.items) : 'anything'}`;
  const type = Array.isArray(s.type) ? s.type.join(' or ') : (s.type ?? 'any');
  const bounds: string[] = [];
  if (s.exclusiveMinimum !== undefined) bounds.push(`> ${s.exclusiveMinimum}`);
  if (s.minimum !== undefined && s.minimum > Number.MIN_SAFE_INTEGER) bounds.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER) bounds.push(`≤ ${s.maximum}`);
  return [type, ...bounds].join(' ');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A table of the discriminated union's members: one row per member, its fields and what it does. */
function unionTable(schema: z.ZodType, key: string, file: string, heading: string): string[] {
  const json = z.toJSONSchema(schema, options) as JsonSchema;
  // Orchestration effects and reveals are declared in their own file and spread into the unions.
  const docs = new Map([...documentedVariants(file, key), ...documentedVariants('orchestration.ts', key)]);
  const rows = (json.oneOf ?? json.anyOf ?? []).map((member) => {
    const name = String(member.properties?.[key]?.const ?? '');
    const info = docs.get(name);
    const required = new Set(member.required ?? []);
    const fields = Object.entries(member.properties ?? {})
      .filter(([field]) => field !== key)
      .map(([field, fieldSchema]) => {
        const doc = info?.fields.get(field);
        return `\`${field}\`${required.has(field) ? '' : '?'}: ${typeSummary(fieldSchema)}${doc ? ` — ${doc}` : ''}`;
      });
    return `| \`${name}\` | ${escapeCell(fields.join('<br>') || '—')} | ${escapeCell(info?.doc ?? '')} |`;
  });
  return [`| ${heading} | Fields (\`?\` = optional) | What it does |`, '|---|---|---|', ...rows];
}

/** Where a union is documented in its own table, the field index links there instead of expanding it. */
function unionName(s: JsonSchema): string | null {
  const members = s.oneOf ?? s.anyOf;
  if (!members) return null;
  const keys = new Set(members.flatMap((m) => Object.keys(m.properties ?? {})));
  if (keys.has('op')) return 'effect (see Effects)';
  if (keys.has('kind') && keys.has('title')) return 'reveal (see Reveals)';
  if (keys.has('metric') && keys.has('actionDone')) return 'condition (see Conditions)';
  if (keys.has('silenceS')) return 'trigger (see Message triggers)';
  if (keys.has('type') && members.some((m) => m.properties?.type?.const === 'session.start')) return 'command (`type`: a player command, as the log records it)';
  return null;
}

function fieldRows(schema: JsonSchema, path: string, out: string[]): void {
  const required = new Set(schema.required ?? []);
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const at = path ? `${path}.${name}` : name;
    const union = unionName(field) ?? (field.type === 'array' && field.items ? unionName(field.items) : null);
    const isArray = field.type === 'array';
    const inner = isArray ? field.items : field;
    const isObject = inner?.type === 'object' && inner.properties !== undefined;
    const type = union ? (isArray ? `list of ${union}` : union) : isObject ? (isArray ? 'list of objects' : 'object') : typeSummary(field);
    const need = required.has(name) ? 'required' : field.default !== undefined ? `default \`${JSON.stringify(field.default)}\`` : 'optional';
    out.push(`| \`${at}\` | ${escapeCell(type)} | ${escapeCell(need)} |`);
    // Avro schemas and free-form mappings are the author's own shape.
    if (!union && isObject && inner && name !== 'schema') fieldRows(inner, isArray ? `${at}[]` : at, out);
  }
}

/** A table of every field of a scenario file, with its type and whether it is required. */
function fieldIndex(): string[] {
  const rows: string[] = [];
  fieldRows(z.toJSONSchema(scenarioSchema, options) as JsonSchema, '', rows);
  return ['| Field | Type | Required |', '|---|---|---|', ...rows];
}

/** The score's parts and penalties, read off a real scored run of the worked example. */
function scoringTable(): string[] {
  const loaded = loadScenario(readFileSync(join(repoRoot, 'docs/examples/flash-sale-lag.yaml'), 'utf8'));
  if (!loaded.ok) throw new Error('docs/examples/flash-sale-lag.yaml does not load; fix it before regenerating the reference');
  const s = prepareRun(loaded.scenario, 1, 'normal');
  const { report } = summarizeRun(s, playBot(s, 'model', 1).state, 'model');
  return [
    '| Part | Points |',
    '|---|---|',
    ...report.parts.filter((p) => p.max > 0).map((p) => `| ${p.label} | ${p.max} |`),
    '',
    `Deductions: ${Object.entries(penalties).map(([what, points]) => `${what} −${points}`).join(', ')}; each hint used costs its \`cost\`.`,
  ];
}

/** The generated vocabulary section of the format reference (between the markers). */
export function vocabularyMarkdown(): string {
  const metricRows = Object.entries(metricCatalogue).map(([kind, metrics]) => {
    const example = kind === 'records' ? `records.${metrics[0]}` : `${kind}.<id>.${metrics[0]}`;
    return `| \`${kind}\` | ${metrics.map((m) => `\`${m}\``).join(', ')} | \`${example}\` |`;
  });
  const conditionKinds = (z.toJSONSchema(conditionSchema, options) as JsonSchema).anyOf ?? [];
  const conditionRows = conditionKinds.map((c) => {
    const fields = Object.entries(c.properties ?? {}).map(([f, s]) => `\`${f}\`: ${typeSummary(s)}`);
    return `| ${escapeCell(fields.join(', '))} |`;
  });
  const triggers = (z.toJSONSchema(scenarioSchema, options) as JsonSchema).properties?.messages?.items?.properties?.trigger;
  const triggerRows = (triggers?.anyOf ?? triggers?.oneOf ?? []).map((t) => {
    const fields = Object.entries(t.properties ?? {}).map(([f, s]) => `\`${f}\`${(t.required ?? []).includes(f) ? '' : '?'}: ${typeSummary(s)}`);
    return `| ${escapeCell(fields.join(', '))} |`;
  });
  return [
    generatedStart,
    '',
    '_This section is generated from `src/scenarios/schema` by `npm run scenario:schema`; a test fails when it is stale. Edit the schema, not this text._',
    '',
    '### Field index',
    '',
    'Every field of a scenario file. `[]` marks a list item. Fields with a default may be left out.',
    '',
    ...fieldIndex(),
    '',
    '### Effects (`op`)',
    '',
    'Used by `faults[].effects`, `actions[].effects` and `injects[].effects`.',
    '',
    ...unionTable(effectSchema, 'op', 'effects.ts', 'op'),
    '',
    '### Reveals (`kind`)',
    '',
    'Used by `actions[].reveals`. The engine renders each from the world at the moment the action completes.',
    '',
    ...unionTable(revealSchema, 'kind', 'reveals.ts', 'kind'),
    '',
    '### Metrics',
    '',
    'A metric reference is `kind.<entity id>.<metric>`; `records.<bucket>` has no entity; a column\'s null ratio is `table.<id>.nullRatio:<column>`.',
    '',
    '| Kind | Metrics | Example |',
    '|---|---|---|',
    ...metricRows,
    '',
    `The data accounting (${Object.entries(accountingMetrics).map(([kind, metrics]) => metrics.map((m) => `\`${kind}${kind === 'records' ? '' : '.<id>'}.${m}\``).join(', ')).join(', ')}) drives conditions, alerts and the debrief, but never reaches the player's view: no real console reads it live. The player measures that damage with the tools (a reconciliation query, the DLQ's depth).`,
    '',
    '### Conditions',
    '',
    'A condition is one of these shapes (alerts\' `when`, actions\' `requires`, `mitigatedWhen`, `resolvedWhen[].when`):',
    '',
    '| Shape |',
    '|---|',
    ...conditionRows,
    '',
    '### Message triggers',
    '',
    '| Trigger |',
    '|---|',
    ...triggerRows,
    '',
    '### Scoring',
    '',
    ...scoringTable(),
    '',
    '### Enumerations',
    '',
    `- Verdict kinds: ${verdictKinds.map((k) => `\`${k}\``).join(', ')}`,
    `- Walkthrough phases: ${phaseNames.map((k) => `\`${k}\``).join(', ')}`,
    `- Milestones: ${milestoneNames.map((k) => `\`${k}\``).join(', ')}`,
    ...levelLine(),
    '',
    generatedEnd,
  ].join('\n');
}

function levelLine(): string[] {
  const actionItems = (z.toJSONSchema(scenarioSchema, options) as JsonSchema).properties?.actions?.items;
  const levels = actionItems?.properties?.levels?.items?.enum;
  return levels ? [`- Levels: ${levels.map((k) => `\`${String(k)}\``).join(', ')}`] : [];
}

/** Puts the generated section into the format reference's text, replacing the old one. */
export function withVocabulary(doc: string): string {
  const start = doc.indexOf(generatedStart);
  const end = doc.indexOf(generatedEnd);
  if (start < 0 || end < start) throw new Error(`${formatDocFile} has lost its generated-section markers`);
  return doc.slice(0, start) + vocabularyMarkdown() + doc.slice(end + generatedEnd.length);
}
