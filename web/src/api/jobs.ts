import { ZPage } from '../../../src/contracts/common.ts';
import { ZJob } from '../../../src/contracts/jobs.ts';
import { request } from './client.ts';

const ZJobPage = ZPage(ZJob);

export interface JobListQuery {
  status?: string;
  kind?: string;
  limit?: number;
  cursor?: string;
}

export const jobsApi = {
  list: (query: JobListQuery) => request('/jobs', { query: { ...query }, schema: ZJobPage }),
  get: (id: number) => request(`/jobs/${id}`, { schema: ZJob }),
};
