import { makeUscc } from '../../src/domain/uscc.ts';
import { csvOf, templateHeaders } from '../../tests/fixtures/entity-files.ts';
import { ApiClient, type ApiResponse } from '../../tests/helpers/test-app.ts';

/** A workflow is a list of steps; the runner does step i of every workflow, then waits idle, then step i + 1. */
export interface Workflow {
  name: string;
  steps: { label: string; run: () => Promise<void> }[];
}

type Json = Record<string, unknown> & { id: number; version: number; status: string };

export function expectStatus<T>(res: ApiResponse<T>, status: number, what: string): T {
  if (res.status !== status)
    throw new Error(`${what}: HTTP ${res.status}, expected ${status}: ${JSON.stringify(res.body).slice(0, 500)}`);
  return res.body;
}

export async function login(baseUrl: string, username: string): Promise<ApiClient> {
  const client = new ApiClient(baseUrl);
  expectStatus(await client.login(username), 200, `login ${username}`);
  return client;
}

async function stationIds(admin: ApiClient): Promise<Record<string, number>> {
  const units = expectStatus(await admin.get<{ id: number; code: string }[]>('/api/v1/org/units'), 200, 'units');
  return Object.fromEntries(units.map((u) => [u.code, u.id]));
}

async function firstEntityOf(client: ApiClient, stationId: number): Promise<{ id: number; uscc: string }> {
  const page = expectStatus(
    await client.get<{ items: { id: number; uscc: string }[] }>(`/api/v1/entities?stationId=${stationId}&limit=1`),
    200,
    'entities of a station',
  );
  if (!page.items[0]) throw new Error('the demo station has no entities');
  return page.items[0];
}

/** 12315: intake → 受理 → 调解 → 反馈 (as the 12315 centre, the path that once hung after an idle pause). */
export function complaintWorkflow(baseUrl: string): Workflow {
  let hotline: ApiClient;
  let id = 0;
  const act = async (body: Record<string, unknown>, status: string) => {
    const current = expectStatus(await hotline.get<Json>(`/api/v1/complaints/${id}`), 200, 'complaint detail');
    const res = await hotline.post<Json>(`/api/v1/complaints/${id}/transitions`, { version: current.version, ...body });
    const after = expectStatus(res, 200, `complaint ${body.action}`);
    if (after.status !== status) throw new Error(`complaint ${body.action}: status ${after.status}, want ${status}`);
  };
  return {
    name: '12315',
    steps: [
      {
        label: '登记投诉',
        run: async () => {
          hotline = await login(baseUrl, 'hotline');
          const admin = await login(baseUrl, 'admin');
          const entity = await firstEntityOf(admin, (await stationIds(admin)).s01!);
          const res = await hotline.post<{ items: { id: number }[] }>('/api/v1/complaints', {
            kind: 'complaint',
            channel: 'phone',
            person: { name: '冒烟测试', phone: '13912345678' },
            business: { entityId: entity.id },
            categoryCode: 'service.catering',
            amountFen: 5_000,
            description: '冒烟测试：在店内就餐后发现菜品变质，要求退款。',
          });
          id = expectStatus(res, 201, 'intake').items[0]!.id;
        },
      },
      { label: '受理', run: () => act({ action: 'accept' }, 'accepted') },
      {
        label: '调解成功',
        run: async () => {
          await act({ action: 'startMediation' }, 'mediating');
          await act({ action: 'mediationSucceeded', recoveredFen: 5_000 }, 'mediationSucceeded');
        },
      },
      {
        label: '反馈',
        run: () => act({ action: 'feedback', feedbackText: '已电话告知调解结果', feedbackChannel: 'phone' }, 'closed'),
      },
    ],
  };
}

