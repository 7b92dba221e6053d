import { describe, expect, it } from 'vitest';
import { readerOutcome } from '../../src/engine/avro';
import { addOptional, addRequired, addSymbol, addSymbolWithDefault, base, baseWithEnumDefault, floatAmount, order, removeField, rename, typeChange } from '../support/avro-schemas';

describe('what a reader does with records of another schema version', () => {
  it('fails only the records carrying a new enum symbol, with Java’s message', () => {
    expect(readerOutcome(base, addSymbol)).toEqual({
      kind: 'fails-some',
      failures: [{ error: 'org.apache.avro.AvroTypeException: No match for REFUNDED', when: 'status = REFUNDED' }],
      defaulted: [],
    });
  });

  it('maps an unknown symbol to the reader’s enum default instead of failing', () => {
    expect(readerOutcome(baseWithEnumDefault, addSymbolWithDefault)).toEqual({ kind: 'decodes', defaulted: [] });
  });

  it('fails every record when the reader needs a field the writer lacks', () => {
    expect(readerOutcome(addRequired, base)).toEqual({
      kind: 'fails-all',
      error: 'org.apache.avro.AvroTypeException: Found com.acme.Order, expecting com.acme.Order, missing required field discount_code',
    });
  });

  it('fails every record on a type change, with Java’s message', () => {
    expect(readerOutcome(base, typeChange)).toEqual({ kind: 'fails-all', error: 'org.apache.avro.AvroTypeException: Found string, expecting double' });
  });

  it('fills a field the writer lacks with the reader’s default: a null column', () => {
    expect(readerOutcome(addOptional, base)).toEqual({ kind: 'decodes', defaulted: [{ field: 'channel', value: null }] });
  });

  it('leaves a renamed field to its default when it has one, and fails when it has none', () => {
    const renamedWithDefault = order({ name: 'order_id', type: 'string' }, { name: 'amount_usd', type: ['null', 'double'], default: null });
    expect(readerOutcome(renamedWithDefault, rename)).toEqual({ kind: 'decodes', defaulted: [{ field: 'amount_usd', value: null }] });
    expect(readerOutcome(base, rename).kind).toBe('fails-all');
  });

  it('ignores a field the reader does not know and promotes float to double', () => {
    expect(readerOutcome(removeField, base)).toEqual({ kind: 'decodes', defaulted: [] });
    expect(readerOutcome(base, floatAmount)).toEqual({ kind: 'decodes', defaulted: [] });
  });

  it('always decodes for a registry-lookup reader, which reads with the writer’s own schema', () => {
    for (const schema of [base, addSymbol, addRequired, typeChange, rename]) expect(readerOutcome(schema, schema).kind).toBe('decodes');
  });
});
