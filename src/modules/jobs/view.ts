import type { TJob } from '../../contracts/jobs.ts';
import type { JobRecord } from './repo.ts';

/** A job as the API shows it: the owning unit only decides who may see it. */
export const toJob = ({ unitId: _, ...job }: JobRecord): TJob => job;
