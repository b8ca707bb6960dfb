import type { Queryable } from '../../src/db/client.ts';
import type { CaseStatus } from '../../src/domain/case-workflow.ts';

/**
 * Test factories for the case module (tests only; SQL straight into the tables so any stage can be set up).
 * Other helpers' tests reuse these: insertCase gives a case in any status with its officers.
 */
let sequence = 0;

export interface CaseSeed {
  stationCode?: string;
  stationId?: number;
  status?: CaseStatus;
  procedure?: 'general' | 'summary';
  /** Usernames or user ids of the 承办人 (the first is the lead officer); default none. */
  officers?: (string | number)[];
  createdBy?: string | number | null;
  partyKind?: 'organisation' | 'person';
  partyName?: string;
  title?: string;
  filedOn?: string | null;
  decisionDueOn?: string | null;
  leadId?: number | null;
  entityId?: number | null;
  extra?: Record<string, unknown>;
}

async function userId(q: Queryable, who: string | number): Promise<number> {
  if (typeof who === 'number') return who;
  const [row] = await q.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [who]);
  if (!row) throw new Error(`no user ${who}`);
  return Number(row.id);
}

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Inserts a case (and its officers) in the given status; returns its id. */
export async function insertCase(q: Queryable, seed: CaseSeed = {}): Promise<number> {
  sequence++;
  const [station] = seed.stationId
    ? [{ id: seed.stationId }]
    : await q.query<{ id: number }>('SELECT id FROM org_units WHERE code = $1', [seed.stationCode ?? 's01']);
  if (!station) throw new Error('insertCase: no station');
  const createdBy = seed.createdBy === null ? null : await userId(q, seed.createdBy ?? 'admin');
  const status = seed.status ?? 'draft';
  const filedOn = seed.filedOn !== undefined ? seed.filedOn : status === 'draft' ? null : '2026-11-01';
  const dueOn = seed.decisionDueOn !== undefined ? seed.decisionDueOn : filedOn ? addDays(filedOn, 90) : null;
  const cols: Record<string, unknown> = {
    procedure: seed.procedure ?? 'general',
    status,
    party_kind: seed.partyKind ?? 'organisation',
    party_name: seed.partyName ?? `测试当事人${process.pid % 1000}-${sequence}号商行`,
    station_id: station.id,
    title: seed.title ?? `测试案件${sequence}`,
    filed_on: filedOn,
    decision_due_on: dueOn,
    case_no: filedOn ? `测试立〔2026〕${process.pid % 1000}${String(sequence).padStart(5, '0')}号` : null,
    created_by: createdBy,
    lead_id: seed.leadId ?? null,
    entity_id: seed.entityId ?? null,
    ...seed.extra,
  };
  const names = Object.keys(cols);
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO cases (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    names.map((n) => cols[n]),
  );
  const id = Number(row!.id);
  for (const [i, who] of (seed.officers ?? []).entries()) {
    await q.query(`INSERT INTO case_officers (case_id, user_id, lead_officer, credential_no) VALUES ($1, $2, $3, $4)`, [
      id,
      await userId(q, who),
      i === 0,
      `44060500${sequence}${i}`,
    ]);
  }
  return id;
}

/** Adds an excluded period to a case's clock (closed when endedOn is given). */
export async function insertPause(
  q: Queryable,
  caseId: number,
  p: { reason: string; startedOn: string; endedOn?: string | null },
): Promise<void> {
  await q.query('INSERT INTO case_clock_pauses (case_id, reason, started_on, ended_on) VALUES ($1, $2, $3, $4)', [
    caseId,
    p.reason,
    p.startedOn,
    p.endedOn ?? null,
  ]);
}

/** A user at the unit holding the built-in role `roleCode` (password: the demo one); returns the user id. */
export async function insertUserWithRole(
  q: Queryable,
  opts: { username: string; unitCode: string; roleCode: string },
): Promise<number> {
  const [user] = await q.query<{ id: number }>(
    `INSERT INTO users (username, display_name, unit_id, password_hash)
     SELECT $1, $1, (SELECT id FROM org_units WHERE code = $2), password_hash FROM users WHERE username = 'admin'
     RETURNING id`,
    [opts.username, opts.unitCode],
  );
  await q.query('INSERT INTO user_roles (user_id, role_id) SELECT $1, id FROM roles WHERE code = $2', [
    user!.id,
    opts.roleCode,
  ]);
  return Number(user!.id);
}
