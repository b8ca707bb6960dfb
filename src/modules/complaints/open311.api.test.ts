import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe('Open311 GeoReport v2 over the 12315 workflow', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ env: { OPEN311_API_KEYS: 'partner-key-1' } });
  });
  after(() => app.close());

  const call = (method: string, path: string, body?: string) =>
    fetch(`${app.baseUrl}/open311/v2${path}`, {
      method,
      headers: body ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
      body,
    });

  test('services.json lists the goods/service categories with metadata', async () => {
    const services = (await (await call('GET', '/services.json')).json()) as { service_code: string; group: string }[];
    const catering = services.find((s) => s.service_code === 'service.catering');
    assert.equal(catering?.group, '服务类');
    const def = (await (await call('GET', '/services/service.catering.json')).json()) as {
      attributes: { code: string }[];
    };
    assert.deepEqual(
      def.attributes.map((a) => a.code),
      ['kind', 'uscc', 'business_name', 'amount_yuan'],
    );
  });

  test('a form-encoded POST files an item; GET follows it with the Chinese status and the legal due date', async () => {
    const res = await call(
      'POST',
      '/requests.json',
      form({
        api_key: 'partner-key-1',
        service_code: 'service.catering',
        description: '外卖餐品有异物，商家拒绝处理。',
        last_name: '赵',
        first_name: '六',
        phone: '13811112222',
        address_string: '南海区大沥镇广佛路1号',
        'attribute[kind]': 'complaint',
        'attribute[amount_yuan]': '35.50',
      }),
    );
    assert.equal(res.status, 201);
    const [created] = (await res.json()) as { service_request_id: string }[];
    const id = created!.service_request_id;
    const [one] = (await (await call('GET', `/requests/${id}.json`)).json()) as Record<string, string>[];
    assert.equal(one!.status, 'open');
    assert.equal(one!.status_notes, '待受理');
    assert.equal(one!.agency_responsible, '大沥市场监管所');
    assert.match(one!.expected_datetime ?? '', /^\d{4}-\d{2}-\d{2}T23:59:59\+08:00$/);
    assert.equal(one!.description, undefined, 'without a key the description stays private');
    const [{ amount }] = (await app.testDb.db.query<{ amount: number }>(
      'SELECT amount_fen AS amount FROM complaints WHERE tracking_code = $1',
      [id],
    )) as [{ amount: number }];
    assert.equal(amount, 3550);
    const list = (await (
      await call('GET', `/requests.json?api_key=partner-key-1&service_request_id=${id}`)
    ).json()) as { service_request_id: string; description: string }[];
    assert.equal(list.length, 1);
    assert.match(list[0]!.description, /异物/);
  });

  test('errors come back in Open311’s shape; no key, no listing', async () => {
    const bad = await call(
      'POST',
      '/requests.json',
      form({
        api_key: 'partner-key-1',
        service_code: 'service.catering',
        description: '短',
        phone: '1',
        last_name: '钱',
      }),
    );
    assert.equal(bad.status, 422);
    const body = (await bad.json()) as { code: number; description: string }[];
    assert.equal(body[0]!.code, 422);
    assert.match(body[0]!.description, /description|phone/);
    assert.equal(
      (
        await call(
          'POST',
          '/requests.json',
          form({ service_code: 'x', description: '没有密钥的请求内容', phone: '13811112222', last_name: '孙' }),
        )
      ).status,
      403,
    );
    assert.equal((await call('GET', '/requests.json')).status, 403);
    assert.equal((await call('GET', '/requests/TS20250101ABCDEF.json')).status, 404);
  });
});
