import type { Permission } from '../../src/contracts/permissions.ts';
import type { Db } from '../../src/db/client.ts';
import type { Operation } from '../../src/platform/access.ts';
import type { ApiClient, TestApp } from '../helpers/test-app.ts';

/**
 * One registered resource kind, as the access matrix (tests/access/matrix.api.test.ts) drives it through the
 * real HTTP API. Each module writes one probe per kind it registers with defineResource, in
 * tests/access/probes/<module>.ts; a registered kind without a probe fails the matrix.
 *
 * The matrix makes one caller per built-in role × data scope, every one a user at station A, and one outsider
 * at station B. `seed` creates, for each owner id, one row at station A that is that user's own (creator,
 * handler … whatever the kind's selfColumns name), and one row at station B owned by the outsider. Seeding
 * may use factories or SQL (tests may); operations must go through the HTTP API as the caller.
 */
export interface MatrixContext {
  app: TestApp;
  db: Db;
  stationA: { id: number; code: string };
  stationB: { id: number; code: string };
  /** An admin session, for seeding through the API where that is simpler than SQL. */
  admin: ApiClient;
}

export interface SeededRows {
  /** Row id (as the API spells it) per owner user id, all at station A. */
  ownRows: Map<number, string>;
  /** The outsider's row at station B. */
  stationBRow: string;
}

/** What an operation answered: the HTTP status and, for list/export, the ids it showed; for count, the total. */
export interface Outcome {
  status: number;
  ids?: readonly string[];
  total?: number;
}

export interface AccessProbe {
  /** The ResourceKind.name it covers. */
  kind: string;
  seed(ctx: MatrixContext, owners: readonly number[], outsider: number): Promise<SeededRows>;
  /**
   * The operations the API offers for this kind. list/export/count: the caller's view restricted to `ids`
   * (filter to the seeded rows however the API allows, e.g. by a tag or a search term the seed used);
   * get/download/write: one row. `write` must be a harmless, repeatable change (edit a note, add a remark)
   * that answers 2xx when allowed.
   */
  ops: Partial<
    Record<Operation, (caller: ApiClient, target: { ids: readonly string[]; id: string }) => Promise<Outcome>>
  >;
  /** Operations the API does not offer for this kind, each with its reason (printed in the matrix report). */
  notOffered: Partial<Record<Operation, string>>;
  /**
   * Optional. The base tables this kind serves, when its unitColumn names an alias ('e.station_id'): the matrix
   * checks that every table with an owning-unit column belongs to a registered kind or is excluded with a reason.
   * Without it the matrix matches the alias against the table's name or its initials (c → complaints).
   */
  tables?: readonly string[];
  /**
   * Optional. The permissions the seeded rows need, when they differ from the kind's read/write (a file's
   * permission follows its purpose). The matrix's oracle uses these instead of the registered kind's.
   */
  readPermission?: Permission;
  writePermission?: Permission | null;
  /**
   * Optional. Set (with the reason) when rows of this kind belong to no user (no selfColumns): a self-scoped caller
   * then sees none of them, not even the row `seed` lists as theirs.
   */
  noOwnRows?: string;
  /**
   * Optional. Set (with the reason) when the kind's rows are read whole by every holder of the read permission
   * (the org tree every picker needs): list/get/count/export/download then ignore the data scope; write does not,
   * and a write out of scope answers 403 (the row is visibly there, so a 404 would hide nothing).
   */
  unscopedReads?: string;
  /**
   * Optional. Set (with the reason) when a caller gets (get/download) their own row without the read permission
   * (whoever started a job follows its progress).
   */
  ownRowWithoutPermission?: string;
  /**
   * Optional. Set (with the reason) for a recipient kind (a notification): every caller, whatever their permissions
   * and data scope (`all` included), reaches exactly their own row; anyone else's answers 404.
   */
  recipientOnly?: string;
}
