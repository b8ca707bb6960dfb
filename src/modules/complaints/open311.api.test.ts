import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { makeIdCard } from '../../domain/id-card.ts';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const filing = (key: string | undefined, description = '外卖餐品有异物，商家拒绝处理。') =>
  form({
    ...(key ? { api_key: key } : {}),
    service_code: 'service.catering',
    description,
    last_name: '赵',
    first_name: '六',
    phone: '13811112222',
    address_string: '南海区大沥镇广佛路1号',
    'attribute[kind]': 'complaint',
    'attribute[amount_yuan]': '35.50',
  });

const open311 = (app: TestApp) => (method: string, path: string, body?: string) =>
  fetch(`${app.baseUrl}/open311/v2${path}`, {
    method,
    headers: body ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
    body,
  });

describe('Open311 GeoReport v2 over the 12315 workflow', () => {
  let app: TestApp;
  let call: ReturnType<typeof open311>;
  before(async () => {
    app = await startTestApp({
      env: { OPEN311_API_KEYS: 'partner-key-1,partner-key-2', OPEN311_RATE_LIMIT_PER_MINUTE: '5' },
    });
    call = open311(app);
  });
  after(() => app.close());

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
    const res = await call('POST', '/requests.json', filing('partner-key-1'));
    assert.equal(res.status, 201);
    const [created] = (await res.json()) as { service_request_id: string }[];
    const id = created!.service_request_id;
    const [one] = (await (await call('GET', `/requests/${id}.json?api_key=partner-key-1`)).json()) as Record<
      string,
      string
    >[];
    assert.equal(one!.status, 'open');
    assert.equal(one!.status_notes, '待受理');
    assert.equal(one!.agency_responsible, '大沥市场监管所');
    assert.match(one!.expected_datetime ?? '', /^\d{4}-\d{2}-\d{2}T23:59:59\+08:00$/);
    assert.match(one!.description ?? '', /异物/);
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

  test('errors come back in Open311’s shape; no key, no filing, no listing, no lookup', async () => {
    const bad = await call('POST', '/requests.json', form({ api_key: 'partner-key-1', description: '短', phone: '1' }));
    assert.equal(bad.status, 422);
    const body = (await bad.json()) as { code: number; description: string }[];
    assert.equal(body[0]!.code, 422);
    assert.match(body[0]!.description, /description|phone/);
    for (const key of [undefined, 'wrong-key']) {
      const res = await call('POST', '/requests.json', filing(key));
      assert.equal(res.status, 403);
      assert.deepEqual(await res.json(), [{ code: 403, description: '缺少或无效的 api_key' }]);
    }
    assert.equal((await call('GET', '/requests.json')).status, 403);
    assert.equal((await call('GET', '/requests/TS20250101ABCDEF.json')).status, 403);
    assert.equal((await call('GET', '/requests/TS20250101ABCDEF.json?api_key=partner-key-1')).status, 404);
  });

  test('each key has its own budget per minute: 429 past it, other keys unaffected', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await call('POST', '/requests.json', filing('partner-key-2'))).status);
    assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429]);
    const limited = await call('POST', '/requests.json', filing('partner-key-2'));
    assert.deepEqual(await limited.json(), [{ code: 429, description: '请求过于频繁，请稍后再试' }]);
    assert.equal((await call('POST', '/requests.json', filing('partner-key-1'))).status, 201);
  });

  test('a confidential item is never published; phones, ID and e-mail in free text are masked on list and single', async () => {
    const portal = new ApiClient(app.baseUrl);
    const idNumber = makeIdCard('440605', '19900101', '123');
    const intake = async (confidential: boolean) => {
      const res = await portal.post<{ items: { trackingCode: string }[] }>('/api/v1/public/complaints', {
        kind: 'report',
        person: { name: '钱七', phone: '13922223333', confidential },
        business: { name: '某某餐馆', address: '南海区大沥镇联系电话0757-86123456' },
        description: `后厨卫生差，请回电 139 2222 3333，身份证${idNumber}，邮箱 qianqi@example.com`,
      });
      assert.equal(res.status, 201);
      return res.body.items[0]!.trackingCode;
    };
    const secret = await intake(true);
    const open = await intake(false);
    assert.equal((await call('GET', `/requests/${secret}.json?api_key=partner-key-1`)).status, 404);
    const both = `${secret},${open}`;
    const list = (await (
      await call('GET', `/requests.json?api_key=partner-key-1&service_request_id=${both}`)
    ).json()) as { service_request_id: string; description: string; address: string }[];
    assert.deepEqual(
      list.map((r) => r.service_request_id),
      [open],
    );
    const [one] = (await (await call('GET', `/requests/${open}.json?api_key=partner-key-1`)).json()) as {
      description: string;
      address: string;
    }[];
    for (const r of [list[0]!, one!]) {
      const maskedId = `${idNumber.slice(0, 3)}***********${idNumber.slice(-4)}`;
      assert.equal(r.description, `后厨卫生差，请回电 139****3333，身份证${maskedId}，邮箱 q***@example.com`);
      assert.equal(r.address, '南海区大沥镇联系电话0757-****3456');
    }
  });
});

describe('Open311 without configured keys', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  test('filing answers 403 in Open311’s shape, pointing the public to the portal', async () => {
    const call = open311(app);
    const res = await call('POST', '/requests.json', filing(undefined));
    assert.equal(res.status, 403);
    const [err] = (await res.json()) as { code: number; description: string }[];
    assert.equal(err!.code, 403);
    assert.match(err!.description, /网上投诉举报平台/);
    assert.equal((await call('POST', '/requests.json', filing('anything'))).status, 403);
    const [{ n }] = (await app.testDb.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM complaints WHERE channel = 'open311'",
    )) as [{ n: number }];
    assert.equal(n, 0);
  });
});
