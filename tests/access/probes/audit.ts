import { appendAudit } from '../../../src/platform/audit.ts';
import type { ApiClient } from '../../helpers/test-app.ts';
import type { AccessProbe, Outcome } from '../probe.ts';

const ACTION = 'matrix.probe';

const listed = async (caller: ApiClient, path: string, ids: readonly string[]): Promise<Outcome> => {
  const res = await caller.get<{ items: { id: number }[] }>(path);
  if (res.status !== 200) return { status: res.status };
  return { status: 200, ids: res.body.items.map((r) => String(r.id)).filter((id) => ids.includes(id)) };
};

/** Audit rows are appended by the actions they record; the probe appends one per owner as that owner. */
export const auditEntryProbe: AccessProbe = {
  kind: 'audit-entry',
  async seed(ctx, owners, outsider) {
    const append = async (userId: number, unitId: number) => {
      await ctx.db.transaction((tx) =>
        appendAudit(
          tx,
          { userId, displayName: `probe ${userId}`, unitId, ip: null },
          {
            action: ACTION,
            targetType: 'probe',
            targetId: userId,
          },
        ),
      );
      const [row] = await ctx.db.query<{ id: number }>(
        'SELECT id FROM audit_log WHERE action = $1 AND actor_id = $2 ORDER BY id DESC LIMIT 1',
        [ACTION, userId],
      );
      return String(row!.id);
    };
    const ownRows = new Map<number, string>();
    for (const owner of owners) ownRows.set(owner, await append(owner, ctx.stationA.id));
    return { ownRows, stationBRow: await append(outsider, ctx.stationB.id) };
  },
  ops: {
    list: (caller, { ids }) => listed(caller, `/api/v1/audit?action=${ACTION}&limit=200`, ids),
  },
  notOffered: {
    get: 'the audit log is read as a list; there is no single-entry endpoint',
    count: 'the audit list is keyset-paged without a total',
    export: 'no audit export',
    download: 'no audit file',
    write: 'the audit log is append-only',
  },
};

/** Login-log rows are written at sign-in; the probe inserts one per owner (tests may seed with SQL). */
export const loginEntryProbe: AccessProbe = {
  kind: 'login-entry',
  async seed(ctx, owners, outsider) {
    const insert = async (userId: number, unitId: number) => {
      const [row] = await ctx.db.query<{ id: number }>(
        `INSERT INTO login_log (username, user_id, unit_id, result) VALUES ($1, $2, $3, 'success') RETURNING id`,
        [`matrixprobe${userId}`, userId, unitId],
      );
      return String(row!.id);
    };
    const ownRows = new Map<number, string>();
    for (const owner of owners) ownRows.set(owner, await insert(owner, ctx.stationA.id));
    return { ownRows, stationBRow: await insert(outsider, ctx.stationB.id) };
  },
  ops: {
    list: (caller, { ids }) => listed(caller, '/api/v1/audit/logins?username=matrixprobe&limit=200', ids),
  },
  notOffered: {
    get: 'the login log is read as a list; there is no single-entry endpoint',
    count: 'the login log is keyset-paged without a total',
    export: 'no login-log export',
    download: 'no login-log file',
    write: 'the login log is append-only',
  },
};

export const probes: AccessProbe[] = [auditEntryProbe, loginEntryProbe];
