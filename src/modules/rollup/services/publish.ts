import type { Db } from '../../../db/client.ts';
import { listMigrations } from '../../../db/migrate.ts';
import { RollupError } from '../errors.ts';
import { PUBLICATION_NAME, PUBLISHED } from '../published.ts';
import { readMigrations, tableColumns, walLevel, writePublication } from '../repos/city-repo.ts';
import { compareSchema, describeMismatch, type MigrationRow } from '../schema-version.ts';

export interface PublishResult {
  publication: string;
  tables: number;
  columns: number;
  /** Columns of published tables that published.ts does not classify: not sent, but someone should decide. */
  unclassified: string[];
}

/** `shijian rollup publish` on a city: checks the database is ready and current, then creates or refreshes the publication. */
export async function publishCity(
  db: Db,
  expected: readonly MigrationRow[] = listMigrations(),
): Promise<PublishResult> {
  if (db.kind !== 'postgresql') {
    throw new RollupError(
      '省级汇总使用 PostgreSQL 逻辑复制，嵌入式 PGlite 不支持：请设置 DATABASE_URL 指向 PostgreSQL 服务器',
    );
  }
  const level = await walLevel(db);
  if (level !== 'logical') {
    throw new RollupError(
      `本城市的 PostgreSQL wal_level 为 ${level}，逻辑复制需要 logical：执行 ALTER SYSTEM SET wal_level = logical 并重启 PostgreSQL`,
    );
  }
  const diff = compareSchema(expected, await readMigrations(db));
  if (!diff.same) throw new RollupError(describeMismatch('本城市', '本程序', diff));

  const actual = await tableColumns(
    db,
    PUBLISHED.map((t) => t.table),
  );
  const unclassified: string[] = [];
  for (const t of PUBLISHED) {
    const have = actual.get(t.table) ?? [];
    const absent = t.columns.filter((c) => !have.includes(c));
    if (absent.length) throw new RollupError(`表 ${t.table} 缺少发布的列 ${absent.join('、')}：数据库结构与程序不符`);
    for (const c of have) if (!t.columns.includes(c) && !(c in t.keptOut)) unclassified.push(`${t.table}.${c}`);
  }
  await writePublication(db, PUBLICATION_NAME, PUBLISHED);
  return {
    publication: PUBLICATION_NAME,
    tables: PUBLISHED.length,
    columns: PUBLISHED.reduce((n, t) => n + t.columns.length, 0),
    unclassified,
  };
}
