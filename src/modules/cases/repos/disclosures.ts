import type { Queryable } from '../../../db/client.ts';
import { escapeLike, Where } from '../../../db/sql.ts';
import type { DisclosureStatus } from '../../../domain/case-disclosure.ts';
import { publicWhere } from '../../../platform/access.ts';
import { updateVersioned } from '../../../platform/versioned-update.ts';
import { disclosureKind } from '../access.ts';

/** A decided case as its disclosure needs it (alias c = cases). */
export interface DecisionRow {
  caseId: number;
  status: string;
  stationId: number;
  entityId: number | null;
  procedure: 'general' | 'summary';
  decisionKind: 'penalty' | 'no_penalty' | 'transfer' | null;
  decisionNo: string | null;
  decidedOn: string | null;
  partyKind: 'organisation' | 'person';
  partyName: string;
  partyUscc: string | null;
  penalties: { kind: string; amountFen: number; discretion: string }[];
  violations: { name: string; area: string; legalBasis: string; penaltyBasis: string }[];
  authority: string;
}

export async function decisionOf(q: Queryable, caseId: number): Promise<DecisionRow | undefined> {
  const [row] = await q.query<DecisionRow>(
    `SELECT c.id AS "caseId", c.status, c.station_id AS "stationId", c.entity_id AS "entityId", c.procedure,
            c.decision_kind AS "decisionKind", c.decision_no AS "decisionNo", c.decided_on AS "decidedOn",
            c.party_kind AS "partyKind", c.party_name AS "partyName", c.party_uscc AS "partyUscc",
            COALESCE((SELECT json_agg(json_build_object('kind', p.kind, 'amountFen', p.amount_fen,
                        'discretion', p.discretion) ORDER BY p.id)
                        FROM case_penalties p WHERE p.case_id = c.id), '[]') AS penalties,
            COALESCE((SELECT json_agg(json_build_object('name', t.name, 'area', t.area, 'legalBasis', t.legal_basis,
                        'penaltyBasis', t.penalty_basis) ORDER BY t.sort_order, t.id)
                        FROM case_violations v JOIN case_violation_types t ON t.id = v.violation_type_id
                       WHERE v.case_id = c.id), '[]') AS violations,
            (SELECT name FROM org_units WHERE parent_id IS NULL ORDER BY id LIMIT 1) AS authority
       FROM cases c WHERE c.id = $1`,
    [caseId],
  );
  return row;
}

export interface DisclosureRow {
  id: number;
  caseId: number;
  stationId: number;
  stationName: string;
  status: DisclosureStatus;
  dueOn: string;
  publishedOn: string | null;
  displayUntil: string | null;
  earliestRemovalOn: string | null;
  removable: boolean;
  withdrawDueOn: string | null;
  withdrawnOn: string | null;
  removedOn: string | null;
  reason: string | null;
  escalatedAt: string | null;
  decisionNo: string;
  partyName: string;
  partyUscc: string | null;
  violation: string;
  basis: string;
  content: string;
  authority: string;
  decidedOn: string;
  version: number;
  /** The case is marked 典型案例 (shown on the portal while published). */
  typical: boolean;
}

const cols = `d.id, d.case_id AS "caseId", d.station_id AS "stationId", u.name AS "stationName", d.status,
  d.due_on AS "dueOn", d.published_on AS "publishedOn", d.display_until AS "displayUntil",
  d.earliest_removal_on AS "earliestRemovalOn", d.removable, d.withdraw_due_on AS "withdrawDueOn",
  d.withdrawn_on AS "withdrawnOn", d.removed_on AS "removedOn", d.reason, d.escalated_at AS "escalatedAt",
  d.decision_no AS "decisionNo", d.party_name AS "partyName", d.party_uscc AS "partyUscc", d.violation, d.basis,
  d.content, d.authority, d.decided_on AS "decidedOn", d.version,
  (SELECT tc.typical FROM cases tc WHERE tc.id = d.case_id) AS typical`;
const from = 'case_disclosures d JOIN org_units u ON u.id = d.station_id';

export interface DisclosureInsert {
  caseId: number;
  stationId: number;
  dueOn: string;
  removable: boolean;
  decisionNo: string;
  partyName: string;
  partyUscc: string | null;
  violation: string;
  basis: string;
  content: string;
  authority: string;
  decidedOn: string;
  searchText: string;
}

