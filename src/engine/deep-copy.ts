/**
 * Copies plain JSON-like data (objects, arrays, primitives). The sim state's arrays are
 * homogeneous, so an array whose first item is a primitive is copied with one `slice`.
 * Many times faster than a JSON round trip, and it leaves far less garbage behind.
 */
export function deepCopy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    return (value.length > 0 && typeof value[0] === 'object' && value[0] !== null ? value.map(deepCopy) : value.slice()) as T;
  }
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = deepCopy((value as Record<string, unknown>)[key]);
  return out as T;
}
