// The rooms' wire protocol, shared by the server and the browser: pure TypeScript and zod.
export * from './limits';
export * from './roles';
export * from './permissions';
export * from './links';
export * from './client-messages';
export * from './view-patch';
export type * from './server-messages';
export * from './command-feed';
export * from './private-hints';
export * from './round-file';
export * from './branch-log';
