import type { Db, Transaction } from '../db/client.ts';
import { copyEntityRows, copyLine } from '../db/copy.ts';
import { withIndexesDeferred } from '../modules/entities/repo.ts';
import { DEMO_ENTITY_COUNT, type DemoEntity, type DemoEntityOptions, generateDemoEntities } from './demo-entities.ts';
import { copyEntityEvents, copyEntityLicences } from './demo-repo.ts';

export interface DemoLoadOptions extends DemoEntityOptions {
  progress?: (done: number, total: number) => void;
  /** Drop and rebuild the secondary indexes when the load at least doubles the table (default true). */
  deferIndexes?: boolean;
  /** loadDemoEntities only: VACUUM (ANALYZE) after commit (default) or ANALYZE alone (the bench compares both). */
  vacuum?: boolean;
}

export interface DemoLoadResult {
  entities: number;
  licences: number;
  events: number;
  /** Wall time of the whole load, and of the entity COPYs alone (generation included, as in an import). */
  seconds: number;
  entitySeconds: number;
  /** Of `seconds`, the VACUUM / ANALYZE after commit. */
  settleSeconds: number;
}

/** Entities per round: their licences and events wait in memory until the round's ids are known. */
const ROUND = 100_000;

type Children = Pick<DemoEntity, 'licences' | 'events'> & { ordinal: number };

function* licenceLines(children: Children[], firstId: number): Generator<string> {
  for (const c of children) {
    for (const l of c.licences) yield copyLine([firstId + c.ordinal, l.kind, l.number, l.issuedOn, l.validUntil]);
  }
}

function* eventLines(children: Children[], firstId: number): Generator<string> {
  for (const c of children) {
    for (const e of c.events) {
      // Recorded at 10:00 Shanghai time on the day it happened, as if entered then.
      const at = `${e.occurredOn} 10:00:00+08`;
      yield copyLine([firstId + c.ordinal, e.kind, e.occurredOn, e.before, e.after, e.note, at]);
    }
  }
}

async function idOf(tx: Transaction, uscc: string): Promise<number> {
  const [row] = await tx.query<{ id: number }>('SELECT id FROM entities WHERE uscc = $1', [uscc]);
  if (!row) throw new Error(`刚载入的主体 ${uscc} 未找到`);
  return row.id;
}

/** Streams the demo register into `tx` through COPY: entities, then each round's licences and events. */
export async function loadDemoEntitiesInto(tx: Transaction, opts: DemoLoadOptions): Promise<DemoLoadResult> {
  const started = performance.now();
  const total = opts.entities ?? DEMO_ENTITY_COUNT;
  // COPY hands out identity ids in input order; with concurrent inserts blocked, a round's ids are contiguous,
  // so children can reference them without reading every id back. Checked below all the same.
  await tx.query('LOCK TABLE entities IN SHARE ROW EXCLUSIVE MODE');
  const source = generateDemoEntities(opts);
  const result: DemoLoadResult = {
    entities: 0,
    licences: 0,
    events: 0,
    seconds: 0,
    entitySeconds: 0,
    settleSeconds: 0,
  };
  opts.progress?.(0, total);
  // Entity time is all of it but the children's COPYs: dropping and rebuilding indexes counts as importing.
  const entitiesStarted = performance.now();
  const load = () => copyRounds(tx, source, result, opts, total);
  const childSeconds = await (opts.deferIndexes === false ? load() : withIndexesDeferred(tx, total, load));
  result.entitySeconds = (performance.now() - entitiesStarted) / 1000 - childSeconds;
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

async function copyRounds(
  tx: Transaction,
  source: ReturnType<typeof generateDemoEntities>,
  result: DemoLoadResult,
  opts: DemoLoadOptions,
  total: number,
): Promise<number> {
  let childSeconds = 0;
  for (;;) {
    const children: Children[] = [];
    const ends: string[] = [];
    function* round() {
      for (let ordinal = 0; ordinal < ROUND; ordinal++) {
        const next = source.next();
        if (next.done) return;
        const { row, licences, events } = next.value;
        if (ordinal === 0) ends[0] = row.uscc;
        ends[1] = row.uscc;
        if (licences.length || events.length) children.push({ ordinal, licences, events });
        yield row;
      }
    }
    const copied = await copyEntityRows(tx, round());
    if (copied === 0) break;
    const firstId = await idOf(tx, ends[0]!);
    if ((await idOf(tx, ends[1]!)) - firstId !== copied - 1)
      throw new Error('演示主体的编号不连续，无法关联许可证和事件');
    const childrenStarted = performance.now();
    result.licences += await copyEntityLicences(tx, licenceLines(children, firstId));
    result.events += await copyEntityEvents(tx, eventLines(children, firstId));
    childSeconds += (performance.now() - childrenStarted) / 1000;
    result.entities += copied;
    opts.progress?.(result.entities, total);
    if (copied < ROUND) break;
  }
  return childSeconds;
}

/**
 * After a bulk load, outside the transaction: VACUUM merges the GIN pending list (otherwise every name search scans
 * up to 4 MB of unsorted entries) and sets the visibility map (index-only counts); ANALYZE gives the planner
 * statistics. PGlite has no autovacuum, so without this it would stay that way.
 */
export async function settleRegister(db: Db, opts: { vacuum?: boolean } = {}): Promise<number> {
  const started = performance.now();
  await db.exec(`${opts.vacuum === false ? 'ANALYZE' : 'VACUUM (ANALYZE)'} entities, entity_licences, entity_events`);
  return (performance.now() - started) / 1000;
}

/** The same in its own transaction (all of the demo register or none of it), then settled. */
export async function loadDemoEntities(db: Db, opts: DemoLoadOptions): Promise<DemoLoadResult> {
  const started = performance.now();
  const result = await db.transaction((tx) => loadDemoEntitiesInto(tx, opts));
  result.settleSeconds = await settleRegister(db, opts);
  result.seconds = (performance.now() - started) / 1000;
  return result;
}
