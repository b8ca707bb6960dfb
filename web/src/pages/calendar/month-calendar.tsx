import { Calendar, Flex, Spin, Tag, Typography, theme } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { calendarApi } from '../../api/calendar.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { LoadError } from '../../components/load-error.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { type DayInfo, type DayKind, dayKinds } from './day-styles.ts';

const ISO = 'YYYY-MM-DD';

export function CalendarLegend() {
  const t = useT();
  return (
    <Flex gap={8} wrap>
      {(Object.keys(dayKinds) as DayKind[]).map((kind) => (
        <Tag key={kind} style={{ background: dayKinds[kind].bg, color: dayKinds[kind].fg, borderColor: '#d9d9d9' }}>
          {t(dayKinds[kind].label)}
        </Tag>
      ))}
      <Tag style={{ borderStyle: 'dashed' }}>{t('calendar.provisional')}</Tag>
    </Flex>
  );
}

interface DayCellProps {
  date: Dayjs;
  info: DayInfo | undefined;
  inMonth: boolean;
  selected: boolean;
}

function DayCell({ date, info, inMonth, selected }: DayCellProps) {
  const t = useT();
  const { token } = theme.useToken();
  const style = info ? dayKinds[info.kind] : dayKinds.workday;
  const border = info?.provisional ? '1px dashed #bfbfbf' : '1px solid #f0f0f0';
  const mark = info?.name ?? (style.mark ? t(style.mark) : '');
  return (
    <div
      data-day={date.format(ISO)}
      data-kind={info?.kind}
      style={{
        margin: 2,
        padding: '4px 6px',
        height: 64,
        background: style.bg,
        color: style.fg,
        opacity: inMonth ? 1 : 0.4,
        border: selected ? `1px solid ${token.colorPrimary}` : border,
        borderRadius: 4,
        textAlign: 'left',
      }}
    >
      <div style={{ fontWeight: 600 }}>{date.date()}</div>
      <div style={{ fontSize: 12, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}>{mark}</div>
      {info?.provisional && (
        <Typography.Text type="secondary" style={{ fontSize: 11 }}>
          {t('calendar.provisional')}
        </Typography.Text>
      )}
    </div>
  );
}

/** One month, each day coloured by /calendar/days. `version` changes when overrides change, to refetch. */
export function MonthCalendar({ version }: { version: number }) {
  const [selected, setSelected] = useState<Dayjs>(() => dayjs());
  const monthKey = selected.format('YYYY-MM');

  const month = dayjs(`${monthKey}-01`);
  // The grid shows up to six weeks, so take a margin on both sides of the month.
  const from = month.subtract(7, 'day').format(ISO);
  const to = month.endOf('month').add(14, 'day').format(ISO);
  // A new version means the overrides changed: fetch the month again (the write marked it stale already).
  const { data, error, loading, reload } = useAsync(
    (signal) => calendarApi.days(from, to, { signal }),
    [...queryKeys.calendar.days(from, to), version],
  );
  const byDay = useMemo(() => new Map((data ?? []).map((d) => [d.day, d])), [data]);

  return (
    <Spin spinning={loading}>
      {error && <LoadError error={error} onRetry={reload} />}
      <Calendar
        value={selected}
        onChange={setSelected}
        onPanelChange={(date) => setSelected(date)}
        fullCellRender={(date, info) =>
          info.type === 'date' ? (
            <DayCell
              date={date}
              info={byDay.get(date.format(ISO))}
              inMonth={date.format('YYYY-MM') === monthKey}
              selected={date.isSame(selected, 'day')}
            />
          ) : (
            info.originNode
          )
        }
        data-testid="month-calendar"
      />
    </Spin>
  );
}