/** Credit: annual reports in bulk, then an abnormal-list batch proposed and approved (decision PDF). */
export function creditWorkflow(baseUrl: string, reportYear: number): Workflow {
  let staff: ApiClient;
  let batch: Json;
  return {
    name: '信用',
    steps: [
      {
        label: '年报批量报送、生成拟列入批次',
        run: async () => {
          staff = await login(baseUrl, 'credit.staff');
          const admin = await login(baseUrl, 'admin');
          const station = (await stationIds(admin)).s05!;
          const entity = await firstEntityOf(admin, station);
          const reports = await staff.post('/api/v1/credit/annual-reports', {
            items: [{ uscc: entity.uscc, reportYear, filedOn: `${reportYear + 1}-05-20` }],
          });
          expectStatus(reports, 200, 'annual reports');
          const res = await staff.post<Json>('/api/v1/credit/batches', {
            list: 'abnormal',
            reportYear,
            stationId: station,
          });
          batch = expectStatus(res, 201, 'propose batch');
        },
      },
      {
        label: '审核通过（决定书）',
        run: async () => {
          const current = expectStatus(await staff.get<Json>(`/api/v1/credit/batches/${batch.id}`), 200, 'batch');
          const res = await staff.post<Json>(`/api/v1/credit/batches/${batch.id}/approve`, {
            decisionNo: `佛山市南市监异〔${reportYear + 1}〕99号`,
            reason: '经查未在规定期限内报送年度报告',
            decidedOn: new Date().toISOString().slice(0, 10),
            version: current.version,
          });
          if (expectStatus(res, 200, 'approve batch').status !== 'approved') throw new Error('batch not approved');
        },
      },
    ],
  };
}

/** 双随机: pool, plan, joint task, freeze → draw → results on one visit → complete. */
export function spotCheckWorkflow(baseUrl: string): Workflow {
  let admin: ApiClient;
  let task: Json;
  const act = async (action: string) => {
    const current = expectStatus(await admin.get<Json>(`/api/v1/spot-checks/tasks/${task.id}`), 200, 'task');
    task = expectStatus(
      await admin.post<Json>(`/api/v1/spot-checks/tasks/${task.id}/transitions`, { action, version: current.version }),
      200,
      `task ${action}`,
    );
  };
  return {
    name: '双随机',
    steps: [
      {
        label: '建任务并冻结名录',
        run: async () => {
          admin = await login(baseUrl, 'admin');
          const stations = await stationIds(admin);
          const pool = await admin.post<Json>('/api/v1/spot-checks/pools', {
            name: '冒烟测试名录',
            filter: { stationIds: [stations.s03, stations.s04], types: ['enterprise'] },
          });
          const plan = await admin.post<Json>('/api/v1/spot-checks/plans', {
            name: '冒烟测试计划',
            periodStart: `${new Date().getFullYear()}-01-01`,
            periodEnd: `${new Date().getFullYear()}-12-31`,
          });
          const items = expectStatus(await admin.get<{ id: number }[]>('/api/v1/spot-checks/items'), 200, 'items');
          const res = await admin.post<Json>('/api/v1/spot-checks/tasks', {
            planId: expectStatus(plan, 201, 'plan').id,
            poolId: expectStatus(pool, 201, 'pool').id,
            name: '冒烟测试联合抽查',
            itemIds: items.slice(0, 2).map((i) => i.id),
            ratios: { A: 1, B: 1, C: 1, D: 1 },
            avoidOwnStation: true,
          });
          task = expectStatus(res, 201, 'task');
          await act('freeze');
        },
      },
      { label: '抽取', run: () => act('draw') },
      {
        label: '检查人员录入结果并完成',
        run: async () => {
          const { inspector, visitId } = await drawnInspectorVisit(baseUrl, task.id);
          const visit = expectStatus(
            await inspector.get<Json & { items: { itemId: number }[] }>(`/api/v1/spot-checks/visits/${visitId}`),
            200,
            'visit',
          );
          for (const item of visit.items)
            expectStatus(
              await inspector.put(`/api/v1/spot-checks/visits/${visitId}/results`, {
                itemId: item.itemId,
                category: 'noProblem',
              }),
              200,
              'result',
            );
          const current = expectStatus(
            await inspector.get<Json>(`/api/v1/spot-checks/visits/${visitId}`),
            200,
            'visit',
          );
          const done = await inspector.post<Json>(`/api/v1/spot-checks/visits/${visitId}/transitions`, {
            action: 'complete',
            version: current.version,
          });
          expectStatus(done, 200, 'complete visit');
        },
      },
    ],
  };
}

