import { useEffect, useRef } from 'react';
import type { TJob } from '../../../../src/contracts/jobs.ts';
import { jobsApi } from '../../api/jobs.ts';

const POLL_MS = 2000;
const MAX_POLLED = 20;
const active = (job: TJob) => job.status === 'queued' || job.status === 'running';

/**
 * While any listed job is queued or running, re-reads those jobs every two seconds and hands back the fresh rows.
 * Nothing is requested while the tab is hidden: a background tab left open all day must not poll.
 */
export function useJobPolling(jobs: TJob[], onUpdate: (job: TJob) => void): void {
  const onUpdateRef = useRef(onUpdate);
  onUpdateRef.current = onUpdate;
  const activeIds = jobs
    .filter(active)
    .slice(0, MAX_POLLED)
    .map((j) => j.id)
    .join(',');

  useEffect(() => {
    if (!activeIds) return;
    const ids = activeIds.split(',').map(Number);
    let stopped = false;
    const timer = setInterval(() => {
      if (document.hidden) return;
      for (const id of ids) {
        jobsApi.get(id).then(
          (job) => {
            if (!stopped) onUpdateRef.current(job);
          },
          () => {
            // a transient failure: the next tick tries again
          },
        );
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [activeIds]);
}
