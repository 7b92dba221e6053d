export * from './conditions';
export * from './effects';
export * from './commands';
export * from './reveals';
export * from './world';
export * from './scenario';
export * from './metric-catalogue';
export * from './replay-file';
