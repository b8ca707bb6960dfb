import { Alert, Card, Descriptions, Empty, Result, Space, Spin, Tag, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TPublicPenalty } from '../../../../src/contracts/case-disclosures.ts';
import type { TPublicCreditListing, TPublicEntityProfile } from '../../../../src/contracts/entity-profile.ts';
import { entityProfileApi, openDataUrl } from '../../api/entity-profile.ts';
import { type ApiError, toApiError } from '../../api/errors.ts';
import { errorText } from '../../components/load-error.tsx';
import { StatusTag } from '../../components/status-tag.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { codeLabel } from '../../i18n/known-key.ts';
import { PortalShell } from './portal-shell.tsx';
import { PublicResultCard } from './public-result-card.tsx';

const wrap = { wordBreak: 'break-all' as const };
const reportColours = { filed: 'green', notFiled: 'red', open: 'blue' } as const;

/** A titled section of the profile; an empty one says so instead of showing nothing. */
function Section({
  title,
  testId,
  empty,
  children,
}: {
  title: string;
  testId: string;
  empty?: string;
  children?: ReactNode;
}) {
  return (
    <Card title={title} size="small" style={{ marginTop: 16 }} data-testid={testId}>
      {empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> : children}
    </Card>
  );
}

function ListingCard({ l }: { l: TPublicCreditListing }) {
  const { t } = useI18n();
  return (
    <Card size="small" type="inner" style={{ marginBottom: 8 }} data-testid="credit-listing">
      <Space wrap>
        <Typography.Text strong>{codeLabel(t, 'entityProfile.list', l.list)}</Typography.Text>
        <Tag color={l.status === 'listed' ? 'red' : 'default'}>{codeLabel(t, 'entityProfile.listing', l.status)}</Tag>
      </Space>
      <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
        <Descriptions.Item label={t('entityProfile.listReason')}>{l.reason ?? l.groundLabel}</Descriptions.Item>
        <Descriptions.Item label={t('entityProfile.listedOn')}>{l.listedOn ?? '—'}</Descriptions.Item>
        {l.decisionNo && (
          <Descriptions.Item label={t('entityProfile.decisionNo')}>
            <span style={wrap}>{l.decisionNo}</span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('entityProfile.authority')}>{l.authority}</Descriptions.Item>
        {l.removedOn && <Descriptions.Item label={t('entityProfile.removedOn')}>{l.removedOn}</Descriptions.Item>}
        {l.removalReason && (
          <Descriptions.Item label={t('entityProfile.removalReason')}>{l.removalReason}</Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

function PenaltyCard({ p }: { p: TPublicPenalty }) {
  const { t } = useI18n();
  return (
    <Card size="small" type="inner" style={{ marginBottom: 8 }} data-testid="profile-penalty">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('penalties.decisionNo')}>
          <span style={wrap}>{p.decisionNo}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('penalties.violation')}>{p.violation}</Descriptions.Item>
        <Descriptions.Item label={t('penalties.content')}>{p.content}</Descriptions.Item>
        <Descriptions.Item label={t('penalties.authority')}>{p.authority}</Descriptions.Item>
        <Descriptions.Item label={t('penalties.decidedOn')}>{p.decidedOn}</Descriptions.Item>
      </Descriptions>
      <Link to={`/portal/penalties?no=${encodeURIComponent(p.decisionNo)}`}>{t('entityProfile.penaltyDetails')}</Link>
    </Card>
  );
}

/** Registration facts, one per line so a phone never scrolls sideways. */
function Registration({ e }: { e: TPublicEntityProfile }) {
  const { t, lang } = useI18n();
  const person = e.type === 'individualBusiness';
  const capital =
    e.registeredCapitalFen === null
      ? null
      : t('entities.yuan', {
          amount: (e.registeredCapitalFen / 100).toLocaleString(lang, { maximumFractionDigits: 2 }),
        });
  return (
    <Descriptions column={1} size="small" data-testid="profile-registration">
      <Descriptions.Item label={t('entityProfile.uscc')}>
        <Typography.Text copyable style={wrap} data-testid="profile-uscc">
          {e.uscc}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('entityProfile.type')}>{codeLabel(t, 'entities.type', e.type)}</Descriptions.Item>
      <Descriptions.Item label={t(person ? 'entityProfile.operator' : 'entityProfile.legalRep')}>
        <span data-testid="profile-legal-rep">{e.legalRepName ?? '—'}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('entityProfile.establishedOn')}>{e.establishedOn}</Descriptions.Item>
      <Descriptions.Item label={t('entityProfile.status')}>
        <StatusTag workflow="entity" status={e.status} />
      </Descriptions.Item>
      <Descriptions.Item label={t(person ? 'entityProfile.businessPlace' : 'entityProfile.address')}>
        {e.address ?? '—'}
      </Descriptions.Item>
      {e.industryCode && (
        <Descriptions.Item label={t('entityProfile.industry')}>
          {e.industryName ? `${e.industryCode} ${e.industryName}` : e.industryCode}
        </Descriptions.Item>
      )}
      {capital && <Descriptions.Item label={t('entityProfile.capital')}>{capital}</Descriptions.Item>}
      <Descriptions.Item label={t('entityProfile.regulator')}>{e.regulator}</Descriptions.Item>
      {e.businessScope && <Descriptions.Item label={t('entityProfile.scope')}>{e.businessScope}</Descriptions.Item>}
    </Descriptions>
  );
}

/** One entity's public record (企业信息公示), no login: the page a search result or a QR code opens. */
export function PortalEntityPage() {
  const { t } = useI18n();
  const { uscc = '' } = useParams();
  const [profile, setProfile] = useState<TPublicEntityProfile>();
  const [error, setError] = useState<ApiError>();

  useEffect(() => {
    const abort = new AbortController();
    setProfile(undefined);
    setError(undefined);
    entityProfileApi.profile(uscc, { signal: abort.signal }).then(setProfile, (err: unknown) => {
      if (!abort.signal.aborted) setError(toApiError(err));
    });
    return () => abort.abort();
  }, [uscc]);

  const back = <Link to="/portal/entities">{t('entityProfile.backToSearch')}</Link>;
  if (error) {
    const { title, detail } = errorText(t, error);
    return (
      <PortalShell>
        <Result
          status={error.status === 404 ? '404' : 'warning'}
          title={title}
          subTitle={<span data-testid="profile-error">{detail}</span>}
          extra={back}
        />
      </PortalShell>
    );
  }
  if (!profile) {
    return (
      <PortalShell>
        <Spin style={{ display: 'block', marginTop: 48 }} />
      </PortalShell>
    );
  }
  const e = profile;
  const more = (to: string) => (
    <Link to={to} style={{ display: 'inline-block', marginTop: 4 }}>
      {t('entityProfile.more')}
    </Link>
  );
  return (
    <PortalShell>
      <div style={{ marginBottom: 8 }}>{back}</div>
      <Card
        title={
          <span style={{ whiteSpace: 'normal', ...wrap }} data-testid="profile-name">
            {e.name}
          </span>
        }
        size="small"
      >
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('entityProfile.registration')}
        </Typography.Title>
        <Registration e={e} />
      </Card>

      <Section
        title={t('entityProfile.annualReports')}
        testId="profile-reports"
        empty={e.annualReports.length === 0 ? t('entityProfile.noReportsDue') : undefined}
      >
        {e.annualReports.map((r) => (
          <div key={r.reportYear} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 6 }}>
            <Typography.Text>{t('entityProfile.reportYear', { year: r.reportYear })}</Typography.Text>
            <Tag color={reportColours[r.status]}>{codeLabel(t, 'entityProfile.report', r.status)}</Tag>
            {r.filedOn && (
              <Typography.Text type="secondary">{t('entityProfile.filedOn', { date: r.filedOn })}</Typography.Text>
            )}
          </div>
        ))}
      </Section>

      <Section
        title={t('entityProfile.creditListings')}
        testId="profile-credit"
        empty={e.creditListings.length === 0 ? t('entityProfile.noListings') : undefined}
      >
        {e.creditListings.map((l) => (
          <ListingCard key={`${l.list}-${l.listedOn}-${l.decisionNo}`} l={l} />
        ))}
      </Section>

      <Section
        title={t('entityProfile.spotChecks')}
        testId="profile-spot-checks"
        empty={e.spotChecks.length === 0 ? t('entityProfile.noSpotChecks') : undefined}
      >
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          {e.spotChecks.map((r) => (
            <PublicResultCard key={r.visitId} r={r} showEntity={false} />
          ))}
        </Space>
        {e.spotChecksMore && more(`/portal/spot-checks?q=${encodeURIComponent(e.uscc)}`)}
      </Section>

      <Section
        title={t('entityProfile.penalties')}
        testId="profile-penalties"
        empty={e.penalties.length === 0 ? t('entityProfile.noPenalties') : undefined}
      >
        {e.penalties.map((p) => (
          <PenaltyCard key={p.id} p={p} />
        ))}
        {e.penaltiesMore && more(`/portal/penalties?q=${encodeURIComponent(e.uscc)}`)}
      </Section>

      <Alert
        type="info"
        style={{ marginTop: 16 }}
        title={t('entityProfile.asOf', { date: e.asOf })}
        description={
          <a href={openDataUrl(e.uscc)} target="_blank" rel="noreferrer">
            {t('entityProfile.openData')}
          </a>
        }
      />
    </PortalShell>
  );
}
