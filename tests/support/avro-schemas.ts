/** Small `com.acme.Order` schemas for the Avro tests: a base and one change each. */
type Field = Record<string, unknown>;

const orderId: Field = { name: 'order_id', type: 'string' };
const status = (symbols: string[], extra: Field = {}): Field => ({ name: 'status', type: { type: 'enum', name: 'OrderStatus', symbols, ...extra } });
const amount = (type: unknown = 'double'): Field => ({ name: 'amount_usd', type });

/** A record schema `com.acme.Order` with these fields. */
export function order(...fields: Field[]): Record<string, unknown> {
  return { type: 'record', name: 'Order', namespace: 'com.acme', fields };
}

/** The base: order_id, status {PLACED, PAID}, amount_usd double. */
export const base = order(orderId, status(['PLACED', 'PAID']), amount());
/** Adds the enum symbol REFUNDED. */
export const addSymbol = order(orderId, status(['PLACED', 'PAID', 'REFUNDED']), amount());
/** Adds the enum symbol REFUNDED, with an enum default old readers fall back to. */
export const addSymbolWithDefault = order(orderId, status(['PLACED', 'PAID', 'REFUNDED'], { default: 'PLACED' }), amount());
/** The base, with an enum default: readers of it map unknown symbols to PLACED. */
export const baseWithEnumDefault = order(orderId, status(['PLACED', 'PAID'], { default: 'PLACED' }), amount());
/** Adds a nullable field with a null default. */
export const addOptional = order(orderId, status(['PLACED', 'PAID']), amount(), { name: 'channel', type: ['null', 'string'], default: null });
/** Adds a required field (no default). */
export const addRequired = order(orderId, status(['PLACED', 'PAID']), amount(), { name: 'discount_code', type: 'string' });
/** Removes amount_usd. */
export const removeField = order(orderId, status(['PLACED', 'PAID']));
/** Renames amount_usd to gross_amount_usd (no alias, no default). */
export const rename = order(orderId, status(['PLACED', 'PAID']), { name: 'gross_amount_usd', type: 'double' });
/** Changes amount_usd from double to string. */
export const typeChange = order(orderId, status(['PLACED', 'PAID']), amount('string'));
/** Widens amount_usd from float to double's writer side: the base written with a float amount. */
export const floatAmount = order(orderId, status(['PLACED', 'PAID']), amount('float'));
