import { avroType, checkCompatibility, hasFieldPath, type CompatibilityMode, type PreviousVersion } from '../../engine/avro/index.ts';
import type { ScenarioProblem } from '../cross-references.ts';
import type { Scenario } from '../schema/index.ts';
import type { LintRule } from './lint-context.ts';
import { effectsWithPaths } from './occurrences.ts';

function parses(schema: Record<string, unknown>): string | null {
  try {
    avroType(schema);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * Schema changes behave as Avro decides, so the declared history must be one a registry would
 * hold: versions numbered from 1 without gaps (the registry lists them all), every schema is
 * valid Avro, and each version, in order, passes the subject's
 * compatibility mode against the versions before it. A moved field's new home exists in some
 * version of the producer's subject.
 */
export function schemaProblems(s: Scenario): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  s.world.subjects.forEach((sub, i) => {
    const previous: PreviousVersion[] = [];
    const ordered = sub.versions.map((v, k) => ({ v, k })).sort((a, b) => a.v.version - b.v.version);
    const numbers = ordered.map(({ v }) => v.version);
    if (numbers.some((n, k) => n !== k + 1)) {
      problems.push({
        path: `world.subjects.${i}.versions`,
        message: `declares versions [${numbers.join(', ')}]; the registry lists every version of a subject, so declare its whole history, numbered 1 to ${Math.max(...numbers)} without gaps`,
      });
    }
    for (const { v, k } of ordered) {
      const path = `world.subjects.${i}.versions.${k}.schema`;
      const invalid = parses(v.schema);
      if (invalid !== null) {
        problems.push({ path, message: `is not a valid Avro schema: ${invalid}` });
        return;
      }
      const verdict = checkCompatibility(avroType(v.schema), previous, sub.compatibility as CompatibilityMode);
      if (!verdict.compatible) {
        problems.push({ path, message: `version ${v.version} would be refused by the registry under ${sub.compatibility}: ${verdict.messages[0] ?? ''}` });
      }
      previous.push({ version: v.version, type: avroType(v.schema), text: JSON.stringify(v.schema) });
    }
  });
  effectsWithPaths(s).forEach(({ path, effect: e }) => {
    if (e.op !== 'producer.set' || !e.movedFields) return;
    const subject = s.world.subjects.find((x) => x.name === s.world.producers.find((p) => p.id === e.producer)?.subject);
    e.movedFields.forEach((m, k) => {
      if (subject && !subject.versions.some((v) => parses(v.schema) === null && hasFieldPath(v.schema, m.to) && hasFieldPath(v.schema, m.field))) {
        problems.push({ path: `${path}.movedFields.${k}`, message: `moves "${m.field}" to "${m.to}", but no version of subject "${subject.name}" has both fields` });
      }
    });
  });
  return problems;
}

/** The lint rule form of `schemaProblems`. */
export const schemaEvolution: LintRule = ({ base }) => schemaProblems(base);
