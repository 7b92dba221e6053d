import { describe, expect, it } from 'vitest';
import { avroType, checkCompatibility, type CompatibilityMode, type PreviousVersion } from '../../src/engine/avro';
import { addOptional, addRequired, addSymbol, base, order, removeField, rename, typeChange } from '../support/avro-schemas';

function history(...schemas: Record<string, unknown>[]): PreviousVersion[] {
  return schemas.map((schema, i) => ({ version: i + 1, type: avroType(schema), text: JSON.stringify(schema) }));
}

function compatible(candidate: Record<string, unknown>, previous: PreviousVersion[], mode: CompatibilityMode): boolean {
  return checkCompatibility(avroType(candidate), previous, mode).compatible;
}

const modes: CompatibilityMode[] = ['BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE'];

// What Schema Registry answers for each change against the base, mode by mode (Confluent's documented rules).
const expected: Record<string, [Record<string, unknown>, Record<CompatibilityMode, boolean>]> = {
  'adding an enum symbol': [addSymbol, { BACKWARD: true, BACKWARD_TRANSITIVE: true, FORWARD: false, FORWARD_TRANSITIVE: false, FULL: false, FULL_TRANSITIVE: false, NONE: true }],
  'adding a field with a default': [addOptional, { BACKWARD: true, BACKWARD_TRANSITIVE: true, FORWARD: true, FORWARD_TRANSITIVE: true, FULL: true, FULL_TRANSITIVE: true, NONE: true }],
  'adding a field without a default': [addRequired, { BACKWARD: false, BACKWARD_TRANSITIVE: false, FORWARD: true, FORWARD_TRANSITIVE: true, FULL: false, FULL_TRANSITIVE: false, NONE: true }],
  'removing a field without a default': [removeField, { BACKWARD: true, BACKWARD_TRANSITIVE: true, FORWARD: false, FORWARD_TRANSITIVE: false, FULL: false, FULL_TRANSITIVE: false, NONE: true }],
  'renaming a field': [rename, { BACKWARD: false, BACKWARD_TRANSITIVE: false, FORWARD: false, FORWARD_TRANSITIVE: false, FULL: false, FULL_TRANSITIVE: false, NONE: true }],
  'changing a field from double to string': [typeChange, { BACKWARD: false, BACKWARD_TRANSITIVE: false, FORWARD: false, FORWARD_TRANSITIVE: false, FULL: false, FULL_TRANSITIVE: false, NONE: true }],
};

describe('Schema Registry compatibility, per mode', () => {
  for (const [change, [candidate, verdicts]] of Object.entries(expected)) {
    for (const mode of modes) {
      it(`${verdicts[mode] ? 'accepts' : 'refuses'} ${change} under ${mode}`, () => {
        expect(compatible(candidate, history(base), mode)).toBe(verdicts[mode]);
      });
    }
  }

  it('checks only the latest version unless the mode is transitive', () => {
    // v1 base, v2 drops amount_usd, v3 brings it back as a string with a default: fine against v2, not against v1.
    const previous = history(base, removeField);
    const back = order({ name: 'order_id', type: 'string' }, { name: 'status', type: { type: 'enum', name: 'OrderStatus', symbols: ['PLACED', 'PAID'] } }, { name: 'amount_usd', type: 'string', default: '' });
    expect(compatible(back, previous, 'BACKWARD')).toBe(true);
    expect(compatible(back, previous, 'BACKWARD_TRANSITIVE')).toBe(false);
  });

  it('words a refused enum symbol as the registry does, naming the old schema for FORWARD', () => {
    const verdict = checkCompatibility(avroType(addSymbol), history(base), 'FORWARD');
    expect(verdict.messages).toEqual([
      "{errorType:'MISSING_ENUM_SYMBOLS', description:'The old schema is missing enum symbols '[REFUNDED]' at path '/fields/1/type/symbols' in the new schema', additionalInfo:'[REFUNDED]'}",
      '{oldSchemaVersion: 1}',
      `{oldSchema: '${JSON.stringify(base)}'}`,
      "{validateFields: 'false', compatibility: 'FORWARD'}",
    ]);
  });

  it('words a missing default and a type change as the registry does under BACKWARD', () => {
    expect(checkCompatibility(avroType(addRequired), history(base), 'BACKWARD').messages[0]).toBe(
      "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'discount_code' at path '/fields/3' in the new schema has no default value and is missing in the old schema', additionalInfo:'discount_code'}",
    );
    expect(checkCompatibility(avroType(typeChange), history(base), 'BACKWARD').messages[0]).toBe(
      "{errorType:'TYPE_MISMATCH', description:'The type (path '/fields/2/type') of a field in the new schema does not match with the old schema', additionalInfo:'reader type: STRING not compatible with writer type: DOUBLE'}",
    );
  });

  it('returns no messages for a compatible schema', () => {
    expect(checkCompatibility(avroType(addOptional), history(base), 'FULL')).toEqual({ compatible: true, messages: [] });
  });
});
