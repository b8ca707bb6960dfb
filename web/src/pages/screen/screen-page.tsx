import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { toApiError } from '../../api/errors.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { screenApi } from '../../api/screen.ts';
import { useMe } from '../../auth/auth-context.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { ScreenChart } from './screen-chart.tsx';
import { screenLinks } from './screen-links.ts';
import { mapOption, screenColours } from './screen-options.ts';
import { Figure, Panel, row, tenThousandYuan } from './screen-parts.tsx';
import { ProvincePanel } from './screen-province.tsx';
import { LeftColumn, RightColumn } from './screen-sections.tsx';

/** The rollup changes every 5 minutes; the page asks every minute, only while the tab is visible. */
const POLL_MS = 60_000;

/** Year-on-year change in per cent, or a dash without last year's figure. */
const yoy = (now: number, before: number) =>
  before ? `${now >= before ? '+' : ''}${(((now - before) / before) * 100).toFixed(1)}%` : '—';

/**
 * 智慧大脑: the district at a glance on a 1920×1080 wall screen (dark, no scrolling). Every figure comes from the
 * rollup GET /api/v1/screen reads (refreshed by the job screen.refresh) and opens its list when clicked.
 */
export function ScreenPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const go = useNavigate();
  // The query client treats a hidden tab as unfocused: the interval pauses and resumes when it is shown again.
  const screen = useQuery({
    queryKey: queryKeys.screen.get(),
    queryFn: ({ signal }) => screenApi.get(undefined, { signal }),
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
  });
  useEffect(() => {
    const previous = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    document.body.style.background = '#06122b';
    return () => {
      document.body.style.overflow = previous;
      document.body.style.background = '';
    };
  }, []);

  const data = screen.data;
  const f = data?.figures ?? {};
  const c = f.complaints;
  const today = data?.today ?? '';
  return (
    <div
      data-testid="screen"
      style={{
        position: 'fixed',
        inset: 0,
        overflow: 'hidden',
        display: 'grid',
        gridTemplateRows: '72px 1fr',
        background: 'radial-gradient(ellipse at center, #0d2a57 0%, #06122b 70%)',
        color: screenColours.text,
        fontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", sans-serif',
      }}
    >
      <header
        style={{
          display: 'grid',
          gridTemplateColumns: '1fr auto 1fr',
          alignItems: 'center',
          padding: '0 24px',
          borderBottom: '1px solid rgba(63, 208, 255, 0.35)',
        }}
      >
        <span style={{ color: screenColours.muted, fontSize: 15 }}>{today}</span>
        <h1 style={{ margin: 0, fontSize: 32, letterSpacing: 4, color: '#ffffff' }} data-testid="screen-title">
          {t('screen.title', { unit: me.user.unitName })}
        </h1>
        <span style={{ justifySelf: 'end', color: screenColours.muted, fontSize: 15 }} data-testid="screen-updated">
          {data?.computedAt
            ? t('screen.updatedAt', { time: formatDateTime(data.computedAt, lang) })
            : data && t('screen.notComputed')}
        </span>
      </header>
      {screen.error && !data ? (
        <div style={{ padding: 48 }}>
          <LoadError error={toApiError(screen.error)} onRetry={() => void screen.refetch()} />
        </div>
      ) : (
        <main
          style={{
            display: 'grid',
            gridTemplateColumns: '460px 1fr 460px',
            gap: 16,
            padding: 16,
            minHeight: 0,
          }}
        >
          <LeftColumn f={f} today={today} />
          <div style={{ display: 'flex', flexDirection: 'column', gap: 14, minHeight: 0 }}>
            <div style={row}>
              <Figure
                label={t('screen.complaints.today')}
                value={(c?.today ?? 0).toLocaleString()}
                onClick={() => go(screenLinks.complaintsReceived(today, today))}
                testId="screen-complaints-today"
                size={40}
              />
              <Figure
                label={t('screen.complaints.thisMonth')}
                value={(c?.thisMonth ?? 0).toLocaleString()}
                note={t('screen.complaints.yoy', { change: yoy(c?.thisMonth ?? 0, c?.sameMonthLastYear ?? 0) })}
                onClick={() => go(screenLinks.complaintsReceived(`${today.slice(0, 7)}-01`, today))}
                testId="screen-complaints-month"
                size={40}
              />
              <Figure
                label={t('screen.complaints.overdue')}
                value={(c?.overdue ?? 0).toLocaleString()}
                warn={(c?.overdue ?? 0) > 0}
                onClick={() => go(screenLinks.complaintsOverdue())}
                testId="screen-complaints-overdue"
                size={40}
              />
              <Figure
                label={t('screen.complaints.recovered')}
                value={tenThousandYuan(c?.recoveredFenThisYear ?? 0)}
                onClick={() => go(screenLinks.complaintAnalysis())}
                testId="screen-complaints-recovered"
                size={40}
              />
            </div>
            <Panel title={t('screen.map')} extra={t('screen.map.schematic')} testId="screen-map">
              <div style={{ flex: 1, minHeight: 0 }}>
                {data && (
                  <ScreenChart
                    option={mapOption(t, data.stations)}
                    onClick={(p) => {
                      const station = data.stations.find((s) => s.code === p.name);
                      if (station) go(screenLinks.entitiesOfStation(station.unitId));
                    }}
                    testId="screen-map-chart"
                  />
                )}
              </div>
            </Panel>
            <ProvincePanel poll={POLL_MS} />
          </div>
          <RightColumn f={f} />
        </main>
      )}
    </div>
  );
}
