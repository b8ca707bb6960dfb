import { Empty, Timeline, Typography } from 'antd';
import type { TEntityDetail } from '../../../../src/contracts/entities.ts';
import { type Lang, type Translate, useI18n } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/zh-cn.ts';
import { formatDateTime } from '../../lib/format.ts';
import { entityStatusLabel, eventKindLabel, industryLabel, yuanFromFen } from './entity-refs.ts';

type Event = TEntityDetail['events'][number];

const fieldKeys: Record<string, MessageKey> = {
  name: 'entities.name',
  address: 'entities.address',
  legalRepName: 'entities.legalRep',
  legalRepIdNumber: 'entities.legalRepId',
  phone: 'entities.phone',
  regionCode: 'entities.regionCode',
  stationId: 'entities.station',
  industryCode: 'entities.industry',
  registeredCapitalFen: 'entities.capital',
  businessScope: 'entities.businessScope',
  status: 'entities.status',
};

const asRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

function show(t: Translate, lang: Lang, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'status') return entityStatusLabel(t, String(value));
  if (field === 'industryCode') return industryLabel(String(value));
  if (field === 'registeredCapitalFen' && typeof value === 'number') return yuanFromFen(t, lang, value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

const colors: Record<string, string> = { establish: 'green', change: 'blue', revoke: 'red', deregister: 'gray' };

/** Establishment, changes, deregistration …, newest first, with each changed field's before → after. */
export function EntityHistory({ events }: { events: Event[] }) {
  const { t, lang } = useI18n();
  if (events.length === 0) return <Empty description={t('entities.noHistory')} />;
  const sorted = [...events].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
  const items = sorted.map((e) => {
    const before = asRecord(e.before);
    const after = asRecord(e.after);
    // Establishment keeps the whole record in `after`; listing every field would drown the timeline.
    const fields = e.kind === 'establish' ? [] : [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return {
      key: e.id,
      color: colors[e.kind] ?? 'blue',
      content: (
        <div data-testid="entity-event">
          <Typography.Text strong>{eventKindLabel(t, e.kind)}</Typography.Text>
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            {e.occurredOn} · {e.actorName ?? '—'} · {formatDateTime(e.createdAt, lang)}
          </Typography.Text>
          {fields.map((f) => (
            <div key={f}>
              {fieldKeys[f] ? t(fieldKeys[f]) : f}
              {t('entities.labelSep')}
              <Typography.Text delete>{show(t, lang, f, before[f])}</Typography.Text>
              {' → '}
              <Typography.Text>{show(t, lang, f, after[f])}</Typography.Text>
            </div>
          ))}
          {e.note && (
            <div>
              {t('entities.note')}
              {t('entities.labelSep')}
              {e.note}
            </div>
          )}
        </div>
      ),
    };
  });
  return <Timeline items={items} />;
}
