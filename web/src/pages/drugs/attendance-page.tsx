import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, List, Space, Statistic, Table, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { TAttendanceImportResult, TAttendanceOverview } from '../../../../src/contracts/pharmacies.ts';
import { toApiError } from '../../api/errors.ts';
import { pharmacyApi } from '../../api/pharmacies.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { type ChartOption, EChart } from '../../components/echart.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { RateTag } from './pharmacy-labels.tsx';

type StationRow = TAttendanceOverview['stations'][number];

/** 阳光药师在岗率: the district and each station over a period, a line per station by month; the vendor import. */
export function PharmacyAttendancePage() {
  const t = useT();
  const canWrite = useAuth().can('drug:write');
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(11, 'month').startOf('month'), dayjs()]);
  const [result, setResult] = useState<TAttendanceImportResult | { failed: string }>();
  const query = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const state = useAsync((signal) => pharmacyApi.overview(query, { signal }), ['pharmacies', 'attendance', query]);
  const data = state.data;
  const option = useMemo<ChartOption>(() => {
    const months = [...new Set((data?.months ?? []).map((m) => m.month))].sort();
    const stations = [...new Map((data?.months ?? []).map((m) => [m.stationId, m.stationName])).entries()];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', name: '%', min: 90, max: 100 },
      series: stations.map(([id, name]) => ({
        name,
        type: 'line' as const,
        data: months.map((m) => data?.months.find((x) => x.month === m && x.stationId === id)?.rate ?? null),
      })),
    };
  }, [data]);
  if (state.error) return <LoadError error={state.error} onRetry={state.reload} />;
  const upload = async (file: File) => {
    try {
      const r = await pharmacyApi.importAttendance(file);
      setResult(r);
      if (r.imported) state.reload();
    } catch (err) {
      setResult({ failed: toApiError(err).detail });
    }
    return false;
  };
  return (
    <>
      <PageHeader
        title={t('attendance.title')}
        extra={
          canWrite && (
            <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={(f) => upload(f)}>
              <Button icon={<UploadOutlined />} data-testid="attendance-import">
                {t('attendance.import')}
              </Button>
            </Upload>
          )
        }
      />
      {result && 'failed' in result && (
        <Alert type="error" showIcon title={result.failed} style={{ marginBottom: 16 }} />
      )}
      {result && 'total' in result && (
        <Alert
          style={{ marginBottom: 16 }}
          type={result.errors.length ? 'error' : 'success'}
          showIcon
          title={
            result.errors.length
              ? t('attendance.importErrors', { n: result.errors.length })
              : t('attendance.imported', { n: result.imported })
          }
          description={
            result.errors.length > 0 && (
              <List
                size="small"
                dataSource={result.errors.slice(0, 20)}
                renderItem={(e) => (
                  <List.Item>
                    {e.row} · {e.column} · {e.value ?? ''} · {e.reason}
                  </List.Item>
                )}
              />
            )
          }
        />
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker value={range} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
        <Statistic
          title={t('attendance.total')}
          valueRender={() => <RateTag rate={data?.rate ?? null} testId="attendance-total" />}
        />
      </Space>
      <Typography.Paragraph type="secondary">{t('attendance.definition')}</Typography.Paragraph>
      <Card loading={!data}>
        <EChart option={option} height={320} testId="attendance-chart" />
      </Card>
      <Card style={{ marginTop: 16 }} title={t('attendance.stations')}>
        <Table<StationRow>
          rowKey="stationId"
          size="small"
          pagination={false}
          dataSource={data?.stations ?? []}
          data-testid="attendance-stations"
          columns={[
            { title: t('pharmacy.station'), dataIndex: 'stationName' },
            { title: t('attendance.pharmacies'), dataIndex: 'pharmacies' },
            { title: t('pharmacy.rate'), dataIndex: 'rate', render: (r: number | null) => <RateTag rate={r} /> },
            { title: t('attendance.absentDays'), dataIndex: 'absentDays' },
          ]}
        />
      </Card>
    </>
  );
}
