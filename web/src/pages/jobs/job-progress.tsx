import { Progress, Typography } from 'antd';
import type { TJob } from '../../../../src/contracts/jobs.ts';

/** Percent when the job knows its total; otherwise a running count. */
export function JobProgress({ job }: { job: TJob }) {
  const total = job.progressTotal;
  if (total && total > 0) {
    const percent = Math.min(100, Math.floor((job.progressDone / total) * 100));
    const status =
      job.status === 'failed'
        ? 'exception'
        : job.status === 'running'
          ? 'active'
          : job.status === 'succeeded'
            ? 'success'
            : 'normal';
    return (
      <div style={{ minWidth: 160 }}>
        <Progress percent={job.status === 'succeeded' ? 100 : percent} status={status} size="small" />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {job.progressDone} / {total}
        </Typography.Text>
      </div>
    );
  }
  if (job.status === 'succeeded') return <Progress percent={100} size="small" style={{ minWidth: 160 }} />;
  if (job.status === 'failed')
    return <Progress percent={0} status="exception" size="small" style={{ minWidth: 160 }} />;
  return <Typography.Text type="secondary">{job.progressDone > 0 ? job.progressDone : '—'}</Typography.Text>;
}
