import { Card, Col, Row, Statistic } from 'antd';
import { creditApi } from '../../api/credit.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { riskClasses, riskClassLabel, riskColours } from './credit-labels.ts';
import { RiskChart } from './risk-chart.tsx';

/** 信用风险分类分布: totals, then by station and by industry (门类). */
export function CreditOverviewPage() {
  const t = useT();
  const state = useAsync((signal) => creditApi.distribution({ signal }), queryKeys.credit.distribution());
  const d = state.data;
  return (
    <>
      <PageHeader title={t('nav.credit')} />
      {state.error && <LoadError error={state.error} onRetry={state.reload} />}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {riskClasses.map((c) => (
          <Col span={6} key={c}>
            <Card loading={!d}>
              <Statistic
                title={t('credit.classTitle', { class: c, label: riskClassLabel(t, c) })}
                value={d?.totals[c] ?? 0}
                valueStyle={{ color: riskColours[c] }}
                data-testid={`credit-total-${c}`}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {d && (
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <Card title={t('credit.byStation')}>
              <RiskChart
                rows={d.byStation.map((s) => ({ label: s.stationName, counts: s.counts }))}
                testId="chart-station"
              />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title={t('credit.byIndustry')}>
              <RiskChart
                rows={d.byIndustry.map((s) => ({ label: `${s.section} ${s.name}`, counts: s.counts }))}
                testId="chart-industry"
              />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
