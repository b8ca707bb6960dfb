import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { businessNumberProblem, productNumberProblem } from './cosmetics-devices.ts';

describe('两品一械 number formats', () => {
  test('business licence and 备案 numbers', () => {
    assert.equal(businessNumberProblem('device', 'licence', '粤佛药监械经营许20200001号'), undefined);
    assert.equal(businessNumberProblem('device', 'licence', '粤佛食药监械经营许20150001号'), undefined);
    assert.equal(businessNumberProblem('device', 'filing', '粤佛药监械经营备20200001号'), undefined);
    assert.match(businessNumberProblem('device', 'licence', '粤佛药监械经营备20200001号')!, /格式不正确/);
    assert.equal(businessNumberProblem('cosmetics', 'licence', '粤妆20160001'), undefined);
    assert.match(businessNumberProblem('cosmetics', 'licence', '粤妆2016001')!, /例：粤妆20160001/);
  });
  test('product registration and 备案 numbers', () => {
    for (const ok of ['国械注准20163461234', '粤械注准20202140123', '粤佛械备20200012号', '国械注进20193160001'])
      assert.equal(productNumberProblem('device', ok), undefined, ok);
    for (const ok of [
      '国妆特字G20210001',
      '国妆特进字J20190123',
      '粤G妆网备字2020001234',
      '国妆网备进字（粤）2021001234',
    ])
      assert.equal(productNumberProblem('cosmetics', ok), undefined, ok);
    assert.ok(productNumberProblem('device', '国械注准2016346123'));
    assert.ok(productNumberProblem('cosmetics', '国械注准20163461234'));
  });
});
