import { ZPage } from '../../../src/contracts/common.ts';
import { ZJob, type ZJobListQuery } from '../../../src/contracts/jobs.ts';
import { type CallOptions, type QueryInput, request } from './client.ts';

const ZJobPage = ZPage(ZJob);

export type JobListQuery = QueryInput<typeof ZJobListQuery>;

export const jobsApi = {
  list: (query: JobListQuery, opts?: CallOptions) =>
    request('/jobs', { query: { ...query }, schema: ZJobPage, signal: opts?.signal }),
  get: (id: number, opts?: CallOptions) => request(`/jobs/${id}`, { schema: ZJob, signal: opts?.signal }),
};
