import { Card, Col, Row } from 'antd';
import { useState } from 'react';
import { calendarApi } from '../../api/calendar.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { CalendarStatusView } from './calendar-status.tsx';
import { ConfirmYearForm } from './confirm-year-form.tsx';
import { DeadlineTool } from './deadline-tool.tsx';
import { CalendarLegend, MonthCalendar } from './month-calendar.tsx';
import { OverridesCard } from './overrides-card.tsx';

export function CalendarPage() {
  const t = useT();
  const { can } = useAuth();
  const canWrite = can('calendar:write');
  const [version, setVersion] = useState(0);
  // refetch after an override or a confirmed year (the write marked it stale already)
  const status = useAsync((signal) => calendarApi.status({ signal }), [...queryKeys.calendar.status(), version]);
  const changed = () => setVersion((v) => v + 1);

  return (
    <>
      <PageHeader title={t('nav.calendar')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('calendar.month')} extra={<CalendarLegend />}>
            <MonthCalendar version={version} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('calendar.status')} style={{ marginBottom: 16 }}>
            {status.error && <LoadError error={status.error} onRetry={status.reload} />}
            {status.data && <CalendarStatusView status={status.data} />}
          </Card>
          <Card size="small" title={t('deadline.title')}>
            <DeadlineTool />
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('calendar.overrides')}>
            <OverridesCard canWrite={canWrite} onChanged={changed} />
          </Card>
        </Col>
        {canWrite && (
          <Col xs={24} xl={8}>
            <Card size="small" title={t('calendar.confirmYear')}>
              <ConfirmYearForm onConfirmed={changed} />
            </Card>
          </Col>
        )}
      </Row>
    </>
  );
}
