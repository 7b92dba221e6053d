/**
 * Gives the number fields of an object shape their general form before any code is optimized.
 *
 * V8 stores a number field as a small integer until the field first holds another number. The
 * engine's offsets, times and row counts are whole, but a whole number computed in floating point
 * or read from a double array can arrive boxed; when that first happens after the code making and
 * reading the shape was optimized, the shape is deprecated. On Node 20 (V8 11.3) the optimized code
 * goes on making objects of the deprecated shape, and every later read of one is migrated through
 * the runtime: measured, a ledger write ran 20 times slower and a warm replay half again as slow,
 * from some point in a long run on. Node 24 does not do this.
 *
 * `make` builds one object of the shape from the number it is given; it is called once with a
 * fraction (and its result dropped), which is all it takes.
 */
export function widenNumberFields(make: (n: number) => unknown): void {
  make(0.5);
}
