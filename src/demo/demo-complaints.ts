import type { Db, Queryable } from '../db/client.ts';
import { complaintRuleSets, ruleSetFor } from '../domain/complaint-rules.ts';
import { type ComplaintKind, type ComplaintStatus, clocksAtIntake } from '../domain/complaint-workflow.ts';
import { dueDate, shanghaiToday } from '../domain/deadlines.ts';
import { packagedCalendar } from '../domain/working-days.ts';
import {
  categoryWeights,
  complaintTemplates,
  monthWeights,
  personGiven,
  personSurnames,
} from './demo-complaints.data.ts';
import { insertRows } from './demo-repo.ts';
import { Rng, Weighted } from './random.ts';

export interface DemoComplaintOptions {
  /** Items per year for the most recent full year; earlier years grow towards it (seed 001: +60 %). */
  perYear?: number;
  years?: number;
  seed?: number;
  today?: string;
}

export interface Item {
  id: number;
  kind: ComplaintKind;
  status: ComplaintStatus;
  receivedOn: string;
  entity: { id: number; name: string; address: string | null; stationId: number };
  categoryCode: string;
  channel: string;
  description: string;
  amountFen: number;
  recoveredFen: number;
  person: [string, string];
  steps: { action: string; to: ComplaintStatus; on: string }[];
  ruleSetCode: string;
}

const TRACKING_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** Six tracking-code characters from the item id: unique without a lookup. */
const trackingSuffix = (id: number) =>
  Array.from({ length: 6 }, (_, i) => TRACKING_ALPHABET[Math.floor(id / 32 ** (5 - i)) % 32]).join('');

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** What happened to an item, given how long ago it came in. */
function outcome(
  rng: Rng,
  kind: ComplaintKind,
  receivedOn: string,
  ageDays: number,
): { status: ComplaintStatus; steps: Item['steps']; recovered: boolean } {
  const d = (n: number) => addDays(receivedOn, Math.min(n, ageDays));
  if (kind === 'inquiry')
    return ageDays > 3
      ? {
          status: 'closed',
          steps: [
            { action: 'answer', to: 'answered', on: d(2) },
            { action: 'feedback', to: 'closed', on: d(2) },
          ],
          recovered: false,
        }
      : { status: 'received', steps: [], recovered: false };
  if (kind === 'report') {
    if (ageDays < 10)
      return {
        status: ageDays < 2 ? 'received' : 'verifying',
        steps: ageDays < 2 ? [] : [{ action: 'startVerification', to: 'verifying', on: d(1) }],
        recovered: false,
      };
    const open = rng.chance(0.22);
    return {
      status: 'closed',
      steps: [
        { action: 'startVerification', to: 'verifying', on: d(1) },
        { action: open ? 'openCase' : 'declineCase', to: open ? 'caseOpened' : 'caseNotOpened', on: d(12) },
        { action: 'feedback', to: 'closed', on: d(15) },
      ],
      recovered: false,
    };
  }
  if (ageDays < 5) return { status: 'received', steps: [], recovered: false };
  // A few recent ones were left lying: overdue, for the queues' colours and the 督办 sweep.
  if (ageDays >= 9 && ageDays < 25 && rng.chance(0.08)) return { status: 'received', steps: [], recovered: false };
  if (rng.chance(0.08))
    return {
      status: 'closed',
      steps: [
        { action: 'reject', to: 'rejected', on: d(4) },
        { action: 'feedback', to: 'closed', on: d(5) },
      ],
      recovered: false,
    };
  const accepted = [{ action: 'accept', to: 'accepted' as ComplaintStatus, on: d(3) }];
  if (ageDays < 20)
    return {
      status: ageDays < 10 ? 'accepted' : 'mediating',
      steps: ageDays < 10 ? accepted : [...accepted, { action: 'startMediation', to: 'mediating', on: d(6) }],
      recovered: false,
    };
  const success = rng.chance(0.78);
  return {
    status: 'closed',
    steps: [
      ...accepted,
      { action: 'startMediation', to: 'mediating', on: d(6) },
      {
        action: success ? 'mediationSucceeded' : 'terminateMediation',
        to: success ? 'mediationSucceeded' : 'mediationTerminated',
        on: d(18),
      },
      { action: 'feedback', to: 'closed', on: d(20) },
    ],
    recovered: success,
  };
}

export type DemoEntityRef = Item['entity'];

/** Draws one item received on `receivedOn`; the same draws as the demo, for the demo and for bulk loads. */
export function createItemMaker(rng: Rng, entities: readonly DemoEntityRef[], today: string) {
  const categories = new Weighted(categoryWeights);
  const kinds = new Weighted<ComplaintKind>([
    ['complaint', 70],
    ['report', 20],
    ['inquiry', 10],
  ]);
  const channels = new Weighted([
    ['phone', 55],
    ['portal', 35],
    ['letter', 5],
    ['visit', 5],
  ] as const);
  return (receivedOn: string): Omit<Item, 'id'> => {
    const kind = kinds.pick(rng);
    const categoryCode = categories.pick(rng);
    const entity = rng.pick(entities);
    const amountYuan = rng.between(20, 3000);
    const ageDays = Math.round((Date.parse(today) - Date.parse(receivedOn)) / 86_400_000);
    const o = outcome(rng, kind, receivedOn, ageDays);
    return {
      kind,
      status: o.status,
      receivedOn,
      entity,
      categoryCode,
      channel: channels.pick(rng),
      description: rng
        .pick(complaintTemplates[categoryCode] ?? ['{biz}侵害消费者权益。'])
        .replace('{biz}', entity.name)
        .replace('{n}', String(amountYuan)),
      amountFen: amountYuan * 100,
      recoveredFen: o.recovered ? Math.round(amountYuan * 100 * (0.5 + rng.next() / 2)) : 0,
      person: [
        `${rng.pick(personSurnames)}${rng.pick(personGiven)}${rng.chance(0.5) ? rng.pick(personGiven) : ''}`,
        `1${rng.pick(['35', '36', '37', '38', '39', '58', '59', '88'])}${rng.digits(8)}`,
      ],
      steps: o.steps,
      ruleSetCode: ruleSetFor(receivedOn).code,
    };
  };
}

