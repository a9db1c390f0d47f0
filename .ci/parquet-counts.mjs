// Reads the Parquet a claimx Spark job wrote (DIR/claims, DIR/errors) back with DuckDB, and prints the row counts
// and the claims' columns. Usage: node .ci/parquet-counts.mjs DIR  (needs @duckdb/node-api; .ci/spark-check installs it)
import { DuckDBInstance } from '@duckdb/node-api';

const dir = process.argv[2];
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
const one = async (sql) => (await c.runAndReadAll(sql)).getRowObjects()[0];
const claims = `read_parquet('${dir}/claims/*.parquet')`;
const errors = `read_parquet('${dir}/errors/*.parquet')`;
const n = (v) => Number(v);
const k = await one(`SELECT count(*) AS rows, count(DISTINCT paper) AS papers, count(*) FILTER (WHERE value.unit = 'x') AS multipliers FROM ${claims}`);
const e = await one(`SELECT count(*) AS rows FROM ${errors}`);
console.log(`claims ${n(k.rows)} (of ${n(k.papers)} papers, ${n(k.multipliers)} multipliers), errors ${n(e.rows)}`);
const cols = (await c.runAndReadAll(`DESCRIBE SELECT * FROM ${claims}`)).getRowObjects();
console.log('columns: ' + cols.map((r) => `${r.column_name} ${r.column_type}`).join(', '));
