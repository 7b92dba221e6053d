import { z } from 'zod';
import { logEntrySchema } from './commands.ts';
import { levelNames } from './scenario.ts';

/** The most log entries a replay file may hold (a long, busy session has a few hundred). */
export const replayFileMaxEntries = 10_000;

/**
 * An exported run: enough to replay it exactly (`replay(scenario, seed, log)`), plus the score
 * and state hash it produced, so an import can tell a faithful file from an edited one.
 */
export const replayFileSchema = z.strictObject({
  format: z.literal('firedrill-replay'),
  /** 2: root causes are declared as component, mechanism and evidence, and the log may hold typed command lines. */
  formatVersion: z.literal(2),
  scenarioId: z.string().min(1).max(64),
  scenarioVersion: z.number().int().positive(),
  seed: z.number().int().min(0).max(4_294_967_295),
  /** The run level; files written before levels existed were played at normal. */
  level: z.enum(levelNames).default('normal'),
  log: z.array(logEntrySchema).max(replayFileMaxEntries),
  score: z.strictObject({
    total: z.number().int().min(0).max(100),
    maxScore: z.number().int().positive(),
    grade: z.enum(['A', 'B', 'C', 'D', 'F']),
  }),
  stateHash: z.string().regex(/^[0-9a-f]{1,32}$/, 'must be a hex state hash'),
  /** The scoring rules' version the score was computed under; files written before it was recorded were scored under version 1. */
  scoringVersion: z.number().int().positive().max(1_000_000).optional(),
  /** When the file was written, as the host's clock saw it (the engine has no clock). */
  exportedAt: z.string().max(64).optional(),
});

/** A replay file's contents. */
export type ReplayFile = z.infer<typeof replayFileSchema>;
