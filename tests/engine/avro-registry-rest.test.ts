import { describe, expect, it } from 'vitest';
import { registryRequest, type SimState } from '../../src/engine';
import { Sim, scenarioRun } from '../support/sim-harness';

const s = scenarioRun('avro-schema-break');
const paged = new Sim(s, 1).start().waitForPage().state;
const schemaOf = (version: number) => s.world.subjects.find((x) => x.name === 'orders-value')?.versions.find((v) => v.version === version)?.schema;

/** The state with orders-value v8 not registered yet (before the upstream deploy). */
function beforeDeploy(): SimState {
  const state = structuredClone(paged);
  const subject = state.world.subjects['orders-value'];
  if (subject) subject.registered = subject.registered.filter((r) => r.version !== 8);
  return state;
}

function call(method: string, path: string, body?: unknown, state: SimState = paged) {
  const res = registryRequest(s, state, method, path, body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body));
  return { status: res.status, body: res.body, json: JSON.parse(res.body) as unknown };
}

const candidate = (schema: unknown) => ({ schema: JSON.stringify(schema) });
const withRequiredField = { ...schemaOf(8), fields: [...((schemaOf(8)?.fields as unknown[]) ?? []), { name: 'discount_code', type: 'string' }] };

describe('the Schema Registry REST API', () => {
  it('lists the subjects that have registered versions, sorted', () => {
    expect(call('GET', '/subjects')).toMatchObject({ status: 200, body: '["orders-value","payments-value"]' });
  });

  it('lists every registered version of a subject, not only the last two', () => {
    expect(call('GET', '/subjects/orders-value/versions')).toMatchObject({ status: 200, body: '[1,2,3,4,5,6,7,8]' });
    expect(call('GET', '/subjects/orders-value/versions', undefined, beforeDeploy()).body).toBe('[1,2,3,4,5,6,7]');
  });

  it('answers an unknown subject, version or schema id with the registry’s error codes', () => {
    expect(call('GET', '/subjects/orders/versions')).toEqual({ status: 404, body: '{"error_code":40401,"message":"Subject \'orders\' not found."}', json: expect.anything() });
    expect(call('GET', '/subjects/orders-value/versions/9').body).toBe('{"error_code":40402,"message":"Version 9 not found."}');
    expect(call('GET', '/subjects/orders-value/versions/abc')).toMatchObject({ status: 422, json: { error_code: 42202 } });
    expect(call('GET', '/schemas/ids/1043')).toMatchObject({ status: 404, body: '{"error_code":40403,"message":"Schema 1043 not found"}' });
    expect(call('GET', '/schemas/ids/1042', undefined, beforeDeploy())).toMatchObject({ status: 404, json: { error_code: 40403 } });
  });

  it('returns a version with its id and the schema as an escaped JSON string', () => {
    const latest = call('GET', '/subjects/orders-value/versions/latest');
    expect(latest.status).toBe(200);
    expect(latest.json).toEqual({ subject: 'orders-value', version: 8, id: 1042, schema: JSON.stringify(schemaOf(8)) });
    expect(latest.body.startsWith('{"subject":"orders-value","version":8,"id":1042,"schema":"{\\"type\\":\\"record\\"')).toBe(true);
    expect(call('GET', '/subjects/orders-value/versions/7/schema').json).toEqual(schemaOf(7));
  });

  it('returns a schema by id as {"schema": "<escaped JSON>"}', () => {
    expect(call('GET', '/schemas/ids/1042')).toMatchObject({ status: 200, json: { schema: JSON.stringify(schemaOf(8)) } });
  });

  it('reads and sets a subject’s compatibility level', () => {
    expect(call('GET', '/config/orders-value').body).toBe('{"compatibilityLevel":"BACKWARD"}');
    expect(call('PUT', '/config/orders-value', { compatibility: 'FULL_TRANSITIVE' }).body).toBe('{"compatibility":"FULL_TRANSITIVE"}');
    expect(call('PUT', '/config/orders-value', { compatibility: 'SIDEWAYS' })).toMatchObject({ status: 422, json: { error_code: 42203 } });
  });

  it('finds v8 compatible with v7 under BACKWARD, and a new required field incompatible, with verbose messages', () => {
    expect(call('POST', '/compatibility/subjects/orders-value/versions/7', candidate(schemaOf(8))).body).toBe('{"is_compatible":true}');
    expect(call('POST', '/compatibility/subjects/orders-value/versions/latest?verbose=true', candidate(schemaOf(8))).body).toBe('{"is_compatible":true,"messages":[]}');
    const refused = call('POST', '/compatibility/subjects/orders-value/versions/latest?verbose=true', candidate(withRequiredField));
    expect(refused.status).toBe(200);
    expect(refused.json).toMatchObject({ is_compatible: false });
    expect((refused.json as { messages: string[] }).messages).toEqual([
      "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'discount_code' at path '/fields/6' in the new schema has no default value and is missing in the old schema', additionalInfo:'discount_code'}",
      '{oldSchemaVersion: 8}',
      `{oldSchema: '${JSON.stringify(schemaOf(8))}'}`,
      "{validateFields: 'false', compatibility: 'BACKWARD'}",
    ]);
  });

  it('registers v8 under its id while v7 is latest, returns the existing id for a known schema, and refuses an incompatible one with 409', () => {
    expect(call('POST', '/subjects/orders-value/versions', candidate(schemaOf(8)), beforeDeploy())).toMatchObject({ status: 200, body: '{"id":1042}' });
    expect(call('POST', '/subjects/orders-value/versions', candidate(schemaOf(7)))).toMatchObject({ status: 200, body: '{"id":1041}' });
    const refused = call('POST', '/subjects/orders-value/versions', candidate(withRequiredField));
    expect(refused.status).toBe(409);
    expect((refused.json as { error_code: number; message: string }).error_code).toBe(409);
    expect((refused.json as { message: string }).message).toMatch(/^Schema being registered is incompatible with an earlier schema for subject "orders-value", details: \[\{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE'/);
  });

  it('refuses an invalid schema with 42201', () => {
    expect(call('POST', '/subjects/orders-value/versions', { schema: '{"type":"record","name":"X","fields":[{"name":"a","type":"strng"}]}' })).toMatchObject({ status: 422, json: { error_code: 42201 } });
    expect(call('POST', '/compatibility/subjects/orders-value/versions/latest', 'not json')).toMatchObject({ status: 422, json: { error_code: 42201 } });
  });

  it('answers unknown paths with 404 and wrong methods with 405', () => {
    expect(call('GET', '/brokers')).toMatchObject({ status: 404 });
    expect(call('DELETE', '/subjects')).toMatchObject({ status: 405 });
  });
});
