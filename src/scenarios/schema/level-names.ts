// Kept free of zod so the first screen can name the levels without loading the validation chunk.

/** The run levels a player chooses: they change signal noise, red herrings and injects. */
export const levelNames = ['easy', 'normal', 'hard'] as const;
/** A run level. */
export type Level = (typeof levelNames)[number];
