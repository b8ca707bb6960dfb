import assert from 'node:assert/strict';
import { test } from 'node:test';
import { queueFiltersFromParams, queueFiltersToParams } from '../../web/src/pages/complaints/complaint-filters-url.ts';
import { screenLinks } from '../../web/src/pages/screen/screen-links.ts';

test('the complaint queue reads the filters a screen link carries, and drops junk', () => {
  const f = queueFiltersFromParams(new URL(`http://x${screenLinks.complaintsOverdue()}`).searchParams);
  assert.deepEqual(f, { overdue: true });
  const day = queueFiltersFromParams(
    new URL(`http://x${screenLinks.complaintsReceived('2026-12-01', '2026-12-04')}`).searchParams,
  );
  assert.deepEqual(day, { receivedFrom: '2026-12-01', receivedTo: '2026-12-04' });
  const junk = queueFiltersFromParams(
    new URLSearchParams('kind=nonsense&status=closed&stationId=-3&receivedFrom=yesterday&overdue=1&q=%20%20'),
  );
  assert.deepEqual(junk, { status: 'closed' });
  assert.equal(
    queueFiltersToParams({ overdue: true, mine: undefined, stationId: 4 }).toString(),
    'overdue=true&stationId=4',
  );
});

test("a month's bar opens the entities established in that month", () => {
  assert.equal(screenLinks.entitiesOfMonth('2026-02'), '/entities?establishedFrom=2026-02-01&establishedTo=2026-02-28');
  assert.equal(screenLinks.entitiesOfMonth('2026-12'), '/entities?establishedFrom=2026-12-01&establishedTo=2026-12-31');
});
