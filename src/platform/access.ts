import type { Permission } from '../contracts/permissions.ts';
import { Where } from '../db/sql.ts';
import type { Actor } from './actor.ts';
import { forbidden, notFound } from './errors.ts';

/**
 * The one access policy. Every kind of business row a caller may or may not see is registered here with
 * its owning-unit column and the columns that make a row "the caller's own"; repos take the predicate
 * this module builds, services take its checks, and nothing else decides data scope.
 *
 * Data scopes (a user holds the widest of their roles'):
 * - `all`: every row.
 * - `unit_and_below`: rows owned by the caller's unit or a unit below it (actor.scopeUnitIds, resolved at login).
 * - `self`: rows the caller created or is assigned to handle: one of the kind's `selfColumns` holds their
 *   user id. Nothing unit-wide: a self-scoped user sees no colleague's row, not even in counts or downloads.
 * In every scope a kind may add `participant` rows (e.g. a drawn inspector's visits in another station).
 * A kind with a `recipient` (a notification) is outside the scopes: its rows are addressed to one user, who alone
 * reaches them, needing no permission; no data scope, not even `all`, shows them to anyone else.
 * The same predicate serves list, get, count/total, export and download; write needs the kind's write
 * permission and a readable row. A row outside the scope answers 404 (its existence is not revealed),
 * a missing permission 403.
 */
export const operations = ['list', 'get', 'count', 'export', 'download', 'write'] as const;
export type Operation = (typeof operations)[number];

export interface ResourceKind {
  /** kebab-case, unique: 'complaint', 'credit-listing'. */
  name: string;
  /** Chinese noun for messages: '投诉举报'. */
  label: string;
  /** null only for a recipient kind: its recipient reads without a permission. */
  read: Permission | null;
  /** null: no write through the API (a recipient kind: only its recipient writes, without a permission). */
  write: Permission | null;
  /** SQL expression of the owning unit's id, e.g. 'c.station_id'. */
  unitColumn: string;
  /** SQL expressions of user ids that make a row the caller's own under `self` (creator, handler …). */
  selfColumns: readonly string[];
  /** SQL with one `?` for the caller's user id: rows they take part in wherever they lie. */
  participant?: string;
  /** SQL naming the rows the public portal may show; absent: none. */
  publicRows?: string;
  /**
   * SQL of the one user id a row is addressed to (a notification's recipient). When set, that user alone reaches
   * the row, whatever anyone's data scope or permissions; unitColumn, selfColumns and participant are not used.
   */
  recipient?: string;
}

const kinds = new Map<string, ResourceKind>();

/** Registers a kind once (at module load); the access matrix test covers every registered kind. */
export function defineResource<K extends ResourceKind>(kind: K): K {
  const known = kinds.get(kind.name);
  if (known && known !== kind) throw new Error(`资源类型重复登记：${kind.name}`);
  kinds.set(kind.name, kind);
  return kind;
}

export const registeredResources = (): ResourceKind[] => [...kinds.values()];

/**
 * Whether the caller holds the permission the operation needs (a recipient kind needs none): the yes/no twin of
 * assertPermitted, for what is shown rather than refused (an inbox provider that applies, a button).
 */
export function isPermitted(actor: Actor, kind: ResourceKind, op: Operation): boolean {
  if (kind.recipient) return true;
  const needed = op === 'write' ? kind.write : kind.read;
  return needed !== null && actor.permissions.has(needed);
}

/** 403 unless the caller holds the permission the operation needs. */
export function assertPermitted(actor: Actor, kind: ResourceKind, op: Operation): void {
  if (isPermitted(actor, kind, op)) return;
  const needed = op === 'write' ? kind.write : kind.read;
  throw forbidden(`缺少权限：${needed ?? `${kind.label}不可修改`}`);
}

/** Adds the rows of `kind` the caller may read to `w` (list, get, count, export and download alike). */
export function readableWhere(actor: Actor, kind: ResourceKind, w: Where): Where {
  const reach: string[] = [];
  const values: unknown[] = [];
  if (kind.recipient) return w.add(`${kind.recipient} = ?`, actor.userId);
  if (actor.dataScope === 'all') return w;
  if (actor.dataScope === 'unit_and_below') {
    // An explicit id list lets the planner estimate the share of rows; a subquery it guesses at 2 rows.
    reach.push(`${kind.unitColumn} = ANY(?::bigint[])`);
    values.push(actor.scopeUnitIds);
  } else {
    for (const col of kind.selfColumns) {
      reach.push(`${col} = ?`);
      values.push(actor.userId);
    }
  }
  if (kind.participant) {
    reach.push(kind.participant);
    values.push(actor.userId);
  }
  return reach.length ? w.add(`(${reach.join(' OR ')})`, ...values) : w.add('false');
}

/** A fresh WHERE holding only the caller's reach over `kind`; the repo adds its own filters to it. */
export const readable = (actor: Actor, kind: ResourceKind): Where => readableWhere(actor, kind, new Where());

/** Adds the kind's public rule; a kind without one shows nothing publicly. */
export function publicWhere(kind: ResourceKind, w: Where): Where {
  return w.add(kind.publicRows ?? 'false');
}

/** What makes one loaded row reachable: its owning unit, its own-user ids, whether the caller takes part. */
export interface RowReach {
  unitId: number | null;
  userIds: readonly (number | null | undefined)[];
  participant?: boolean;
  /** A recipient kind's row: the one user it is addressed to (nobody else reaches it). */
  recipient?: number;
}

/** The TypeScript twin of readableWhere for a row already loaded. */
export function canRead(actor: Actor, row: RowReach): boolean {
  if (row.recipient !== undefined) return row.recipient === actor.userId;
  if (actor.dataScope === 'all' || row.participant) return true;
  if (actor.dataScope === 'unit_and_below') return row.unitId !== null && actor.scopeUnitIds.includes(row.unitId);
  return row.userIds.includes(actor.userId);
}