/** Results are entered by a drawn inspector: the demo's sNN.inspector accounts are in the pool. */
async function drawnInspectorVisit(
  baseUrl: string,
  taskId: number,
): Promise<{ inspector: ApiClient; visitId: number }> {
  for (let n = 1; n <= 8; n++) {
    const inspector = await login(baseUrl, `s0${n}.inspector`);
    const mine = expectStatus(
      await inspector.get<{ items: { id: number }[] }>(`/api/v1/spot-checks/visits?taskId=${taskId}&mine=true&limit=1`),
      200,
      'my visits',
    );
    if (mine.items[0]) return { inspector, visitId: mine.items[0].id };
  }
  throw new Error('no demo inspector account was drawn for this task');
}

/** A valid import file: `count` enterprises of station s01 with fresh codes (the tag keeps runs apart). */
export function entityCsv(count: number, tag: string): Buffer {
  const rows: string[][] = [];
  for (let i = 0; i < count; i++) {
    const uscc = makeUscc('91', '440605', `K${tag}${String(i).padStart(5, '0')}`);
    const name = `佛山市南海区冒烟测试${tag}${i}号商行`;
    // Template order (rowFor): type, USCC, name, address, founded, legal rep, ID, phone, region, station, …
    rows.push(['企业', uscc, name, `佛山市南海区桂城街道测试路${i}号`, '2024-03-15', '', '', '', '', 's01']);
  }
  return csvOf(
    rows.map((r) => [...r, ...Array(templateHeaders.length - r.length).fill('')]),
    'utf8bom',
  );
}

export async function uploadImport(admin: ApiClient, bytes: Buffer, filename: string): Promise<number> {
  const form = new FormData();
  form.append('mode', 'all');
  form.append('file', new Blob([new Uint8Array(bytes)]), filename);
  const res = await fetch(`${admin.baseUrl}/api/v1/entities/imports`, {
    method: 'POST',
    body: form,
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
  });
  const body = (await res.json()) as { jobId?: number };
  if (res.status !== 202 || !body.jobId) throw new Error(`import upload: HTTP ${res.status} ${JSON.stringify(body)}`);
  return body.jobId;
}

export type ImportStatus = {
  status: string;
  progressDone: number;
  error: string | null;
  result: { imported: number } | null;
};

export async function importStatus(admin: ApiClient, jobId: number): Promise<ImportStatus> {
  return expectStatus(await admin.get<ImportStatus>(`/api/v1/entities/imports/${jobId}`), 200, 'import status');
}

/** Entity import through the job queue, read back by search. */
export function importWorkflow(baseUrl: string): Workflow {
  return {
    name: '导入',
    steps: [
      {
        label: '导入市场主体',
        run: async () => {
          const admin = await login(baseUrl, 'admin');
          const tag = Math.random()
            .toString(36)
            .slice(2, 4)
            .toUpperCase()
            .replace(/[IOSVZ]/g, 'K');
          const jobId = await uploadImport(admin, entityCsv(5, tag), 'smoke.csv');
          const deadline = Date.now() + 60_000;
          let s = await importStatus(admin, jobId);
          while (!['succeeded', 'failed'].includes(s.status) && Date.now() < deadline) {
            await new Promise((r) => setTimeout(r, 300));
            s = await importStatus(admin, jobId);
          }
          if (s.status !== 'succeeded' || s.result?.imported !== 5)
            throw new Error(`import ended ${s.status}: ${JSON.stringify(s)}`);
        },
      },
    ],
  };
}
