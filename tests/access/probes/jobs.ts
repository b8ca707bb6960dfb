import type { AccessProbe } from '../probe.ts';

const KIND = 'matrix.probe';

/** Jobs are started by the features that need them; the probe queues one per owner (never run: no handler). */
export const jobProbe: AccessProbe = {
  kind: 'job',
  async seed(ctx, owners, outsider) {
    const { jobs } = ctx.app.services;
    const ownRows = new Map<number, string>();
    for (const owner of owners) {
      ownRows.set(owner, String(await jobs.enqueue({ kind: KIND, createdBy: owner, unitId: ctx.stationA.id })));
    }
    const stationBRow = String(await jobs.enqueue({ kind: KIND, createdBy: outsider, unitId: ctx.stationB.id }));
    return { ownRows, stationBRow };
  },
  ops: {
    async list(caller, { ids }) {
      const res = await caller.get<{ items: { id: number }[] }>(`/api/v1/jobs?kind=${KIND}&limit=100`);
      if (res.status !== 200) return { status: res.status };
      return { status: 200, ids: res.body.items.map((j) => String(j.id)).filter((id) => ids.includes(id)) };
    },
    get: async (caller, { id }) => ({ status: (await caller.get(`/api/v1/jobs/${id}`)).status }),
  },
  notOffered: {
    count: 'the job list is keyset-paged without a total',
    export: 'no job export',
    download: 'a job has no file of its own (an import’s error report is the import’s)',
    write: 'jobs are changed only by the runner',
  },
};

export const probes: AccessProbe[] = [jobProbe];
