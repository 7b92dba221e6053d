import { Type } from 'avsc/etc/browser/avsc-types.js';

/** A parsed Avro schema (avsc's type), with named references resolved. */
export type AvroType = Type;

/** A record field as avsc exposes it. */
export interface AvroField {
  name: string;
  aliases: string[];
  type: AvroType;
  defaultValue(): unknown;
}

const parsed = new WeakMap<object, AvroType>();

/** Parses a schema as the registry stores it; throws avsc's error for an invalid one. Memoised per schema object. */
export function avroType(schema: Record<string, unknown>): AvroType {
  const hit = parsed.get(schema);
  if (hit) return hit;
  const type = Type.forSchema(schema as never, { noAnonymousTypes: false });
  parsed.set(schema, type);
  return type;
}

/** Parses schema text sent to the registry: the type, or avsc's reason it is invalid. */
export function parseSchemaText(text: string): { ok: true; type: AvroType; schema: unknown } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
  try {
    return { ok: true, type: Type.forSchema(json as never), schema: json };
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
}

/** The Avro kind of a type: `record`, `enum`, `union`, `array`, `map`, `fixed` or a primitive name. */
export function kindOf(t: AvroType): string {
  const name = t.typeName;
  if (name.startsWith('union')) return 'union';
  if (name === 'error') return 'record';
  return name;
}

/** A record type's fields. */
export function fieldsOf(t: AvroType): AvroField[] {
  return (t as unknown as { fields: AvroField[] }).fields;
}

/** A union's branches. */
export function branchesOf(t: AvroType): AvroType[] {
  return (t as unknown as { types: AvroType[] }).types;
}

/** An enum's symbols and default symbol. */
export function enumOf(t: AvroType): { symbols: string[]; default: string | undefined } {
  const e = t as unknown as { symbols: string[]; default?: string };
  return { symbols: e.symbols, default: e.default };
}

/** An array's items type or a map's values type. */
export function childOf(t: AvroType): AvroType {
  const c = t as unknown as { itemsType?: AvroType; valuesType?: AvroType };
  return (c.itemsType ?? c.valuesType) as AvroType;
}

/** A fixed type's size. */
export function sizeOf(t: AvroType): number {
  return (t as unknown as { size: number }).size;
}

/** The name Java's Avro prints for a type: the full name of a named type, else the kind. */
export function javaName(t: AvroType): string {
  return t.name ?? kindOf(t);
}

/** A named type's unqualified name. */
export function shortName(t: AvroType): string | undefined {
  return t.name?.split('.').pop();
}

const promotions: Record<string, readonly string[]> = {
  long: ['int'],
  float: ['int', 'long'],
  double: ['int', 'long', 'float'],
  bytes: ['string'],
  string: ['bytes'],
};

/** Whether Avro's resolution promotes a writer kind to a reader kind (int to long, string to bytes, …). */
export function promotes(readerKind: string, writerKind: string): boolean {
  return promotions[readerKind]?.includes(writerKind) ?? false;
}
