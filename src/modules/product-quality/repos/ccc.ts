import type { Queryable } from '../../../db/client.ts';
import { dueWindows, windowCounts } from '../../../db/due-windows.ts';
import { escapeLike, Where } from '../../../db/sql.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { cccCertificateKind, cccExemptionKind } from '../access.ts';

export interface CertificateRow {
  id: number;
  entityId: number;
  entityName: string;
  stationId: number;
  certificateNo: string;
  catalogueCode: string;
  catalogueName: string;
  productName: string;
  issuedOn: string;
  expiresOn: string;
  createdBy: number | null;
}
const certCols = `cc.id, cc.entity_id AS "entityId", e.name AS "entityName", cc.station_id AS "stationId",
  cc.certificate_no AS "certificateNo", cc.catalogue_code AS "catalogueCode", k.name AS "catalogueName",
  cc.product_name AS "productName", cc.issued_on::text AS "issuedOn", cc.expires_on::text AS "expiresOn",
  cc.created_by AS "createdBy"`;
const certFrom =
  'ccc_certificates cc JOIN entities e ON e.id = cc.entity_id JOIN ccc_catalogue k ON k.code = cc.catalogue_code';

export async function getCertificate(db: Queryable, id: number): Promise<CertificateRow | undefined> {
  const [row] = await db.query<CertificateRow>(`SELECT ${certCols} FROM ${certFrom} WHERE cc.id = $1`, [id]);
  return row;
}

export async function listCertificates(
  db: Queryable,
  actor: Actor,
  f: { stationId?: number; q?: string },
  p: { afterId?: number; limit: number },
): Promise<CertificateRow[]> {
  const w = readableWhere(actor, cccCertificateKind, new Where());
  w.addIf(f.stationId, 'cc.station_id = ?');
  if (f.q) w.add('(e.name LIKE ? OR cc.certificate_no LIKE ?)', `%${escapeLike(f.q)}%`, `${escapeLike(f.q)}%`);
  w.addIf(p.afterId, 'cc.id < ?');
  return db.query<CertificateRow>(
    `SELECT ${certCols} FROM ${certFrom} ${w} ORDER BY cc.id DESC LIMIT ${w.param(p.limit + 1)}`,
    w.params,
  );
}

export async function certificateNoTaken(db: Queryable, no: string) {
  return (await db.query('SELECT 1 FROM ccc_certificates WHERE certificate_no = $1', [no])).length > 0;
}

export async function insertCertificate(
  tx: Queryable,
  c: Omit<CertificateRow, 'id' | 'entityName' | 'catalogueName'>,
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO ccc_certificates (entity_id, station_id, certificate_no, catalogue_code, product_name, issued_on, expires_on, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [c.entityId, c.stationId, c.certificateNo, c.catalogueCode, c.productName, c.issuedOn, c.expiresOn, c.createdBy],
  );
  return row!.id;
}

export async function renameCertificateProduct(tx: Queryable, id: number, productName: string) {
  await tx.query('UPDATE ccc_certificates SET product_name = $2 WHERE id = $1', [id, productName]);
}

export interface ExemptionRow {
  id: number;
  entityId: number;
  entityName: string;
  stationId: number;
  approvalNo: string;
  catalogueCode: string;
  catalogueName: string;
  productName: string;
  quantity: number;
  reason: string;
  approvedOn: string;
  afterCheckDueOn: string;
  afterCheckedOn: string | null;
  afterCheckResult: 'compliant' | 'nonCompliant' | null;
  afterCheckNote: string | null;
  createdBy: number | null;
  version: number;
}
const exCols = `ce.id, ce.entity_id AS "entityId", e.name AS "entityName", ce.station_id AS "stationId",
  ce.approval_no AS "approvalNo", ce.catalogue_code AS "catalogueCode", k.name AS "catalogueName",
  ce.product_name AS "productName", ce.quantity, ce.reason, ce.approved_on::text AS "approvedOn",
  ce.after_check_due_on::text AS "afterCheckDueOn", ce.after_checked_on::text AS "afterCheckedOn",
  ce.after_check_result AS "afterCheckResult", ce.after_check_note AS "afterCheckNote", ce.created_by AS "createdBy",
  ce.version`;
const exFrom =
  'ccc_exemptions ce JOIN entities e ON e.id = ce.entity_id JOIN ccc_catalogue k ON k.code = ce.catalogue_code';

