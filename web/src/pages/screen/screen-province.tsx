import { useQuery } from '@tanstack/react-query';
import type { CSSProperties } from 'react';
import { useNavigate } from 'react-router';
import { rollupApi, rollupKeys } from '../../api/rollup.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { screenColours } from './screen-options.ts';
import { Panel, tenThousandYuan } from './screen-parts.tsx';

const cell: CSSProperties = { padding: '3px 6px', textAlign: 'right', fontVariantNumeric: 'tabular-nums' };
const head: CSSProperties = { ...cell, color: screenColours.muted, fontWeight: 400, fontSize: 13 };
/** Rows that fit the panel's height on a 1080-pixel screen; the province page lists them all. */
const MAX_ROWS = 8;

/**
 * 省级汇总 on the screen: one row per subscribed city (its region code first), shown only when this installation
 * subscribes to cities. A click opens the province page.
 */
export function ProvincePanel({ poll }: { poll: number }) {
  const t = useT();
  const go = useNavigate();
  const regions = useQuery({
    queryKey: rollupKeys.regions(),
    queryFn: ({ signal }) => rollupApi.regions({ signal }),
    refetchInterval: poll,
    refetchIntervalInBackground: false,
  });
  const cities = regions.data?.cities ?? [];
  if (!regions.data?.configured || !cities.length) return null;
  const shown = cities.slice(0, MAX_ROWS);
  // A fixed height from its rows (the map above takes the rest): a wrapper outside the column's flex sizing.
  return (
    <div style={{ flex: 'none', display: 'flex' }}>
      <Panel title={t('nav.province')} extra={t('province.cities', { count: cities.length })} testId="screen-province">
        <button
          type="button"
          onClick={() => go('/province')}
          style={{ all: 'unset', cursor: 'pointer', display: 'block' }}
          data-testid="screen-province-open"
        >
          <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: 15, color: screenColours.text }}>
            <thead>
              <tr>
                <th style={{ ...head, textAlign: 'left' }}>{t('province.regionCode')}</th>
                <th style={{ ...head, textAlign: 'left' }}>{t('province.city')}</th>
                <th style={head}>{t('province.entities')}</th>
                <th style={head}>{t('province.abnormalListed')}</th>
                <th style={head}>{t('province.complaints')}</th>
                <th style={head}>{t('province.cases')}</th>
                <th style={head}>{t('screen.cases.fines')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <tr key={c.cityCode} data-testid={`screen-province-${c.cityCode}`}>
                  <td style={{ ...cell, textAlign: 'left', color: screenColours.accent }}>{c.cityCode}</td>
                  <td style={{ ...cell, textAlign: 'left' }}>
                    {c.name}
                    {c.problem && (
                      <span title={c.problem} style={{ color: screenColours.warn, marginLeft: 4 }}>
                        ⚠
                      </span>
                    )}
                  </td>
                  <td style={cell}>{c.entities.toLocaleString()}</td>
                  <td style={cell}>{c.abnormalListed.toLocaleString()}</td>
                  <td style={cell}>{c.complaints.toLocaleString()}</td>
                  <td style={cell}>{c.cases.toLocaleString()}</td>
                  <td style={cell}>{tenThousandYuan(c.finesFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </button>
      </Panel>
    </div>
  );
}
