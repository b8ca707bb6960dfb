import type { TEntityCreate } from '../../../contracts/entities.ts';
import type { HeaderMap } from './headers.ts';
import type { RowOutcome } from './validate-row.ts';

/** A row as the validating worker posts it: the header map once, then each data row's outcome. */
export type CheckedItem = { map: HeaderMap } | { row: number; outcome: RowOutcome };

/**
 * The fields of a valid row's entity, in the order a batch carries them. A row whose entity has anything else set
 * (a station, a USCC override: the import sets neither) goes as an object instead.
 */
const FIELDS = [
  'type',
  'uscc',
  'name',
  'address',
  'establishedOn',
  'legalRepName',
  'legalRepIdNumber',
  'phone',
  'regionCode',
  'industryCode',
  'registeredCapitalFen',
  'businessScope',
] as const satisfies readonly (keyof TEntityCreate)[];

/** A field added to the contract must join FIELDS (or the fields whose rows go as objects), else the build fails here. */
type Carried = (typeof FIELDS)[number] | 'stationId' | 'usccOverrideReason';
export const everyFieldCarried: [Exclude<keyof TEntityCreate, Carried>] extends [never] ? true : never = true;

/** Slots of a valid row: its number, its station, then FIELDS. */
const SLOTS = 2 + FIELDS.length;
/** In the row-number slot: the next slot holds an item as is (the header map, an invalid row). */
const AS_IS = -1;

/**
 * A batch of checked items as one flat array of strings and numbers. Posting the items themselves cost the worker
 * a structured clone of two objects per row, keys included, and the main thread as much to rebuild them (≈ 5 CPU s
 * for a 1 M-row sheet); a flat array of primitives is cloned at a fraction of that.
 */
export function flattenChecked(items: readonly CheckedItem[]): unknown[] {
  const flat: unknown[] = [];
  for (const item of items) {
    if ('outcome' in item && item.outcome.ok) {
      const { entity, stationId } = item.outcome;
      if (entity.stationId === undefined && entity.usccOverrideReason === undefined) {
        flat.push(item.row, stationId);
        for (const f of FIELDS) flat.push(entity[f]);
        continue;
      }
    }
    flat.push(AS_IS, item);
  }
  return flat;
}

/** The items of a flattened batch, in order. */
export function* unflattenChecked(flat: readonly unknown[]): Generator<CheckedItem> {
  for (let i = 0; i < flat.length; ) {
    if (flat[i] === AS_IS) {
      yield flat[i + 1] as CheckedItem;
      i += 2;
      continue;
    }
    const entity: Record<string, unknown> = {};
    for (let f = 0; f < FIELDS.length; f++) entity[FIELDS[f]!] = flat[i + 2 + f];
    yield {
      row: flat[i] as number,
      outcome: { ok: true, entity: entity as TEntityCreate, stationId: flat[i + 1] as number },
    };
    i += SLOTS;
  }
}
