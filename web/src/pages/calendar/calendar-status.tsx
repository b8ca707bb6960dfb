import { Alert, Card, Descriptions, Skeleton } from 'antd';
import type { z } from 'zod';
import type { ZCalendarStatus } from '../../../../src/contracts/calendar.ts';
import { calendarApi } from '../../api/calendar.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { LoadError } from '../../components/load-error.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { yearRanges } from '../../lib/year-ranges.ts';

export type CalendarStatus = z.infer<typeof ZCalendarStatus>;

export function CalendarStatusView({ status }: { status: CalendarStatus }) {
  const t = useT();
  return (
    <>
      {status.warnings.map((warning) => (
        <Alert
          key={warning}
          type="warning"
          showIcon
          title={warning}
          style={{ marginBottom: 12 }}
          data-testid="calendar-warning"
        />
      ))}
      {status.warnings.length === 0 && (
        <Alert type="success" showIcon title={t('calendar.statusOk')} style={{ marginBottom: 12 }} />
      )}
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'official', label: t('calendar.officialYears'), children: yearRanges(status.officialYears) || '—' },
          {
            key: 'confirmed',
            label: t('calendar.confirmedYears'),
            children: status.confirmedYears.length
              ? status.confirmedYears
                  .map((y) => t('calendar.yearWithSource', { year: y.year, source: y.source }))
                  .join(t('calendar.listSep'))
              : t('calendar.noConfirmedYears'),
          },
        ]}
      />
    </>
  );
}

/** Deadlines everywhere depend on the holiday calendar, so its gaps are shown to every user on the home page. */
export function CalendarStatusCard() {
  const t = useT();
  const { data, error, loading, reload } = useAsync(
    (signal) => calendarApi.status({ signal }),
    queryKeys.calendar.status(),
  );
  return (
    <Card title={t('calendar.status')} size="small">
      {error && <LoadError error={error} onRetry={reload} />}
      {loading && !data && <Skeleton active paragraph={{ rows: 2 }} />}
      {data && <CalendarStatusView status={data} />}
    </Card>
  );
}
