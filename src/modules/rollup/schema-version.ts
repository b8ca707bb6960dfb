/**
 * A city and the province must run the same schema (the same migrations, byte for byte): the province's views
 * name the published columns, and a city on another version may lack one or publish it with another meaning.
 */
export interface MigrationRow {
  name: string;
  checksum: string;
}

export interface SchemaDiff {
  same: boolean;
  /** Migrations the reference has and the other side has not applied. */
  missing: string[];
  /** Migrations the other side has applied that the reference does not know (a newer release). */
  extra: string[];
  /** Same name, other contents. */
  changed: string[];
}

export function compareSchema(reference: readonly MigrationRow[], other: readonly MigrationRow[]): SchemaDiff {
  const theirs = new Map(other.map((m) => [m.name, m.checksum]));
  const ours = new Set(reference.map((m) => m.name));
  const missing = reference.filter((m) => !theirs.has(m.name)).map((m) => m.name);
  const changed = reference.filter((m) => theirs.has(m.name) && theirs.get(m.name) !== m.checksum).map((m) => m.name);
  const extra = other.filter((m) => !ours.has(m.name)).map((m) => m.name);
  return { same: missing.length + extra.length + changed.length === 0, missing, extra, changed };
}

const latest = (names: string[]) => names.slice().sort().at(-1);

/** One sentence an operator can act on: which side is behind, by how much, and what to run. */
export function describeMismatch(subject: string, reference: string, diff: SchemaDiff): string {
  const parts: string[] = [];
  if (diff.missing.length)
    parts.push(`缺少${reference}已有的 ${diff.missing.length} 个迁移（最新 ${latest(diff.missing)}）`);
  if (diff.extra.length) parts.push(`多出${reference}没有的 ${diff.extra.length} 个迁移（最新 ${latest(diff.extra)}）`);
  if (diff.changed.length) parts.push(`${diff.changed.length} 个迁移内容不同（${diff.changed[0]}）`);
  return (
    `${subject}的数据库结构版本与${reference}不一致：${parts.join('；')}。` +
    '请把两端升级到同一版本（npx shijian migrate），再在城市执行 npx shijian rollup publish、在省级执行 npx shijian rollup subscribe。'
  );
}
