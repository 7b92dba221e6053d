import { z } from 'zod';

/** How new data is split into partitions (directories) of a lake table. */
export const partitionByNames = ['day', 'hour', 'hour-and-key'] as const;
/** A partitioning scheme. */
export type PartitionBy = (typeof partitionByNames)[number];

/**
 * A lake table's physical layout and the typical query against it. The job writing the table
 * closes one file per writer and open partition at every commit (rolling at the target size),
 * so the layout decides how many files a day of data becomes, and so query time and cost.
 */
export const tableLayoutSchema = z.strictObject({
  partitionBy: z.enum(partitionByNames),
  /** Distinct values of the extra partition key (with `hour-and-key`). */
  keyCardinality: z.number().int().positive().max(100_000).default(1),
  /** The column the extra partition key buckets (shown in the table's partition spec); one of the table's columns. */
  keyColumn: z.string().min(1).max(64).optional(),
  /** Seconds between the writer's commits (Flink checkpoint / Spark trigger interval). */
  commitIntervalS: z.number().int().positive().max(86_400),
  /** The size at which a writer rolls to a new file. */
  targetFileMb: z.number().positive().max(4096).default(128),
  /** Average size of one record in the table's files (compressed Parquet). */
  bytesPerRecord: z.number().positive().max(1_000_000).default(200),
  /** Small files and their data the scanned region already held at the world's start (history). */
  startFiles: z.number().int().nonnegative().default(0),
  startMb: z.number().nonnegative().default(0),
  /** Target-size files and their data already there at the world's start (compacted history). */
  startLargeFiles: z.number().int().nonnegative().default(0),
  startLargeMb: z.number().nonnegative().default(0),
  /** The typical dashboard query: how many run per day, scan parallelism, and warehouse price. */
  query: z
    .strictObject({
      perDay: z.number().positive().max(10_000_000).default(2000),
      /** Splits the engine opens at once (Trino/Spark cores across the cluster). */
      parallelism: z.number().int().positive().max(10_000).default(64),
      /** Warehouse price per second of query compute. */
      usdPerComputeS: z.number().positive().max(100).default(0.0033),
      /** Per-file open overhead (S3 GET, footer read), milliseconds. */
      perFileMs: z.number().positive().max(10_000).default(25),
      /** Scan throughput per split, MB/s. */
      mbPerSplitS: z.number().positive().max(10_000).default(80),
      /** BI tool's query timeout. */
      timeoutS: z.number().int().positive().max(86_400).default(300),
    })
    .prefault({}),
});
/** A table layout as the scenario declares it. */
export type TableLayoutSpec = z.infer<typeof tableLayoutSchema>;

/** The one business figure a dashboard headlines, derived from its table's completeness. */
export const dashboardKpiSchema = z.strictObject({
  label: z.string().min(1).max(80),
  /** The true value when the table is complete. */
  value: z.number(),
  unit: z.enum(['percent', 'count', 'usd']).default('count'),
  decimals: z.number().int().min(0).max(4).default(1),
});
/** A dashboard KPI as the scenario declares it. */
export type DashboardKpiSpec = z.infer<typeof dashboardKpiSchema>;
