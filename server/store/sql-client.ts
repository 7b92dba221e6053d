/** The little SQL both databases speak here: parameterised queries ($1, $2…) and a script. */
export interface SqlClient {
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}
