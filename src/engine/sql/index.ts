// The SQL prompt: read-only queries over the lake tables, answered from the world's state.
export { runSql, planSqlCost, supportedShapes, maxQueryLength, maxResultRows, type SqlResult } from './run-sql';
export { sqlCompletions, sqlKeywords, sqlNames, completeSql, type SqlNames } from './completions';
