import { avroType, branchesOf, fieldsOf, kindOf, type AvroType } from './avro-type';

/** Whether a schema has the nested field `path` (`context.channel`), through records and nullable unions. */
export function hasFieldPath(schema: Record<string, unknown>, path: string): boolean {
  let types: AvroType[] = [avroType(schema)];
  for (const name of path.split('.')) {
    const records = types.flatMap((t) => (kindOf(t) === 'union' ? branchesOf(t) : [t])).filter((t) => kindOf(t) === 'record');
    types = records.flatMap((r) => fieldsOf(r).filter((f) => f.name === name).map((f) => f.type));
    if (types.length === 0) return false;
  }
  return true;
}
