import type { Queryable } from '../../../db/client.ts';
import type { ComplaintKind } from '../../../domain/complaint-workflow.ts';

export interface ComplaintInsert {
  trackingCode: string;
  kind: ComplaintKind;
  channel: string;
  ruleSetCode: string;
  receivedOn: string;
  stationId: number;
  personName: string;
  personPhone: string;
  personIdCipher: string | null;
  personIdMasked: string | null;
  confidential: boolean;
  entityId: number | null;
  businessName: string | null;
  businessAddress: string | null;
  regionCode: string | null;
  categoryCode: string | null;
  amountFen: number | null;
  description: string;
  idempotencyKey: string | null;
  createdBy: number | null;
}

export interface IntakeRecord {
  deadlines: { step: string; dueOn: string; provisional: boolean }[];
  event: { note: string; data: unknown; actorId: number | null };
}

/**
 * A new item with its clocks and its intake event in one statement (one round trip: intake is the busiest
 * write of the portal). Returns what the submitter is told.
 */
export async function insertIntake(tx: Queryable, c: ComplaintInsert, r: IntakeRecord): Promise<InsertedIntake> {
  const [row] = await tx.query<InsertedIntake>(
    `WITH c AS (
       INSERT INTO complaints (tracking_code, kind, channel, rule_set_code, received_on, station_id, person_name,
         person_phone, person_id_cipher, person_id_masked, confidential, entity_id, business_name, business_address,
         region_code, category_code, amount_fen, description, idempotency_key, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
       RETURNING id, tracking_code, kind, station_id, received_on
     ), d AS (
       INSERT INTO complaint_deadlines (complaint_id, step, started_on, due_on, provisional)
       SELECT c.id, s.step, c.received_on, s.due_on, s.provisional
         FROM c, unnest($21::text[], $22::date[], $23::boolean[]) AS s (step, due_on, provisional)
     ), e AS (
       INSERT INTO complaint_events (complaint_id, action, from_status, to_status, note, data, actor_id)
       SELECT c.id, 'intake', NULL, 'received', $24, $25, $26 FROM c
     )
     SELECT c.id, c.tracking_code AS "trackingCode", c.kind, o.name AS "stationName"
       FROM c JOIN org_units o ON o.id = c.station_id`,
    [
      c.trackingCode,
      c.kind,
      c.channel,
      c.ruleSetCode,
      c.receivedOn,
      c.stationId,
      c.personName,
      c.personPhone,
      c.personIdCipher,
      c.personIdMasked,
      c.confidential,
      c.entityId,
      c.businessName,
      c.businessAddress,
      c.regionCode,
      c.categoryCode,
      c.amountFen,
      c.description,
      c.idempotencyKey,
      c.createdBy,
      r.deadlines.map((d) => d.step),
      r.deadlines.map((d) => d.dueOn),
      r.deadlines.map((d) => d.provisional),
      r.event.note,
      JSON.stringify(r.event.data),
      r.event.actorId,
    ],
  );
  return row!;
}

export async function linkComplaints(tx: Queryable, a: number, b: number): Promise<void> {
  await tx.query('UPDATE complaints SET linked_id = CASE id WHEN $1 THEN $2 ELSE $1 END WHERE id IN ($1, $2)', [a, b]);
}

export interface BatchedIntake {
  insert: ComplaintInsert;
  record: IntakeRecord;
}

export interface InsertedIntake {
  id: number;
  trackingCode: string;
  kind: ComplaintKind;
  stationName: string;
}

const columns: [keyof ComplaintInsert, string, string][] = [
  ['trackingCode', 'tracking_code', 'text'],
  ['kind', 'kind', 'text'],
  ['channel', 'channel', 'text'],
  ['ruleSetCode', 'rule_set_code', 'text'],
  ['receivedOn', 'received_on', 'date'],
  ['stationId', 'station_id', 'bigint'],
  ['personName', 'person_name', 'text'],
  ['personPhone', 'person_phone', 'text'],
  ['personIdCipher', 'person_id_cipher', 'text'],
  ['personIdMasked', 'person_id_masked', 'text'],
  ['confidential', 'confidential', 'boolean'],
  ['entityId', 'entity_id', 'bigint'],
  ['businessName', 'business_name', 'text'],
  ['businessAddress', 'business_address', 'text'],
  ['regionCode', 'region_code', 'text'],
  ['categoryCode', 'category_code', 'text'],
  ['amountFen', 'amount_fen', 'bigint'],
  ['description', 'description', 'text'],
  ['idempotencyKey', 'idempotency_key', 'text'],
  ['createdBy', 'created_by', 'bigint'],
];
const names = columns.map(([, c]) => c).join(', ');
const n = columns.length;

/**
 * Many submissions' items, clocks and intake events in one statement (see services/intake-batch.ts). A repeated
 * idempotency key inserts nothing: that submission gets null and is answered with the earlier records.
 * Results are in input order.
 */
export async function insertIntakeBatch(
  tx: Queryable,
  items: readonly BatchedIntake[],
): Promise<(InsertedIntake | null)[]> {
  const deadlines = items.flatMap((it, i) => it.record.deadlines.map((d) => ({ ord: i + 1, ...d })));
  const params: unknown[] = [
    ...columns.map(([key]) => items.map((it) => it.insert[key])),
    items.map((it) => it.record.event.note),
    items.map((it) => JSON.stringify(it.record.event.data)),
    deadlines.map((d) => d.ord),
    deadlines.map((d) => d.step),
    deadlines.map((d) => d.dueOn),
    deadlines.map((d) => d.provisional),
  ];
  const arrays = columns.map(([, , type], i) => `$${i + 1}::${type}[]`).join(', ');
  const rows = await tx.query<InsertedIntake & { ord: number }>(
    `WITH i AS (
       SELECT * FROM unnest(${arrays}, $${n + 1}::text[], $${n + 2}::jsonb[]) WITH ORDINALITY
         AS i (${names}, event_note, event_data, ord)
     ), c AS (
       INSERT INTO complaints (${names}) SELECT ${names} FROM i ORDER BY ord
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id, tracking_code, kind, station_id, received_on
     ), d AS (
       INSERT INTO complaint_deadlines (complaint_id, step, started_on, due_on, provisional)
       SELECT c.id, x.step, c.received_on, x.due_on, x.provisional
         FROM c JOIN i ON i.tracking_code = c.tracking_code
         JOIN unnest($${n + 3}::int[], $${n + 4}::text[], $${n + 5}::date[], $${n + 6}::boolean[])
           AS x (ord, step, due_on, provisional) ON x.ord = i.ord
     ), e AS (
       INSERT INTO complaint_events (complaint_id, action, from_status, to_status, note, data, actor_id)
       SELECT c.id, 'intake', NULL, 'received', i.event_note, i.event_data, i.created_by
         FROM c JOIN i ON i.tracking_code = c.tracking_code
     )
     SELECT i.ord::int AS ord, c.id, c.tracking_code AS "trackingCode", c.kind, o.name AS "stationName"
       FROM c JOIN i ON i.tracking_code = c.tracking_code JOIN org_units o ON o.id = c.station_id`,
    params,
  );
  const out: (InsertedIntake | null)[] = items.map(() => null);
  for (const { ord, ...row } of rows) out[ord - 1] = row;
  return out;
}
