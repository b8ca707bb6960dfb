import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Space, Table, TreeSelect, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { TOrgUnit } from '../../../../src/contracts/org.ts';
import type { TReportFigure, TWorkReportQuery } from '../../../../src/contracts/reports.ts';
import { orgApi } from '../../api/org.ts';
import { reportKeys, reportsApi, workReportFileUrl } from '../../api/reports.ts';
import { useMe } from '../../auth/auth-context.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';

/** A figure's value as the report prints it (money in 元 from fen, rates with one decimal). */
function shown(f: TReportFigure, v: number | null): string {
  if (v === null) return '—';
  if (f.unit === 'fen') return (v / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 });
  if (f.unit === 'percent') return `${v.toFixed(1)}%`;
  return `${v.toLocaleString('zh-CN')} ${f.measure}`;
}

interface UnitNode {
  value: number;
  title: string;
  children: UnitNode[];
}

/** The unit tree the caller may report on: everything for a district-wide scope, else their own unit and below. */
function unitTree(units: TOrgUnit[], rootId: number | null): UnitNode[] {
  const node = (u: TOrgUnit): UnitNode => ({
    value: u.id,
    title: u.name,
    children: units.filter((c) => c.parentId === u.id).map(node),
  });
  return units.filter((u) => (rootId === null ? u.parentId === null : u.id === rootId)).map(node);
}

export function WorkReportPage() {
  const t = useT();
  const me = useMe();
  const wide = me.dataScope === 'all';
  const [query, setQuery] = useState<TWorkReportQuery>(() => ({
    from: `${dayjs().year()}-01-01`,
    to: dayjs().format('YYYY-MM-DD'),
    unitId: wide ? undefined : me.user.unitId,
  }));
  const report = useAsync((signal) => reportsApi.work(query, { signal }), reportKeys.work(query));
  const units = useAsync((signal) => orgApi.listUnits({ signal }), ['org', 'units']);
  const tree = useMemo(() => unitTree(units.data ?? [], wide ? null : me.user.unitId), [units.data, wide, me]);
  const r = report.data;

  return (
    <>
      <PageHeader
        title={t('nav.workReport')}
        extra={
          <Space wrap>
            <DatePicker.RangePicker
              aria-label={t('workReport.period')}
              allowClear={false}
              value={[dayjs(query.from), dayjs(query.to)]}
              onChange={(v) =>
                v?.[0] && v[1] && setQuery({ ...query, from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })
              }
              data-testid="work-report-period"
            />
            <TreeSelect
              style={{ minWidth: 220 }}
              aria-label={t('workReport.unit')}
              placeholder={t('workReport.allUnits')}
              allowClear={wide}
              treeDefaultExpandAll
              treeData={tree}
              value={query.unitId}
              onChange={(unitId?: number) => setQuery({ ...query, unitId: unitId ?? undefined })}
              data-testid="work-report-unit"
            />
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              href={workReportFileUrl('pdf', query)}
              data-testid="work-report-pdf"
            >
              {t('workReport.downloadPdf')}
            </Button>
            <Button icon={<DownloadOutlined />} href={workReportFileUrl('docx', query)} data-testid="work-report-docx">
              {t('workReport.downloadDocx')}
            </Button>
          </Space>
        }
      />
      {report.error && <LoadError error={report.error} onRetry={report.reload} />}
      <Card loading={report.loading && !r} title={r ? `${r.unit.name} · ${r.from} — ${r.to}` : undefined}>
        {r && (
          <div data-testid="work-report-preview">
            <Typography.Paragraph type="secondary">
              {t('workReport.previous', { from: r.previousFrom, to: r.previousTo })}
            </Typography.Paragraph>
            {r.narrative.map((p) => (
              <div key={p.heading}>
                <Typography.Title level={5}>{p.heading}</Typography.Title>
                <Typography.Paragraph>{p.text}</Typography.Paragraph>
              </div>
            ))}
            <Typography.Title level={5}>{t('workReport.figures')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('workReport.appendixHint')}</Typography.Paragraph>
            <Table<TReportFigure>
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={r.figures}
              data-testid="work-report-figures"
              columns={[
                { title: t('workReport.figure'), dataIndex: 'label' },
                { title: t('workReport.current'), align: 'right', render: (_, f) => shown(f, f.value) },
                { title: t('workReport.lastYear'), align: 'right', render: (_, f) => shown(f, f.previous) },
                {
                  title: t('workReport.change'),
                  align: 'right',
                  render: (_, f) =>
                    f.change === null
                      ? '—'
                      : f.unit === 'percent'
                        ? t('workReport.points', { value: f.change.toFixed(1) })
                        : `${f.change > 0 ? '+' : ''}${f.change.toFixed(1)}%`,
                },
                {
                  title: t('workReport.query'),
                  dataIndex: 'query',
                  ellipsis: true,
                  render: (q: string) => (
                    <Typography.Text code copyable={{ text: q }} title={q} style={{ fontSize: 11 }}>
                      {q.slice(0, 60)}…
                    </Typography.Text>
                  ),
                },
              ]}
            />
          </div>
        )}
      </Card>
    </>
  );
}
