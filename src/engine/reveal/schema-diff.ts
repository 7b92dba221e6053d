/** An Avro schema as plain JSON data. */
type Json = unknown;

function isRecord(x: Json): x is Record<string, Json> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function describeType(type: Json): string {
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return `[${type.map(describeType).join(', ')}]`;
  if (isRecord(type)) {
    if (type.type === 'enum' && Array.isArray(type.symbols)) return `enum ${String(type.name)} {${type.symbols.join(', ')}}`;
    if (type.type === 'record') return `record ${String(type.name)}`;
    if (type.type === 'array') return `array<${describeType(type.items)}>`;
    return String(type.type);
  }
  return String(type);
}

function fieldsOf(schema: Json): Map<string, Record<string, Json>> {
  const out = new Map<string, Record<string, Json>>();
  if (isRecord(schema) && Array.isArray(schema.fields)) {
    for (const f of schema.fields) if (isRecord(f) && typeof f.name === 'string') out.set(f.name, f);
  }
  return out;
}

function enumOf(type: Json): { name: string; symbols: string[]; default?: Json } | null {
  const candidates = Array.isArray(type) ? type : [type];
  for (const c of candidates) {
    if (isRecord(c) && c.type === 'enum' && Array.isArray(c.symbols)) return { name: String(c.name), symbols: c.symbols.map(String), default: c.default };
  }
  return null;
}

function recordOf(type: Json): Record<string, Json> | null {
  const candidates = Array.isArray(type) ? type : [type];
  for (const c of candidates) if (isRecord(c) && c.type === 'record') return c;
  return null;
}

/** Lists, in diff style, what changed between two Avro record schemas, nested records included. */
export function diffSchemas(a: Json, b: Json, prefix = ''): string[] {
  const lines: string[] = [];
  const fa = fieldsOf(a);
  const fb = fieldsOf(b);
  for (const [name, field] of fb) {
    const path = `${prefix}${name}`;
    const old = fa.get(name);
    if (!old) {
      const hasDefault = 'default' in field;
      lines.push(`+ field ${path}: ${describeType(field.type)}${hasDefault ? ` (default ${JSON.stringify(field.default)})` : ' (no default)'}`);
      continue;
    }
    const ea = enumOf(old.type);
    const eb = enumOf(field.type);
    if (ea && eb) {
      const added = eb.symbols.filter((x) => !ea.symbols.includes(x));
      const removed = ea.symbols.filter((x) => !eb.symbols.includes(x));
      for (const sym of added) lines.push(`+ enum ${eb.name} (${path}): symbol ${sym}${eb.default === undefined ? ' — enum has no default' : ''}`);
      for (const sym of removed) lines.push(`- enum ${ea.name} (${path}): symbol ${sym}`);
      continue;
    }
    const ra = recordOf(old.type);
    const rb = recordOf(field.type);
    if (ra && rb) {
      lines.push(...diffSchemas(ra, rb, `${path}.`));
      continue;
    }
    if (describeType(old.type) !== describeType(field.type)) lines.push(`~ field ${path}: ${describeType(old.type)} → ${describeType(field.type)}`);
    else if (JSON.stringify(old.doc) !== JSON.stringify(field.doc) && field.doc !== undefined) lines.push(`~ field ${path}: doc "${String(field.doc)}"`);
  }
  for (const name of fa.keys()) if (!fb.has(name)) lines.push(`- field ${prefix}${name}`);
  return lines;
}
