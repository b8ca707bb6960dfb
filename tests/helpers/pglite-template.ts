import { createHash } from 'node:crypto';
import {
  accessSync,
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statfsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Db, openPglite } from '../../src/db/client.ts';
import { listMigrations, migrate } from '../../src/db/migrate.ts';
import { loadDemo } from '../../src/demo/demo.ts';

/**
 * The migrated, demo-loaded PGlite data folder every PGlite test database starts from: built once per migration
 * set and source state (.tmp/pglite-template-<key>), then copied per database, which is far cheaper than
 * PGlite's initdb plus all migrations. It never reads the test database switch, so a test that needs an on-disk
 * PGlite (a CLI or server process) can import it and still count as a pure PGlite test.
 */
const snapshotDir = join(process.cwd(), '.tmp');

/** The demo load runs module services, so any source file may change the template: hash them all (a few ms). */
function sourceFingerprint(): string {
  const root = fileURLToPath(new URL('../../src/', import.meta.url));
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|sql)$/.test(f) && !f.endsWith('.test.ts'))
    .sort();
  const h = createHash('sha256');
  for (const f of files) h.update(f).update(readFileSync(join(root, f)));
  return h.digest('hex');
}

export const templateKey = () =>
  createHash('sha256')
    .update(
      listMigrations()
        .map((m) => m.checksum)
        .join(),
    )
    .update(sourceFingerprint())
    .digest('hex')
    .slice(0, 12);

export async function prepareDatabase(db: Db) {
  await migrate(db);
  await loadDemo(db);
}

let ready: string | undefined;

/** The template folder, built on first use; two processes building at once both succeed (atomic rename). */
export async function pgliteTemplate(): Promise<string> {
  if (ready) return ready;
  mkdirSync(snapshotDir, { recursive: true });
  const dir = join(snapshotDir, `pglite-template-${templateKey()}`);
  if (!existsSync(dir)) {
    const building = `${dir}.${process.pid}`;
    rmSync(building, { recursive: true, force: true });
    const db = await openPglite(building);
    await prepareDatabase(db);
    await db.exec('CHECKPOINT');
    await db.close();
    try {
      renameSync(building, dir); // parallel test files never see half a template
    } catch (err) {
      // Another process finished first (the rename target is then a non-empty folder): use theirs.
      rmSync(building, { recursive: true, force: true });
      if (!existsSync(dir)) throw err;
    }
  }
  ready = dir;
  return dir;
}

/** Copies the template into `dataDir` (which must not exist yet): an on-disk PGlite ready to open. */
export async function copyPgliteTemplate(dataDir: string): Promise<void> {
  cpSync(await pgliteTemplate(), dataDir, { recursive: true });
}

/** Copies not yet removed: a test file that never closes its database still leaves nothing behind. */
const copies = new Set<string>();
process.once('exit', () => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/**
 * Where the copies go: RAM (/dev/shm) when the machine has it. A copy is 1,500 small files (45 MB): on the CI
 * box's disk copying and removing one took 3 s and 5 s under load, on tmpfs 1 s and 0.3 s, and PGlite's writes
 * stop waiting on the disk. SHIJIAN_TEST_TMP overrides the folder.
 */
function copiesRoot(): string {
  const wanted = process.env.SHIJIAN_TEST_TMP;
  if (wanted) return wanted;
  try {
    accessSync('/dev/shm', constants.W_OK);
    // A container's default /dev/shm is 64 MB: too small for the copies of parallel test files.
    const { bavail, bsize } = statfsSync('/dev/shm');
    return bavail * bsize > 2 * 1024 ** 3 ? '/dev/shm' : tmpdir();
  } catch {
    return tmpdir();
  }
}

/** A fresh PGlite database on its own copy of the template; closing it removes the copy. */
export async function openPgliteCopy(): Promise<Db> {
  const root = mkdtempSync(join(copiesRoot(), 'shijian-pglite-'));
  copies.add(root);
  const dir = join(root, 'data');
  await copyPgliteTemplate(dir);
  const db = await openPglite(dir);
  const close = db.close.bind(db);
  db.close = async () => {
    await close();
    rmSync(root, { recursive: true, force: true });
    copies.delete(root);
  };
  return db;
}