export async function getExemption(db: Queryable, id: number): Promise<ExemptionRow | undefined> {
  const [row] = await db.query<ExemptionRow>(`SELECT ${exCols} FROM ${exFrom} WHERE ce.id = $1`, [id]);
  return row;
}

export async function listExemptions(
  db: Queryable,
  actor: Actor,
  f: { stationId?: number; q?: string },
  p: { afterId?: number; limit: number },
): Promise<ExemptionRow[]> {
  const w = readableWhere(actor, cccExemptionKind, new Where());
  w.addIf(f.stationId, 'ce.station_id = ?');
  if (f.q) w.add('(e.name LIKE ? OR ce.approval_no LIKE ?)', `%${escapeLike(f.q)}%`, `%${escapeLike(f.q)}%`);
  w.addIf(p.afterId, 'ce.id < ?');
  return db.query<ExemptionRow>(
    `SELECT ${exCols} FROM ${exFrom} ${w} ORDER BY ce.id DESC LIMIT ${w.param(p.limit + 1)}`,
    w.params,
  );
}

export async function approvalNoTaken(db: Queryable, no: string) {
  return (await db.query('SELECT 1 FROM ccc_exemptions WHERE approval_no = $1', [no])).length > 0;
}

export async function insertExemption(
  tx: Queryable,
  x: Omit<
    ExemptionRow,
    'id' | 'entityName' | 'catalogueName' | 'afterCheckedOn' | 'afterCheckResult' | 'afterCheckNote' | 'version'
  >,
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO ccc_exemptions (entity_id, station_id, approval_no, catalogue_code, product_name, quantity, reason,
       approved_on, after_check_due_on, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      x.entityId,
      x.stationId,
      x.approvalNo,
      x.catalogueCode,
      x.productName,
      x.quantity,
      x.reason,
      x.approvedOn,
      x.afterCheckDueOn,
      x.createdBy,
    ],
  );
  return row!.id;
}

export async function recordAfterCheck(
  tx: Queryable,
  id: number,
  version: number,
  c: { checkedOn: string; result: string; note: string },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE ccc_exemptions SET after_checked_on = $3, after_check_result = $4, after_check_note = $5, version = version + 1
      WHERE id = $1 AND version = $2 AND after_checked_on IS NULL RETURNING id`,
    [id, version, c.checkedOn, c.result, c.note],
  );
  return rows.length === 1;
}

/** Open after-checks in the inbox windows (ccc_exemptions_due_idx serves each range). */
export async function pendingAfterChecks(
  db: Queryable,
  actor: Actor,
  p: { today: string; weekEnd: string; limit: number },
) {
  const w = readableWhere(actor, cccExemptionKind, new Where())
    .add('ce.after_checked_on IS NULL')
    .add('ce.after_check_due_on BETWEEN win.lo AND win.hi');
  const windows = dueWindows(w, p.today, p.weekEnd);
  const lim = w.param(p.limit);
  return db.query<{ id: number; entityName: string; productName: string; stationName: string; dueOn: string }>(
    `SELECT x.* FROM ${windows} CROSS JOIN LATERAL (
       SELECT ce.id, e.name AS "entityName", ce.product_name AS "productName", s.name AS "stationName",
              ce.after_check_due_on::text AS "dueOn"
         FROM ccc_exemptions ce JOIN entities e ON e.id = ce.entity_id JOIN org_units s ON s.id = ce.station_id
         ${w} ORDER BY ce.after_check_due_on, ce.id LIMIT ${lim}) x`,
    w.params,
  );
}

export async function countAfterChecks(
  db: Queryable,
  actor: Actor,
  p: { today: string; weekEnd: string; cap: number },
) {
  const w = readableWhere(actor, cccExemptionKind, new Where())
    .add('ce.after_checked_on IS NULL')
    .add('ce.after_check_due_on BETWEEN win.lo AND win.hi');
  const windows = dueWindows(w, p.today, p.weekEnd);
  const cap = w.param(p.cap);
  const rows = await db.query<{ grp: string; n: number }>(
    `SELECT win.grp, (SELECT count(*) FROM (SELECT 1 FROM ccc_exemptions ce ${w} LIMIT ${cap}) y)::int AS n FROM ${windows}`,
    w.params,
  );
  return windowCounts(rows);
}

export async function renameExemptionProduct(tx: Queryable, id: number, productName: string) {
  await tx.query('UPDATE ccc_exemptions SET product_name = $2, version = version + 1 WHERE id = $1', [id, productName]);
}
