import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareSchema, describeMismatch } from './schema-version.ts';

const m = (name: string, checksum = 'a') => ({ name, checksum });

describe('rollup schema version', () => {
  it('the same migrations are the same version', () => {
    assert.equal(compareSchema([m('1'), m('2')], [m('2'), m('1')]).same, true);
  });

  it('names what is missing, extra and changed, and says what to run', () => {
    const diff = compareSchema([m('1'), m('2'), m('3')], [m('1', 'b'), m('2'), m('4')]);
    assert.deepEqual(diff, { same: false, missing: ['3'], extra: ['4'], changed: ['1'] });
    const text = describeMismatch('城市 3301', '省级', diff);
    assert.match(text, /城市 3301的数据库结构版本与省级不一致/);
    assert.match(text, /缺少省级已有的 1 个迁移（最新 3）/);
    assert.match(text, /多出省级没有的 1 个迁移（最新 4）/);
    assert.match(text, /npx shijian migrate/);
  });
});
