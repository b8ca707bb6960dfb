import { useNavigate } from 'react-router';
import type { TScreen } from '../../api/screen.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { ScreenChart } from './screen-chart.tsx';
import { screenLinks } from './screen-links.ts';
import { classesOption, monthlyOption, screenColours, trendOption } from './screen-options.ts';
import { column, Figure, Panel, row, tenThousandYuan } from './screen-parts.tsx';

type Figures = TScreen['figures'];
const n = (v: number | undefined) => (v ?? 0).toLocaleString();

/** 市场主体, 信用风险分类, 双随机抽查. */
export function LeftColumn({ f, today }: { f: Figures; today: string }) {
  const t = useT();
  const go = useNavigate();
  const e = f.entities;
  const monthStart = `${today.slice(0, 7)}-01`;
  return (
    <div style={column}>
      <Panel title={t('screen.entities')} flex={1.25} testId="screen-entities">
        <div style={row}>
          <Figure
            label={t('screen.entities.active')}
            value={n(e?.active)}
            onClick={() => go(screenLinks.entitiesActive())}
            testId="screen-entities-active"
          />
          <Figure
            label={t('screen.entities.newThisMonth')}
            value={n(e?.newThisMonth)}
            onClick={() => go(screenLinks.entitiesEstablished(monthStart, today))}
            testId="screen-entities-new"
          />
        </div>
        <div style={{ ...row, marginTop: 8 }}>
          {(['enterprise', 'individualBusiness', 'farmerCooperative'] as const).map((type) => (
            <Figure
              key={type}
              size={20}
              label={t(`screen.entities.${type}`)}
              value={n(e?.byType[type])}
              onClick={() => go(screenLinks.entitiesOfType(type))}
              testId={`screen-entities-${type}`}
            />
          ))}
        </div>
        <div style={{ color: screenColours.muted, fontSize: 13, marginTop: 6 }}>{t('screen.entities.monthly')}</div>
        <div style={{ flex: 1, minHeight: 0 }}>
          {e && (
            <ScreenChart
              option={monthlyOption(e.monthly)}
              onClick={(c) => {
                const month = e.monthly[c.dataIndex]?.month;
                if (month) go(screenLinks.entitiesOfMonth(month));
              }}
              testId="screen-entities-monthly"
            />
          )}
        </div>
      </Panel>
      <Panel
        title={t('screen.credit')}
        extra={
          <button
            type="button"
            onClick={() => go(screenLinks.abnormalList())}
            style={{ all: 'unset', cursor: 'pointer' }}
            data-testid="screen-credit-abnormal"
          >
            {t('screen.credit.abnormal', { count: n(f.credit?.abnormalListed) })}
          </button>
        }
        testId="screen-credit"
      >
        <div style={{ flex: 1, minHeight: 0 }}>
          {f.credit && (
            <ScreenChart
              option={classesOption(f.credit.classes)}
              onClick={() => go(screenLinks.credit())}
              testId="screen-credit-classes"
            />
          )}
        </div>
      </Panel>
      <Panel title={t('screen.spotChecks')} flex={0.55} testId="screen-spot-checks">
        <div style={row}>
          <Figure
            label={t('screen.spotChecks.inspected')}
            value={n(f.spotChecks?.inspected)}
            onClick={() => go(screenLinks.visits('inspected'))}
            testId="screen-spot-inspected"
          />
          <Figure
            label={t('screen.spotChecks.problemRate')}
            value={`${f.spotChecks?.problemRate ?? 0}%`}
            onClick={() => go(screenLinks.visits('inspected'))}
            testId="screen-spot-problem-rate"
          />
          <Figure
            label={t('screen.spotChecks.assigned')}
            value={n(f.spotChecks?.assigned)}
            onClick={() => go(screenLinks.visits('assigned'))}
            testId="screen-spot-assigned"
          />
        </div>
      </Panel>
    </div>
  );
}

/** 12315 trend, 热点, 执法办案. */
export function RightColumn({ f }: { f: Figures }) {
  const t = useT();
  const go = useNavigate();
  const c = f.complaints;
  const topics = c?.hotTopics ?? [];
  const top = Math.max(1, ...topics.map((x) => x.n));
  return (
    <div style={column}>
      <Panel title={t('screen.complaints.trend')} testId="screen-trend">
        <div style={{ flex: 1, minHeight: 0 }}>
          {c && (
            <ScreenChart
              option={trendOption(c.daily)}
              onClick={(p) => {
                const day = c.daily[p.dataIndex]?.day;
                if (day) go(screenLinks.complaintsReceived(day, day));
              }}
              testId="screen-complaints-trend"
            />
          )}
        </div>
      </Panel>
      <Panel title={t('screen.hotTopics')} testId="screen-hot-topics">
        <div style={{ display: 'flex', flexDirection: 'column', gap: 6, overflow: 'hidden' }}>
          {topics.map((x, i) => (
            <button
              key={x.code}
              type="button"
              onClick={() => go(screenLinks.complaintAnalysis())}
              data-testid={`screen-hot-topic-${i}`}
              style={{ all: 'unset', cursor: 'pointer', display: 'flex', alignItems: 'center', gap: 8, fontSize: 15 }}
            >
              <span style={{ width: 22, color: i < 3 ? screenColours.warn : screenColours.muted }}>{i + 1}</span>
              <span style={{ width: 120, color: screenColours.text, whiteSpace: 'nowrap', overflow: 'hidden' }}>
                {x.name}
              </span>
              <span style={{ flex: 1, height: 10, background: 'rgba(63,208,255,0.12)', borderRadius: 5 }}>
                <span
                  style={{
                    display: 'block',
                    height: 10,
                    width: `${(x.n / top) * 100}%`,
                    background: screenColours.accent,
                    borderRadius: 5,
                  }}
                />
              </span>
              <span style={{ width: 40, textAlign: 'right', color: '#fff' }}>{x.n}</span>
            </button>
          ))}
        </div>
      </Panel>
      <Panel title={t('screen.cases')} flex={0.8} testId="screen-cases">
        <div style={row}>
          <Figure
            label={t('screen.cases.filed')}
            value={n(f.cases?.filedThisYear)}
            onClick={() => go(screenLinks.cases())}
            testId="screen-cases-filed"
            size={28}
          />
          <Figure
            label={t('screen.cases.closed')}
            value={n(f.cases?.closedThisYear)}
            onClick={() => go(screenLinks.cases())}
            testId="screen-cases-closed"
            size={28}
          />
          <Figure
            label={t('screen.cases.open')}
            value={n(f.cases?.open)}
            onClick={() => go(screenLinks.cases())}
            testId="screen-cases-open"
            size={28}
          />
        </div>
        <div style={{ ...row, marginTop: 8 }}>
          <Figure
            label={t('screen.cases.penalties')}
            value={n(f.cases?.penaltiesThisYear)}
            onClick={() => go(screenLinks.caseStats())}
            testId="screen-cases-penalties"
            size={28}
          />
          <Figure
            label={t('screen.cases.fines')}
            value={tenThousandYuan(f.cases?.finesFenThisYear ?? 0)}
            onClick={() => go(screenLinks.caseStats())}
            testId="screen-cases-fines"
            size={28}
          />
        </div>
      </Panel>
    </div>
  );
}
