import type { TEntityStatus } from '../contracts/entities.ts';
import type { EntityRow } from '../modules/entities/row.ts';
import type { DemoTown } from './demo-entities.data.ts';
import * as parts from './demo-entity-parts.ts';
import { dayToIso, type Rng } from './random.ts';

/** The last three years of an entity's history, shaped like the events the entity service writes. */
export interface DemoEvent {
  kind: 'establish' | 'change' | 'deregister' | 'moveOut' | 'suspend' | 'revoke';
  occurredOn: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  note: string | null;
}

export const HISTORY_DAYS = 3 * 365;

const statusEvents: Record<Exclude<TEntityStatus, 'active'>, { kind: DemoEvent['kind']; notes: string[] }> = {
  deregistered: { kind: 'deregister', notes: ['简易注销', '一般注销', '决议解散，清算完毕后申请注销'] },
  revoked: { kind: 'revoke', notes: ['成立后无正当理由超过6个月未开业', '自行停业连续6个月以上'] },
  suspended: { kind: 'suspend', notes: ['经营者申请歇业', '店铺装修暂停营业'] },
  movedOut: { kind: 'moveOut', notes: ['迁往佛山市禅城区', '迁往佛山市顺德区', '迁往广州市白云区'] },
};

type ChangeField = 'address' | 'legalRepName' | 'phone' | 'businessScope' | 'registeredCapitalFen';

/** A plausible earlier value for a changed field; the current value is what the change led to. */
function earlier(rng: Rng, field: ChangeField, row: EntityRow, town: DemoTown): unknown {
  switch (field) {
    case 'address':
      return parts.address(rng, town);
    case 'legalRepName':
      return parts.personName(rng);
    case 'phone':
      return parts.phone(rng);
    case 'businessScope':
      // The scope before the last item was added.
      return row.businessScope?.replace(/；[^；。]*(?=。)/, '') ?? null;
    case 'registeredCapitalFen':
      return row.registeredCapitalFen === null ? null : Math.round(row.registeredCapitalFen / 2);
  }
}

export function lifecycleEvents(
  rng: Rng,
  e: {
    row: EntityRow;
    town: DemoTown;
    establishedDay: number;
    status: TEntityStatus;
    statusDay: number;
    asOfDay: number;
  },
): DemoEvent[] {
  const windowStart = e.asOfDay - HISTORY_DAYS;
  const events: (DemoEvent & { day: number })[] = [];
  const { row } = e;
  if (e.establishedDay >= windowStart) {
    const after = {
      uscc: row.uscc,
      type: row.type,
      name: row.name,
      address: row.address,
      legalRepName: row.legalRepName,
    };
    events.push({ kind: 'establish', day: e.establishedDay, occurredOn: '', before: null, after, note: null });
  }
  const firstChange = Math.max(e.establishedDay + 30, windowStart);
  const lastChange = e.status === 'active' ? e.asOfDay : e.statusDay - 1;
  const r = rng.next();
  const changes = lastChange > firstChange ? (r < 0.05 ? 2 : r < 0.25 ? 1 : 0) : 0;
  const fields: ChangeField[] = ['address', 'legalRepName', 'phone'];
  if (row.businessScope?.includes('；')) fields.push('businessScope');
  if (row.registeredCapitalFen !== null) fields.push('registeredCapitalFen');
  for (let c = 0; c < changes; c++) {
    const field = fields.splice(rng.int(fields.length), 1)[0]!;
    events.push({
      kind: 'change',
      day: rng.between(firstChange, lastChange),
      occurredOn: '',
      before: { [field]: earlier(rng, field, row, e.town) },
      after: { [field]: row[field] },
      note: null,
    });
  }
  if (e.status !== 'active' && e.statusDay >= windowStart) {
    const { kind, notes } = statusEvents[e.status];
    events.push({
      kind,
      day: e.statusDay,
      occurredOn: '',
      before: { status: 'active' },
      after: { status: e.status },
      note: rng.pick(notes),
    });
  }
  return events.sort((a, b) => a.day - b.day).map(({ day, ...ev }) => ({ ...ev, occurredOn: dayToIso(day) }));
}
