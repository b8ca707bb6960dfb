import { Alert, Button, Card, Descriptions, Empty, List, Segmented, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { TPublicPenalty } from '../../../../src/contracts/case-disclosures.ts';
import { caseDisclosuresApi } from '../../api/case-disclosures.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { PortalSearchCard } from './portal-search-card.tsx';
import { PortalShell } from './portal-shell.tsx';

type Row = TPublicPenalty & { title?: string };

/** The summary fields of one decision (SAMR Order 45 Art. 7), one per line so a phone never scrolls sideways. */
function PenaltyFields({ p, full }: { p: Row; full: boolean }) {
  const t = useT();
  const wrap = { wordBreak: 'break-all' as const };
  return (
    <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
      <Descriptions.Item label={t('penalties.decisionNo')}>
        <span style={wrap} data-testid="penalty-no">
          {p.decisionNo}
        </span>
      </Descriptions.Item>
      {p.partyUscc && (
        <Descriptions.Item label={t('penalties.uscc')}>
          <Typography.Text copyable style={wrap}>
            {p.partyUscc}
          </Typography.Text>
          {full && (
            <>
              {' '}
              <Link to={`/portal/entities/${encodeURIComponent(p.partyUscc)}`}>{t('entityProfile.viewProfile')}</Link>
            </>
          )}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('penalties.violation')}>{p.violation}</Descriptions.Item>
      {full && <Descriptions.Item label={t('penalties.basis')}>{p.basis}</Descriptions.Item>}
      <Descriptions.Item label={t('penalties.content')}>
        <span data-testid="penalty-content">{p.content}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('penalties.authority')}>{p.authority}</Descriptions.Item>
      <Descriptions.Item label={t('penalties.decidedOn')}>{p.decidedOn}</Descriptions.Item>
      {full && <Descriptions.Item label={t('penalties.publishedOn')}>{p.publishedOn}</Descriptions.Item>}
      {full && <Descriptions.Item label={t('penalties.displayUntil')}>{p.displayUntil}</Descriptions.Item>}
    </Descriptions>
  );
}

/**
 * 行政处罚信息公示 on the portal, no login: search by name or USCC, a list of summaries, a detail view. The QR code
 * on a decision opens `?no=<decision number>`, which goes straight to that decision.
 */
export function PortalPenaltiesPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const no = params.get('no') ?? '';
  const id = Number(params.get('id')) || undefined;
  const typical = params.get('typical') === '1';
  const [text, setText] = useState(q);
  const [rows, setRows] = useState<Row[]>([]);
  const [detail, setDetail] = useState<Row>();
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();

  const load = async (cursor?: string) => {
    setLoading(true);
    setError(undefined);
    try {
      const page: { items: Row[]; nextCursor: string | null } = typical
        ? await caseDisclosuresApi.publicTypicalCases(cursor)
        : await caseDisclosuresApi.publicPenalties({ q: q || undefined, no: no || undefined, cursor });
      setRows((prev) => (cursor ? [...prev, ...page.items] : page.items));
      setNextCursor(page.nextCursor);
      // A decision number names one decision: open it at once.
      if (no && !cursor && page.items.length === 1) setDetail(page.items[0]);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setLoading(false);
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload from the first page when the search changes
  useEffect(() => {
    setText(q);
    setDetail(undefined);
    if (id) {
      setLoading(true);
      setError(undefined);
      caseDisclosuresApi
        .publicPenalty(id)
        .then(setDetail, (err: unknown) => setError(err instanceof Error ? err.message : String(err)))
        .finally(() => setLoading(false));
      return;
    }
    void load();
  }, [q, no, id, typical]);

  const search = (value: string) => {
    const v = value.trim();
    setParams(v ? { q: v } : {});
  };
  const open = (r: Row) => {
    setDetail(r);
    window.scrollTo({ top: 0 });
  };
  const back = () => {
    setDetail(undefined);
    if (id || no) setParams(q ? { q } : {});
  };

  const header = (
    <PortalSearchCard
      title={t('penalties.title')}
      intro={t('penalties.intro')}
      placeholder={t('penalties.search')}
      value={text}
      onChange={setText}
      onSearch={search}
      maxLength={100}
      testId="penalties-search"
    >
      <Segmented
        style={{ marginTop: 12 }}
        value={typical ? 'typical' : 'all'}
        onChange={(v) => setParams(v === 'typical' ? { typical: '1' } : {})}
        options={[
          { value: 'all', label: t('penalties.showAll') },
          { value: 'typical', label: t('penalties.typical') },
        ]}
      />
    </PortalSearchCard>
  );

  if (detail) {
    return (
      <PortalShell>
        {header}
        <Card
          style={{ marginTop: 16 }}
          title={
            <span style={{ whiteSpace: 'normal' }} data-testid="penalty-party">
              {detail.partyName}
            </span>
          }
          extra={
            <Button type="link" onClick={back} style={{ paddingInline: 0 }}>
              {t('penalties.back')}
            </Button>
          }
          data-testid="penalty-detail"
        >
          {detail.title && <Tag color="blue">{t('penalties.typical')}</Tag>}
          <PenaltyFields p={detail} full />
        </Card>
      </PortalShell>
    );
  }

  const emptyText = no ? t('penalties.noNotFound', { no }) : q ? t('penalties.notFound') : t('penalties.none');
  return (
    <PortalShell>
      {header}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
      {loading && id ? (
        <Spin style={{ display: 'block', marginTop: 24 }} />
      ) : (
        <List<Row>
          style={{ marginTop: 16 }}
          loading={loading && rows.length === 0}
          dataSource={rows}
          locale={{ emptyText: <Empty description={emptyText} /> }}
          renderItem={(r) => (
            <List.Item key={r.id} style={{ padding: 0, borderBlockEnd: 'none', marginBottom: 12 }}>
              <Card size="small" style={{ width: '100%' }} data-testid="public-penalty">
                <Typography.Text strong style={{ wordBreak: 'break-all' }} data-testid="penalty-party">
                  {r.partyName}
                </Typography.Text>
                {r.title && (
                  <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                    {r.title}
                  </Typography.Paragraph>
                )}
                <PenaltyFields p={r} full={false} />
                <Button type="link" onClick={() => open(r)} style={{ paddingInline: 0 }} data-testid="penalty-open">
                  {t('penalties.details')}
                </Button>
              </Card>
            </List.Item>
          )}
        />
      )}
      {nextCursor && !id && (
        <Button block loading={loading} onClick={() => load(nextCursor)} data-testid="penalties-more">
          {t('common.loadMore')}
        </Button>
      )}
    </PortalShell>
  );
}
