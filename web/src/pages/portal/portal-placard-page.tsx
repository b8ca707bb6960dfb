import { Alert, Card, Descriptions, Result, Spin, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import type { TPlacardVerification } from '../../../../src/contracts/food-placards.ts';
import { foodPlacardsApi } from '../../api/food-placards.ts';
import { errorText } from '../../components/load-error.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { codeLabel } from '../../i18n/known-key.ts';
import { useAsync } from '../../lib/use-async.ts';
import { PortalShell } from './portal-shell.tsx';

const verdictStyle = {
  valid: { status: 'success', colour: 'green' },
  superseded: { status: 'error', colour: 'red' },
  withdrawn: { status: 'error', colour: 'red' },
  forged: { status: 'error', colour: 'red' },
} as const;

/**
 * What a placard's QR code opens (phone first, no login): the signature checked on the server and the business's
 * current grade, so a forged placard, or one left up after a downgrade, says so in red.
 */
export function PortalPlacardPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const query = Object.fromEntries(['k', 'i', 'e', 'g', 'd', 's'].map((k) => [k, params.get(k) ?? '']));
  const state = useAsync((signal) => foodPlacardsApi.verify(query, { signal }), ['public', 'placard', query]);
  const v = state.data;
  return (
    <PortalShell>
      <Card title={t('foodPlacard.verify.title')} data-testid="placard-verify">
        {state.error ? (
          <Alert type="error" showIcon message={errorText(t, state.error).detail} />
        ) : !v ? (
          <Spin />
        ) : (
          <Verdict v={v} />
        )}
      </Card>
    </PortalShell>
  );
}

function Verdict({ v }: { v: TPlacardVerification }) {
  const { t } = useI18n();
  const grade = (g: string | null | undefined) => (g ? codeLabel(t, 'foodPlacard.grade', g) : '—');
  const style = verdictStyle[v.status];
  const detail =
    v.status === 'valid'
      ? t('foodPlacard.verify.validDetail', { authority: v.business?.authority ?? '' })
      : v.status === 'superseded'
        ? t('foodPlacard.verify.supersededDetail', { date: v.supersededOn ?? '—', grade: grade(v.supersededBy) })
        : v.status === 'withdrawn'
          ? t('foodPlacard.verify.withdrawnDetail')
          : t('foodPlacard.verify.forgedDetail');
  return (
    <>
      <Result
        status={style.status}
        style={{ padding: '8px 0' }}
        title={
          <Typography.Title level={2} style={{ color: style.colour === 'red' ? '#cf1322' : '#389e0d', margin: 0 }}>
            <span data-testid="placard-verdict" data-status={v.status}>
              {t(`foodPlacard.verify.${v.status}`)}
            </span>
          </Typography.Title>
        }
        subTitle={
          <Typography.Text type={style.colour === 'red' ? 'danger' : undefined} data-testid="placard-detail">
            {detail}
          </Typography.Text>
        }
      />
      {v.reason && (
        <Alert
          type="error"
          message={codeLabel(t, 'foodPlacard.verify.reason', v.reason)}
          style={{ marginBottom: 12 }}
        />
      )}
      {v.placard && v.business && (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('foodPlacard.verify.business')}>{v.business.name}</Descriptions.Item>
          <Descriptions.Item label={t('foodPlacard.verify.licenceNo')}>
            <span style={{ wordBreak: 'break-all' }}>{v.business.licenceNo ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('foodPlacard.verify.placardGrade')}>
            {grade(v.placard.grade)} · {v.placard.issuedOn}
          </Descriptions.Item>
          <Descriptions.Item label={t('foodPlacard.verify.currentGrade')}>
            <Tag color={v.status === 'valid' ? 'green' : 'red'} data-testid="placard-current">
              {grade(v.current?.grade)}
            </Tag>
            {v.current?.gradedOn}
          </Descriptions.Item>
          <Descriptions.Item label={t('foodPlacard.verify.latestInspection')}>
            {v.latestInspection
              ? `${v.latestInspection.inspectedOn} · ${v.latestInspection.result ? codeLabel(t, 'foodPlacard.verify.result', v.latestInspection.result) : ''}`
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('foodPlacard.verify.authority')}>{v.business.authority}</Descriptions.Item>
        </Descriptions>
      )}
    </>
  );
}
