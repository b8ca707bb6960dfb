import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crumbsFor } from '../../web/src/components/list-page/breadcrumb.ts';

test('a menu page: home, its group, itself (no link to where one is)', () => {
  assert.deepEqual(crumbsFor('/credit/repairs'), [
    { label: 'nav.home', path: '/' },
    { label: 'nav.group.credit' },
    { label: 'nav.creditRepairs', path: undefined },
  ]);
});

test('a page outside a group', () => {
  assert.deepEqual(crumbsFor('/complaints'), [
    { label: 'nav.home', path: '/' },
    { label: 'nav.complaints', path: undefined },
  ]);
});

test('a detail page links back to its list and ends with the page title', () => {
  assert.deepEqual(crumbsFor('/complaints/42'), [
    { label: 'nav.home', path: '/' },
    { label: 'nav.complaints', path: '/complaints' },
    { label: 'nav.complaints', detail: true },
  ]);
  assert.deepEqual(crumbsFor('/spot-checks/visits/7'), [
    { label: 'nav.home', path: '/' },
    { label: 'nav.group.spotCheck' },
    { label: 'nav.spotCheckVisits', path: '/spot-checks/visits' },
    { label: 'nav.spotCheckVisits', detail: true },
  ]);
});

test('no breadcrumb on the home page or outside the menu', () => {
  assert.deepEqual(crumbsFor('/'), []);
  assert.deepEqual(crumbsFor('/portal/complaint'), []);
});