/** Items a year: the most recent full year has `perYear`; earlier ones less (seed 001: +60 % a year). */
export function itemsInYear(y: number, thisYear: number, perYear: number): number {
  return y < thisYear ? Math.round(perYear / 1.6 ** (thisYear - 1 - y)) : Math.round(perYear * 1.1);
}

export async function demoEntityRefs(db: Queryable): Promise<DemoEntityRef[]> {
  return db.query<DemoEntityRef>(
    `SELECT id, name, address, station_id AS "stationId" FROM entities WHERE status = 'active' ORDER BY id LIMIT 20000`,
  );
}

export async function loadDemoComplaints(db: Db, opts: DemoComplaintOptions = {}): Promise<{ complaints: number }> {
  const rng = new Rng(opts.seed ?? 12315);
  const today = opts.today ?? shanghaiToday();
  const perYear = opts.perYear ?? 3300;
  const years = opts.years ?? 3;
  const entities = await demoEntityRefs(db);
  if (entities.length === 0) return { complaints: 0 };
  const months = new Weighted(monthWeights.map((w, i) => [i, w] as const));
  const makeItem = createItemMaker(rng, entities, today);
  const items: Omit<Item, 'id'>[] = [];
  const thisYear = Number(today.slice(0, 4));
  for (let y = thisYear - years + 1; y <= thisYear; y++) {
    const count = itemsInYear(y, thisYear, perYear);
    for (let i = 0; i < count; i++) {
      const month = months.pick(rng);
      const receivedOn = `${y}-${String(month + 1).padStart(2, '0')}-${String(rng.between(1, 28)).padStart(2, '0')}`;
      if (receivedOn > today || receivedOn < complaintRuleSets[0]!.effectiveFrom) continue;
      items.push(makeItem(receivedOn));
    }
  }
  items.sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : 1));
  await db.transaction(async (tx) => {
    const ids = await tx.query<{ id: number }>(
      `SELECT nextval(pg_get_serial_sequence('complaints', 'id')) AS id FROM generate_series(1, $1)`,
      [items.length],
    );
    const withIds = items.map((it, i) => ({ ...it, id: ids[i]!.id }));
    for (let i = 0; i < withIds.length; i += 400) await insertBatch(tx, withIds.slice(i, i + 400), rng);
  });
  return { complaints: items.length };
}

export const complaintColumns =
  'id, tracking_code, kind, channel, status, rule_set_code, received_at, received_on, station_id, person_name, person_phone, entity_id, business_name, business_address, category_code, amount_fen, description, recovered_fen, feedback_text, feedback_channel, satisfaction';

/** An item's complaints row, in `complaintColumns` order. */
export function complaintValues(it: Item, rng: Rng): unknown[] {
  return [
    it.id,
    `TS${it.receivedOn.replaceAll('-', '')}${trackingSuffix(it.id)}`,
    it.kind,
    it.channel,
    it.status,
    it.ruleSetCode,
    `${it.receivedOn}T02:00:00Z`,
    it.receivedOn,
    it.entity.stationId,
    it.person[0],
    it.person[1],
    it.entity.id,
    it.entity.name,
    it.entity.address,
    it.categoryCode,
    it.amountFen,
    it.description,
    it.recoveredFen,
    it.status === 'closed' ? '已电话告知处理结果' : null,
    it.status === 'closed' ? 'phone' : null,
    it.status === 'closed' && rng.chance(0.7) ? rng.between(3, 5) : null,
  ];
}

async function insertBatch(tx: Queryable, items: Item[], rng: Rng): Promise<void> {
  const complaintRows = items.map((it) => complaintValues(it, rng));
  await insertRows(tx, `complaints (${complaintColumns})`, complaintRows);
  const deadlineRows: unknown[][] = [];
  const eventRows: unknown[][] = [];
  for (const it of items) {
    const set = complaintRuleSets.find((s) => s.code === it.ruleSetCode)!;
    const done = new Set(it.steps.map((s) => s.action));
    for (const step of clocksAtIntake[it.kind]) {
      const due = dueDate(packagedCalendar, it.receivedOn, set.clocks[step]);
      const metOn = it.steps[0]?.on;
      deadlineRows.push([
        it.id,
        step,
        it.receivedOn,
        due.dueOn,
        due.provisional,
        done.size > 0 && metOn ? `${metOn}T08:00:00Z` : null,
      ]);
    }
    eventRows.push([it.id, 'intake', null, 'received', null, `${it.receivedOn}T02:00:00Z`]);
    let from: ComplaintStatus = 'received';
    for (const s of it.steps) {
      eventRows.push([it.id, s.action, from, s.to, null, `${s.on}T08:00:00Z`]);
      from = s.to;
    }
  }
  await insertRows(
    tx,
    'complaint_deadlines (complaint_id, step, started_on, due_on, provisional, met_at)',
    deadlineRows,
  );
  await insertRows(tx, 'complaint_events (complaint_id, action, from_status, to_status, note, at)', eventRows);
}
