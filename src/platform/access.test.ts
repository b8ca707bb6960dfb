import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DataScope, Permission } from '../contracts/permissions.ts';
import { Where } from '../db/sql.ts';
import {
  aggregateReach,
  assertPermitted,
  assertReadable,
  assertScreenReadable,
  assertWritable,
  canPlaceIn,
  canRead,
  isPermitted,
  publicWhere,
  type ResourceKind,
  readableWhere,
} from './access.ts';
import type { Actor } from './actor.ts';
import { AppError } from './errors.ts';

/** Hand-made actors and kinds: the policy on its own, no database. The HTTP side is tests/access/matrix.api.test.ts. */

const STATION = 7;
const TEAM = 71;
const OTHER = 8;

function actor(dataScope: DataScope, permissions: Permission[] = ['entity:read', 'entity:write']): Actor {
  return {
    userId: 42,
    username: 'u42',
    displayName: '测试',
    unitId: STATION,
    unitName: '桂城市场监管所',
    unitKind: 'station',
    unitPath: '/1/7/',
    scopeUnitIds: [STATION, TEAM],
    roles: [],
    permissions: new Set(permissions),
    dataScope,
    ip: null,
  };
}

// Plain objects, not defineResource: these kinds must not join the registry the matrix checks.
const kind: ResourceKind = {
  name: 'widget',
  label: '部件',
  read: 'entity:read',
  write: 'entity:write',
  unitColumn: 'w.station_id',
  selfColumns: ['w.created_by', 'w.handler_id'],
};
const withParticipant: ResourceKind = {
  ...kind,
  participant: 'w.id IN (SELECT widget_id FROM team WHERE user_id = ?)',
};
const unowned: ResourceKind = { ...kind, selfColumns: [] };
const readOnly: ResourceKind = { ...kind, write: null, publicRows: "w.status = 'published'" };

const sql = (w: Where) => ({ text: w.toString(), params: w.params });

const status = (code: number) => (err: unknown) => err instanceof AppError && err.status === code;

describe('readableWhere', () => {
  test('all: no predicate added', () => {
    assert.deepEqual(sql(readableWhere(actor('all'), kind, new Where())), { text: '', params: [] });
  });

  test('all keeps the filters already there', () => {
    const w = readableWhere(actor('all'), kind, new Where().add('w.status = ?', 'open'));
    assert.deepEqual(sql(w), { text: 'WHERE w.status = $1', params: ['open'] });
  });

  test('unit_and_below: the owning unit among the caller`s units', () => {
    assert.deepEqual(sql(readableWhere(actor('unit_and_below'), kind, new Where())), {
      text: 'WHERE (w.station_id = ANY($1::bigint[]))',
      params: [[STATION, TEAM]],
    });
  });

  test('self: any of the kind`s own-user columns holds the caller', () => {
    assert.deepEqual(sql(readableWhere(actor('self'), kind, new Where().add('w.status = ?', 'open'))), {
      text: 'WHERE w.status = $1 AND (w.created_by = $2 OR w.handler_id = $3)',
      params: ['open', 42, 42],
    });
  });

  test('self on a kind without selfColumns sees nothing', () => {
    assert.deepEqual(sql(readableWhere(actor('self'), unowned, new Where())), { text: 'WHERE false', params: [] });
  });

  test('participant rows are added to the scope, in unit_and_below and self alike', () => {
    assert.deepEqual(sql(readableWhere(actor('unit_and_below'), withParticipant, new Where())), {
      text: 'WHERE (w.station_id = ANY($1::bigint[]) OR w.id IN (SELECT widget_id FROM team WHERE user_id = $2))',
      params: [[STATION, TEAM], 42],
    });
    assert.deepEqual(sql(readableWhere(actor('self'), { ...withParticipant, selfColumns: [] }, new Where())), {
      text: 'WHERE (w.id IN (SELECT widget_id FROM team WHERE user_id = $1))',
      params: [42],
    });
  });

  test('publicWhere: the kind`s public rule, or nothing', () => {
    assert.equal(publicWhere(readOnly, new Where()).toString(), "WHERE w.status = 'published'");
    assert.equal(publicWhere(kind, new Where()).toString(), 'WHERE false');
  });
});

describe('canRead (the TypeScript twin)', () => {
  const mine = { unitId: OTHER, userIds: [null, 42] };
  const colleague = { unitId: TEAM, userIds: [43] };
  const elsewhere = { unitId: OTHER, userIds: [44] };

  test('all reads every row', () => {
    for (const row of [mine, colleague, elsewhere, { unitId: null, userIds: [] }])
      assert.ok(canRead(actor('all'), row));
  });

  test('unit_and_below reads rows of its units, not its own row elsewhere', () => {
    const a = actor('unit_and_below');
    assert.equal(canRead(a, colleague), true);
    assert.equal(canRead(a, { unitId: STATION, userIds: [] }), true);
    assert.equal(canRead(a, elsewhere), false);
    assert.equal(canRead(a, mine), false, 'own but in another unit: unit_and_below is about units');
    assert.equal(canRead(a, { unitId: null, userIds: [42] }), false);
  });

  test('self reads its own rows wherever they lie, and no colleague`s', () => {
    const a = actor('self');
    assert.equal(canRead(a, mine), true);
    assert.equal(canRead(a, colleague), false);
    assert.equal(canRead(a, { unitId: STATION, userIds: [] }), false, 'nothing unit-wide, not even in its own unit');
  });

  test('a participant reads the row in every scope', () => {
    for (const scope of ['unit_and_below', 'self'] as const)
      assert.ok(canRead(actor(scope), { ...elsewhere, participant: true }));
  });
});

