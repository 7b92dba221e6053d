import { branchesOf, promotes, childOf, enumOf, fieldsOf, kindOf, shortName, sizeOf, type AvroField, type AvroType } from './avro-type';

/** Why a reader schema cannot read a writer schema, as Avro's `SchemaCompatibility` names it. */
export type IncompatibilityType =
  | 'NAME_MISMATCH'
  | 'FIXED_SIZE_MISMATCH'
  | 'MISSING_ENUM_SYMBOLS'
  | 'READER_FIELD_MISSING_DEFAULT_VALUE'
  | 'TYPE_MISMATCH'
  | 'MISSING_UNION_BRANCH';

/** One incompatibility: its type, where in the reader schema (`/fields/1/type/symbols`) and Avro's message. */
export interface Incompatibility {
  type: IncompatibilityType;
  location: string;
  message: string;
}

/** Avro's schema type as Java prints it in messages (`STRING`, `RECORD`, `UNION`). */
function upper(t: AvroType): string {
  return kindOf(t).toUpperCase();
}

/**
 * Every reason `reader` cannot read data written with `writer`, following Avro's
 * `SchemaCompatibility.checkReaderWriterCompatibility`, which Schema Registry runs for each
 * compatibility check. Empty when the reader can read everything the writer can write.
 */
export function incompatibilities(reader: AvroType, writer: AvroType): Incompatibility[] {
  return check(reader, writer, [], new Set());
}

function at(location: string[]): string {
  return `/${location.join('/')}`;
}

function check(reader: AvroType, writer: AvroType, location: string[], inProgress: Set<string>): Incompatibility[] {
  const key = `${reader.name ?? ''}|${writer.name ?? ''}`;
  if (reader.name && writer.name && inProgress.has(key)) return [];
  const rk = kindOf(reader);
  const wk = kindOf(writer);
  if (rk === wk) {
    switch (rk) {
      case 'array':
      case 'map':
        return check(childOf(reader), childOf(writer), [...location, rk === 'array' ? 'items' : 'values'], inProgress);
      case 'fixed': {
        const out = names(reader, writer, location);
        if (sizeOf(reader) !== sizeOf(writer)) out.push({ type: 'FIXED_SIZE_MISMATCH', location: at([...location, 'size']), message: `expected: ${sizeOf(writer)}, found: ${sizeOf(reader)}` });
        return out;
      }
      case 'enum': {
        const out = names(reader, writer, location);
        const r = enumOf(reader);
        const missing = enumOf(writer).symbols.filter((s) => !r.symbols.includes(s)).sort();
        if (missing.length > 0 && !(r.default !== undefined && r.symbols.includes(r.default))) {
          out.push({ type: 'MISSING_ENUM_SYMBOLS', location: at([...location, 'symbols']), message: `[${missing.join(', ')}]` });
        }
        return out;
      }
      case 'record': {
        const out = names(reader, writer, location);
        const nested = new Set(inProgress).add(key);
        fieldsOf(reader).forEach((rf, i) => {
          const wf = writerField(writer, rf);
          const here = [...location, 'fields', String(i)];
          if (!wf) {
            if (rf.defaultValue() === undefined) out.push({ type: 'READER_FIELD_MISSING_DEFAULT_VALUE', location: at(here), message: rf.name });
          } else {
            out.push(...check(rf.type, wf.type, [...here, 'type'], nested));
          }
        });
        return out;
      }
      case 'union':
        return branchesOf(writer).flatMap((branch, i) =>
          check(reader, branch, [...location, String(i)], inProgress).length === 0
            ? []
            : [{ type: 'MISSING_UNION_BRANCH' as const, location: at([...location, String(i)]), message: `reader union lacking writer type: ${upper(branch)}` }],
        );
      default:
        return [];
    }
  }
  if (wk === 'union') return branchesOf(writer).flatMap((branch) => check(reader, branch, location, inProgress));
  if (rk === 'union') {
    if (branchesOf(reader).some((branch) => check(branch, writer, location, inProgress).length === 0)) return [];
    return [{ type: 'MISSING_UNION_BRANCH', location: at(location), message: `reader union lacking writer type: ${upper(writer)}` }];
  }
  if (promotes(rk, wk)) return [];
  return [{ type: 'TYPE_MISMATCH', location: at(location), message: `reader type: ${upper(reader)} not compatible with writer type: ${upper(writer)}` }];
}

function names(reader: AvroType, writer: AvroType, location: string[]): Incompatibility[] {
  if (shortName(reader) === shortName(writer) || (reader.aliases ?? []).includes(writer.name ?? '')) return [];
  return [{ type: 'NAME_MISMATCH', location: at([...location, 'name']), message: `expected: ${writer.name ?? ''}` }];
}

/** The writer's field a reader field reads: same name, or one of the reader field's aliases. */
export function writerField(writer: AvroType, rf: AvroField): AvroField | undefined {
  const fields = fieldsOf(writer);
  return fields.find((f) => f.name === rf.name) ?? fields.find((f) => rf.aliases.includes(f.name));
}
