import type { Db } from '../db/client.ts';
import { builtinRoles } from '../modules/org/builtin-roles.ts';
import { insertRole, insertUnit, insertUser, setUserRoles } from '../modules/org/repo.ts';
import { appendAudit } from '../platform/audit.ts';
import { hashPassword } from '../platform/passwords.ts';
import type { PiiCipher } from '../platform/pii.ts';
import { setDemoCredentials } from './demo-cases-repo.ts';
import { type DemoLoadResult, loadDemoEntitiesInto, settleRegister } from './demo-entities-load.ts';
import { DEMO_DISTRICT, DEMO_PASSWORD, demoDepartments, demoStations, demoUsers } from './demo-org.ts';
import { loadDemoSpotCheckCatalog } from './demo-spot-check-catalog.ts';
import { loadDemoStationRatings } from './demo-station-ratings.ts';

export type ProgressFn = (step: string, done: number, total: number) => void;

export interface DemoOptions {
  /** Demo register size (seed 001: 51,632); 0 or absent loads the organisation only. */
  entities?: number;
  seed?: number;
  /** Needed with entities: legal representatives' ID numbers are stored encrypted with the app's key. */
  pii?: PiiCipher;
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM org_units');
  return row?.n === 0;
}

/** Loads the demo district in one transaction: all of it or nothing. */
export async function loadDemo(
  db: Db,
  progress: ProgressFn = () => {},
  opts: DemoOptions = {},
): Promise<{ users: string[]; entities?: DemoLoadResult }> {
  const entityCount = opts.entities ?? 0;
  const pii = opts.pii;
  if (entityCount > 0 && !pii) throw new Error('载入演示市场主体需要 PII 加密密钥（opts.pii）');
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const entities = await db.transaction(async (tx) => {
    progress('组织机构', 0, 3);
    const bureau = await insertUnit(tx, {
      parentId: null,
      parentPath: '/',
      code: 'bureau',
      name: DEMO_DISTRICT.bureauName,
      kind: 'bureau',
      regionCodes: [DEMO_DISTRICT.regionCode],
      sortOrder: 0,
    });
    const unitIds = new Map<string, number>([['bureau', bureau.id]]);
    const children = [
      ...demoDepartments.map((d) => ({ ...d, regionCodes: [] as string[] })),
      ...demoStations.map((s) => ({ ...s, kind: 'station' as const, regionCodes: [...s.regionCodes] })),
    ];
    for (const [i, c] of children.entries()) {
      const unit = await insertUnit(tx, { parentId: bureau.id, parentPath: bureau.path, sortOrder: i + 1, ...c });
      unitIds.set(c.code, unit.id);
    }
    progress('角色', 1, 3);
    const roleIds = new Map<string, number>();
    for (const r of builtinRoles) roleIds.set(r.code, (await insertRole(tx, { ...r, builtin: true })).id);
    progress('演示账号', 2, 3);
    const userIds = new Map<string, number>();
    for (const u of demoUsers) {
      const id = await insertUser(tx, {
        username: u.username,
        displayName: u.displayName,
        unitId: unitIds.get(u.unitCode)!,
        phone: null,
        passwordHash,
      });
      await setUserRoles(tx, id, [roleIds.get(u.roleCode)!]);
      userIds.set(u.username, id);
    }
    await setDemoCredentials(
      tx,
      demoUsers.flatMap((u) =>
        u.credential
          ? [{ username: u.username, credentialNo: u.credential.no, expiresOn: u.credential.expiresOn }]
          : [],
      ),
    );
    await loadDemoSpotCheckCatalog(tx, unitIds, userIds);
    await loadDemoStationRatings(
      tx,
      demoStations.map((s) => ({ id: unitIds.get(s.code)!, chiefId: userIds.get(`${s.code}.chief`)! })),
      userIds.get('leader')!,
    );
    const register =
      entityCount > 0 && pii
        ? await loadDemoEntitiesInto(tx, {
            entities: entityCount,
            seed: opts.seed,
            pii,
            stations: demoStations.map((s) => ({ id: unitIds.get(s.code)!, code: s.code, regionCodes: s.regionCodes })),
            progress: (done, total) => progress('市场主体', done, total),
          })
        : undefined;
    await appendAudit(tx, null, {
      action: 'system.demo.load',
      detail: { units: unitIds.size, users: demoUsers.length, entities: register?.entities ?? 0 },
    });
    return register;
  });
  if (entities) entities.settleSeconds = await settleRegister(db);
  progress('完成', 3, 3);
  return { users: demoUsers.map((u) => u.username), ...(entities ? { entities } : {}) };
}
