import type { AvroType } from './avro-type';
import { incompatibilities, type Incompatibility } from './schema-compatibility';

/** A subject's compatibility mode, as the registry names it. */
export type CompatibilityMode = 'BACKWARD' | 'BACKWARD_TRANSITIVE' | 'FORWARD' | 'FORWARD_TRANSITIVE' | 'FULL' | 'FULL_TRANSITIVE' | 'NONE';

/** A version already registered under the subject. */
export interface PreviousVersion {
  version: number;
  type: AvroType;
  /** The schema text as the registry stores it. */
  text: string;
}

/** The registry's verdict on a candidate schema, with the messages `?verbose=true` returns. */
export interface CompatibilityVerdict {
  compatible: boolean;
  messages: string[];
}

/** Confluent's wording of one incompatibility; `reader` and `writer` say which schema is new and which old. */
function describe(i: Incompatibility, reader: 'new' | 'old', writer: 'new' | 'old'): string {
  const p = i.location;
  const text: Record<Incompatibility['type'], string> = {
    FIXED_SIZE_MISMATCH: `The size of FIXED type field at path '${p}' in the ${reader} schema does not match with the ${writer} schema`,
    TYPE_MISMATCH: `The type (path '${p}') of a field in the ${reader} schema does not match with the ${writer} schema`,
    NAME_MISMATCH: `The name of the schema has changed (path '${p}')`,
    MISSING_ENUM_SYMBOLS: `The ${reader} schema is missing enum symbols '${i.message}' at path '${p}' in the ${writer} schema`,
    MISSING_UNION_BRANCH: `The ${reader} schema is missing a type inside a union field at path '${p}' in the ${writer} schema`,
    READER_FIELD_MISSING_DEFAULT_VALUE: `The field '${i.message}' at path '${p}' in the ${reader} schema has no default value and is missing in the ${writer} schema`,
  };
  return `{errorType:'${i.type}', description:'${text[i.type]}', additionalInfo:'${i.message}'}`;
}

/** The incompatibilities of `candidate` against one earlier version under a mode, worded as the registry words them. */
function against(candidate: AvroType, old: PreviousVersion, mode: CompatibilityMode): string[] {
  const backward = mode.startsWith('BACKWARD') || mode.startsWith('FULL');
  const forward = mode.startsWith('FORWARD') || mode.startsWith('FULL');
  return [
    ...(backward ? incompatibilities(candidate, old.type).map((i) => describe(i, 'new', 'old')) : []),
    ...(forward ? incompatibilities(old.type, candidate).map((i) => describe(i, 'old', 'new')) : []),
  ];
}

/**
 * Checks a candidate schema against a subject's versions under a mode, as Schema Registry does:
 * the latest version only, or every version for a `_TRANSITIVE` mode, newest first, stopping
 * at the first version it conflicts with. `previous` is in registration order.
 */
export function checkCompatibility(candidate: AvroType, previous: readonly PreviousVersion[], mode: CompatibilityMode): CompatibilityVerdict {
  if (mode === 'NONE') return { compatible: true, messages: [] };
  const checked = mode.endsWith('_TRANSITIVE') ? [...previous].reverse() : previous.slice(-1);
  for (const old of checked) {
    const errors = against(candidate, old, mode);
    if (errors.length > 0) {
      return {
        compatible: false,
        messages: [...errors, `{oldSchemaVersion: ${old.version}}`, `{oldSchema: '${old.text}'}`, `{validateFields: 'false', compatibility: '${mode}'}`],
      };
    }
  }
  return { compatible: true, messages: [] };
}