/** One disclosure per decision: a second call for the same case changes nothing and answers undefined. */
export async function insertDisclosure(tx: Queryable, d: DisclosureInsert): Promise<number | undefined> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO case_disclosures (case_id, station_id, status, due_on, removable, decision_no, party_name, party_uscc,
       violation, basis, content, authority, decided_on, search_text)
     VALUES ($1, $2, 'pending', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (case_id) DO NOTHING RETURNING id`,
    [
      d.caseId,
      d.stationId,
      d.dueOn,
      d.removable,
      d.decisionNo,
      d.partyName,
      d.partyUscc,
      d.violation,
      d.basis,
      d.content,
      d.authority,
      d.decidedOn,
      d.searchText,
    ],
  );
  return row?.id;
}

export async function findDisclosure(q: Queryable, id: number): Promise<DisclosureRow | undefined> {
  const [row] = await q.query<DisclosureRow>(`SELECT ${cols} FROM ${from} WHERE d.id = $1`, [id]);
  return row;
}

export async function disclosureOfCase(q: Queryable, caseId: number): Promise<DisclosureRow | undefined> {
  const [row] = await q.query<DisclosureRow>(`SELECT ${cols} FROM ${from} WHERE d.case_id = $1`, [caseId]);
  return row;
}

/** Whether the user is an officer (承办人) of the disclosure's case: they take part in it wherever it lies. */
export async function isOfficerOf(q: Queryable, caseId: number, userId: number): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM case_officers WHERE case_id = $1 AND user_id = $2', [caseId, userId]);
  return rows.length > 0;
}

export type DisclosureSet = Partial<{
  status: DisclosureStatus;
  published_on: string;
  display_until: string;
  earliest_removal_on: string;
  withdraw_due_on: string;
  withdrawn_on: string;
  removed_on: string;
  reason: string;
  escalated_at: Date;
}>;

/** A change of the disclosure row if nobody changed it since `version` (false: stale). */
export const updateDisclosure = (tx: Queryable, key: { id: number; version: number }, set: DisclosureSet) =>
  updateVersioned(tx, 'case_disclosures', key, set);

/** One page of the staff list, newest first, within `scope` (alias d). `overdue`: pending past its due date. */
export async function listDisclosures(
  q: Queryable,
  scope: Where,
  f: { status?: DisclosureStatus; overdueOn?: string; beforeId?: number; q?: string },
  limit: number,
): Promise<DisclosureRow[]> {
  const w = scope
    .addIf(f.status, 'd.status = ?')
    .addIf(f.overdueOn, `d.status = 'pending' AND d.due_on < ?::date`)
    .addIf(f.beforeId, 'd.id < ?');
  if (f.q) w.add('d.search_text LIKE ?', `%${escapeLike(f.q.toUpperCase())}%`);
  const lim = w.param(limit);
  return q.query<DisclosureRow>(`SELECT ${cols} FROM ${from} ${w} ORDER BY d.id DESC LIMIT ${lim}`, w.params);
}

/** Pending disclosures past their due date and not yet escalated (the daily sweep). */
export async function overdueUnescalated(q: Queryable, today: string, limit: number) {
  return q.query<{ id: number; caseId: number; dueOn: string; version: number }>(
    `SELECT id, case_id AS "caseId", due_on AS "dueOn", version FROM case_disclosures
      WHERE status = 'pending' AND due_on < $1::date AND escalated_at IS NULL ORDER BY due_on, id LIMIT $2`,
    [today, limit],
  );
}

/** Published disclosures whose display period ended before `today`. */
export async function pastDisplay(q: Queryable, today: string, limit: number) {
  return q.query<{ id: number; caseId: number; displayUntil: string; version: number }>(
    `SELECT id, case_id AS "caseId", display_until AS "displayUntil", version FROM case_disclosures
      WHERE status = 'published' AND display_until < $1::date ORDER BY display_until, id LIMIT $2`,
    [today, limit],
  );
}

/** One row of the timeline of the disclosure's case. */
export async function insertDisclosureStep(
  tx: Queryable,
  s: {
    caseId: number;
    action: string;
    from: string | null;
    to: string;
    actorId: number | null;
    note: string;
    data: unknown;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO case_steps (case_id, action, from_status, to_status, actor_id, note, data) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [s.caseId, s.action, s.from, s.to, s.actorId, s.note, JSON.stringify(s.data)],
  );
}

// ---- the portal (no login): only what the disclosure kind's public rule admits

export interface PublicDisclosureRow {
  id: number;
  decisionNo: string;
  partyName: string;
  partyUscc: string | null;
  violation: string;
  basis: string;
  content: string;
  authority: string;
  decidedOn: string;
  publishedOn: string;
  displayUntil: string;
}

const publicCols = `d.id, d.decision_no AS "decisionNo", d.party_name AS "partyName", d.party_uscc AS "partyUscc",
  d.violation, d.basis, d.content, d.authority, d.decided_on AS "decidedOn", d.published_on AS "publishedOn",
  d.display_until AS "displayUntil"`;

/**
 * Published decisions, newest decision first (keyset on decided_on, id). `q`: an exact USCC or decision number,
 * or a fragment of the party's name (search_text: name, USCC and number, upper-cased; a LIKE, not ILIKE, because
 * ILIKE on Chinese text is four times slower and the table holds a few years of one bureau's decisions).
 */
export async function publicDisclosures(
  q: Queryable,
  f: { q?: string; no?: string; partyUscc?: string; after?: [string, number] },
  limit: number,
): Promise<PublicDisclosureRow[]> {
  const w = publicWhere(disclosureKind, new Where());
  if (f.no) w.add('d.decision_no = ?', f.no);
  if (f.partyUscc) w.add('d.party_uscc = ?', f.partyUscc);
  if (f.q) w.add('d.search_text LIKE ?', `%${escapeLike(f.q.toUpperCase())}%`);
  if (f.after) w.add('(d.decided_on, d.id) < (?::date, ?::bigint)', f.after[0], f.after[1]);
  const lim = w.param(limit);
  return q.query<PublicDisclosureRow>(
    `SELECT ${publicCols} FROM case_disclosures d ${w} ORDER BY d.decided_on DESC, d.id DESC LIMIT ${lim}`,
    w.params,
  );
}

export async function publicDisclosure(q: Queryable, id: number): Promise<PublicDisclosureRow | undefined> {
  const w = publicWhere(disclosureKind, new Where()).add('d.id = ?', id);
  const [row] = await q.query<PublicDisclosureRow>(`SELECT ${publicCols} FROM case_disclosures d ${w}`, w.params);
  return row;
}

/** 典型案例: typical cases whose decision is publicly shown, newest first (keyset on decided_on, id). */
export async function publicTypicalCases(q: Queryable, f: { after?: [string, number] }, limit: number) {
  const w = publicWhere(disclosureKind, new Where()).add('c.typical');
  if (f.after) w.add('(d.decided_on, d.id) < (?::date, ?::bigint)', f.after[0], f.after[1]);
  const lim = w.param(limit);
  return q.query<PublicDisclosureRow & { title: string }>(
    `SELECT ${publicCols}, c.title FROM case_disclosures d JOIN cases c ON c.id = d.case_id
      ${w} ORDER BY d.decided_on DESC, d.id DESC LIMIT ${lim}`,
    w.params,
  );
}

// ---- 典型案例 flag on the case

export interface CaseAccessRow {
  id: number;
  stationId: number;
  createdBy: number | null;
  isOfficer: boolean;
  typical: boolean;
  version: number;
}

export async function caseForAccess(q: Queryable, caseId: number, userId: number): Promise<CaseAccessRow | undefined> {
  const [row] = await q.query<CaseAccessRow>(
    `SELECT c.id, c.station_id AS "stationId", c.created_by AS "createdBy", c.typical, c.version,
            EXISTS (SELECT 1 FROM case_officers o WHERE o.case_id = c.id AND o.user_id = $2) AS "isOfficer"
       FROM cases c WHERE c.id = $1`,
    [caseId, userId],
  );
  return row;
}

/** Marks (or unmarks) a typical case; not a status change, so the case's version is left alone. */
export async function setTypical(tx: Queryable, caseId: number, typical: boolean): Promise<void> {
  await tx.query('UPDATE cases SET typical = $2, updated_at = now() WHERE id = $1', [caseId, typical]);
}

/**
 * Who is told that a disclosure is overdue: the case's officers and the active users of its station who approve
 * cases there (the station chief), i.e. those who can get it published.
 */
export async function disclosureOwners(q: Queryable, caseId: number, stationId: number): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    `SELECT o.user_id AS id FROM case_officers o WHERE o.case_id = $1
     UNION
     SELECT u.id FROM users u
      WHERE u.unit_id = $2 AND u.active
        AND EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                     WHERE ur.user_id = u.id AND 'case:approve' = ANY (r.permissions) AND 'case:write' = ANY (r.permissions))
     ORDER BY id`,
    [caseId, stationId],
  );
  return rows.map((r) => Number(r.id));
}