/** For get/download: 403 without the permission, 404 when missing or out of scope. */
export function assertReadable<T>(
  actor: Actor,
  kind: ResourceKind,
  row: T | undefined,
  reach: (row: T) => RowReach,
): T {
  assertPermitted(actor, kind, 'get');
  if (row === undefined || !canRead(actor, reach(row))) throw notFound(kind.label);
  return row;
}

/** For a write on an existing row: 403 without the write permission, 404 when the row is out of reach. */
export function assertWritable<T>(
  actor: Actor,
  kind: ResourceKind,
  row: T | undefined,
  reach: (row: T) => RowReach,
): T {
  assertPermitted(actor, kind, 'write');
  if (row === undefined || !canRead(actor, reach(row))) throw notFound(kind.label);
  return row;
}

/**
 * Whether the caller may place a new row in (or move one to) a unit: `all` anywhere, `unit_and_below` in
 * their units, `self` only in their own unit (the row becomes theirs).
 */
export function canPlaceIn(actor: Actor, unitId: number): boolean {
  if (actor.dataScope === 'all') return true;
  if (actor.dataScope === 'unit_and_below') return actor.scopeUnitIds.includes(unitId);
  return unitId === actor.unitId;
}

export function assertPlaceable(actor: Actor, kind: ResourceKind, unitId: number): void {
  assertPermitted(actor, kind, 'write');
  if (!canPlaceIn(actor, unitId)) throw forbidden(`不能在本人数据范围以外的单位办理${kind.label}`);
}

/**
 * Settings that act on every unit at once (a district's model or rules versions): writable for the kind and a data
 * scope of `all`; `what` names the setting in the refusal.
 */
export function assertDistrictWide(actor: Actor, kind: ResourceKind, what: string): void {
  assertPlaceable(actor, kind, actor.unitId);
  if (actor.dataScope !== 'all') throw forbidden(`${what}对全区生效，仅限数据范围为“全部数据”的用户`);
}

/**
 * The reach of aggregates kept per unit (monthly rollups): all units, a unit list, or, for `self`, the
 * caller's own rows, which a per-unit rollup cannot answer, so the repo counts them from the base table.
 */
export type AggregateReach = { all: true } | { unitIds: readonly number[] } | { userId: number };
export function aggregateReach(actor: Actor): AggregateReach {
  if (actor.dataScope === 'all') return { all: true };
  if (actor.dataScope === 'unit_and_below') return { unitIds: actor.scopeUnitIds };
  return { userId: actor.userId };
}

/**
 * The units whose per-unit state (a station's monthly list, say) the caller oversees: null for every unit (`all`),
 * the units at and below theirs (`unit_and_below`), or their own unit (`self`).
 */
export function unitsInReach(actor: Actor): readonly number[] | null {
  if (actor.dataScope === 'all') return null;
  if (actor.dataScope === 'unit_and_below') return actor.scopeUnitIds;
  return [actor.unitId];
}

/**
 * Whether a kind's open steps belong in the caller's 我的待办: theirs to take when they hold the kind's write
 * permission, or theirs to watch when they hold `inbox:oversee` (局领导's 督办 view of the district) and the steps
 * are watchable (a decision waiting for someone else's approval is not). Reading alone is not work: a credit clerk
 * who may look at complaints is not handed them.
 */
export function hasPendingIn(actor: Actor, kind: ResourceKind, opts: { watchable: boolean } = { watchable: true }) {
  const p = actor.permissions;
  return (kind.write !== null && p.has(kind.write)) || (opts.watchable && p.has('inbox:oversee'));
}

/**
 * For an act only a row's participants may do, beyond seeing and changing the row (a visit's drawn inspectors
 * sign its 检查记录表 and upload its signatures): 403 with `message` for anyone else, whatever their scope.
 */
export function assertParticipant(actor: Actor, kind: ResourceKind, row: RowReach, message: string): void {
  assertPermitted(actor, kind, 'write');
  if (!row.participant) throw forbidden(message);
}

/**
 * 智慧大脑 (the big screen) shows aggregates, not rows: `screen:read` (leaders and admins), and a unit the caller's
 * scope covers. The district's screen (unitId null) needs scope `all`; a station's screen, a scope reaching that
 * station (404 beyond it, as for a row); `self` sees no screen (no aggregate is theirs alone).
 */
export function assertScreenReadable(actor: Actor, unitId: number | null): void {
  if (!actor.permissions.has('screen:read')) throw forbidden('缺少权限：screen:read');
  if (actor.dataScope === 'all') return;
  if (unitId === null || actor.dataScope === 'self') throw forbidden('全区大屏仅对数据范围为“全部数据”的用户开放');
  if (!actor.scopeUnitIds.includes(unitId)) throw notFound('单位');
}

/**
 * 工作总结 (a unit's figures over every module): the holders of `dashboard:read` (leader, admin, department staff,
 * station chief) for a unit within their data scope. `all` may report on the whole district (unitId null) or any
 * unit; `unit_and_below` only on a unit they reach (another unit answers 404, as a row out of scope does);
 * a `self` scope has no unit's figures to report.
 */
export function assertReportable(actor: Actor, unitId: number | null): void {
  if (!actor.permissions.has('dashboard:read')) throw forbidden('缺少权限：dashboard:read（生成工作总结）');
  if (actor.dataScope === 'all') return;
  if (actor.dataScope === 'self') throw forbidden('本人数据范围为“仅本人”，不能生成单位工作总结');
  if (unitId === null || !actor.scopeUnitIds.includes(unitId)) throw notFound('单位');
}
