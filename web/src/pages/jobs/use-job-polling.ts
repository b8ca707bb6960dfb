import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { TJob } from '../../../../src/contracts/jobs.ts';
import { jobsApi } from '../../api/jobs.ts';
import { queryKeys } from '../../api/query-keys.ts';

const POLL_MS = 2000;
const MAX_POLLED = 20;
const active = (job: TJob) => job.status === 'queued' || job.status === 'running';

/**
 * While any listed job is queued or running, re-reads those jobs every two seconds (one cached query per job, so
 * two views of the same job share the poll) and hands back the fresh rows. Nothing is requested while the tab is
 * hidden (the query client treats a hidden tab as unfocused): a background tab left open all day must not poll.
 */
export function useJobPolling(jobs: TJob[], onUpdate: (job: TJob) => void): void {
  const onUpdateRef = useRef(onUpdate);
  onUpdateRef.current = onUpdate;
  const polled = jobs.filter(active).slice(0, MAX_POLLED);

  const results = useQueries({
    queries: polled.map((job) => ({
      queryKey: queryKeys.jobs.detail(job.id),
      queryFn: ({ signal }: { signal: AbortSignal }) => jobsApi.get(job.id, { signal }),
      // The row in hand is fresh: the first re-read comes one interval later, as the interval itself.
      initialData: job,
      initialDataUpdatedAt: Date.now,
      staleTime: POLL_MS,
      refetchInterval: POLL_MS,
      refetchIntervalInBackground: false,
      retry: false,
    })),
  });

  const fetched = results
    .filter((r) => r.data && r.isFetchedAfterMount)
    .map((r) => `${r.data?.id}@${r.dataUpdatedAt}`)
    .join(',');
  const latest = useRef(results);
  latest.current = results;
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!fetched) return;
    for (const r of latest.current) {
      if (!r.data || !r.isFetchedAfterMount) continue;
      // A job that has just finished changed its module's rows (`credit.recompute` → credit): reread them.
      if (!active(r.data)) void queryClient.invalidateQueries({ queryKey: [r.data.kind.split('.')[0]] });
      onUpdateRef.current(r.data);
    }
  }, [fetched, queryClient]);
}