describe('assertReadable / assertWritable / assertPermitted', () => {
  const reach = (r: { unitId: number; by: number }) => ({ unitId: r.unitId, userIds: [r.by] });
  const inScope = { unitId: STATION, by: 43 };
  const outOfScope = { unitId: OTHER, by: 43 };

  test('403 without the permission, before looking at the row', () => {
    const a = actor('all', []);
    assert.throws(() => assertReadable(a, kind, inScope, reach), status(403));
    assert.throws(() => assertReadable(a, kind, undefined, reach), status(403));
    assert.throws(() => assertWritable(actor('all', ['entity:read']), kind, inScope, reach), status(403));
    assert.throws(() => assertPermitted(actor('all'), readOnly, 'write'), status(403));
  });

  test('isPermitted answers what assertPermitted enforces, without throwing', () => {
    assert.equal(isPermitted(actor('self', ['entity:read']), kind, 'list'), true);
    assert.equal(isPermitted(actor('all', ['entity:read']), kind, 'write'), false);
    assert.equal(isPermitted(actor('all'), readOnly, 'write'), false);
    assert.equal(isPermitted(actor('all', []), { ...kind, recipient: 'w.user_id' }, 'get'), true);
  });

  test('404 when missing or out of scope, the row when in scope', () => {
    const a = actor('unit_and_below');
    assert.equal(assertReadable(a, kind, inScope, reach), inScope);
    assert.equal(assertWritable(a, kind, inScope, reach), inScope);
    assert.throws(() => assertReadable(a, kind, outOfScope, reach), status(404));
    assert.throws(() => assertWritable(a, kind, outOfScope, reach), status(404));
    assert.throws(() => assertReadable(a, kind, undefined, reach), status(404));
    assert.throws(() => assertReadable(actor('self'), kind, inScope, reach), status(404));
  });
});

describe('canPlaceIn', () => {
  test('all anywhere; unit_and_below in its units; self in its own unit only', () => {
    assert.deepEqual(
      (['all', 'unit_and_below', 'self'] as const).map((s) =>
        [STATION, TEAM, OTHER].map((u) => canPlaceIn(actor(s), u)),
      ),
      [
        [true, true, true],
        [true, true, false],
        [true, false, false],
      ],
    );
  });
});

describe('aggregateReach', () => {
  test('all, the unit list, or the caller`s own rows', () => {
    assert.deepEqual(aggregateReach(actor('all')), { all: true });
    assert.deepEqual(aggregateReach(actor('unit_and_below')), { unitIds: [STATION, TEAM] });
    assert.deepEqual(aggregateReach(actor('self')), { userId: 42 });
  });
});

describe('a recipient kind (a notification)', () => {
  const personal: ResourceKind = {
    name: 'memo',
    label: '便笺',
    read: null,
    write: null,
    unitColumn: 'NULL',
    selfColumns: ['m.user_id'],
    recipient: 'm.user_id',
  };
  test('every scope, all included, reaches only the rows addressed to the caller', () => {
    for (const scope of ['all', 'unit_and_below', 'self'] as const)
      assert.deepEqual(sql(readableWhere(actor(scope, []), personal, new Where())), {
        text: 'WHERE m.user_id = $1',
        params: [42],
      });
  });
  test('its recipient needs no permission; anyone else gets 404, whatever their scope', () => {
    const mine = { userId: 42 };
    const theirs = { userId: 43 };
    const reach = (r: { userId: number }) => ({ unitId: STATION, userIds: [r.userId], recipient: r.userId });
    assert.equal(assertWritable(actor('self', []), personal, mine, reach), mine);
    assert.throws(() => assertReadable(actor('all'), personal, theirs, reach), status(404));
    assert.equal(canRead(actor('all'), reach(theirs)), false);
  });
});

describe('the 智慧大脑 screen', () => {
  const status = (fn: () => void) => {
    try {
      fn();
      return 200;
    } catch (err) {
      return (err as AppError).code;
    }
  };
  test('screen:read with scope all sees the district and any station', () => {
    const leader = actor('all', ['screen:read']);
    assert.equal(
      status(() => assertScreenReadable(leader, null)),
      200,
    );
    assert.equal(
      status(() => assertScreenReadable(leader, OTHER)),
      200,
    );
  });
  test('without screen:read: 403, whatever the scope', () => {
    assert.equal(
      status(() => assertScreenReadable(actor('all', ['dashboard:read']), null)),
      'FORBIDDEN',
    );
    assert.equal(
      status(() => assertScreenReadable(actor('unit_and_below', ['dashboard:read']), STATION)),
      'FORBIDDEN',
    );
  });
  test('a unit scope sees its own stations only, never the district; self sees none', () => {
    const chief = actor('unit_and_below', ['screen:read']);
    assert.equal(
      status(() => assertScreenReadable(chief, TEAM)),
      200,
    );
    assert.equal(
      status(() => assertScreenReadable(chief, OTHER)),
      'NOT_FOUND',
    );
    assert.equal(
      status(() => assertScreenReadable(chief, null)),
      'FORBIDDEN',
    );
    assert.equal(
      status(() => assertScreenReadable(actor('self', ['screen:read']), STATION)),
      'FORBIDDEN',
    );
  });
});
