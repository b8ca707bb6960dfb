import { FrownOutlined, MehOutlined, SmileOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, List, Spin, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TGradeNotes } from '../../../../../src/contracts/food-appeals.ts';
import type {
  TPublicFoodBusiness,
  TPublicFoodDetail,
  TPublicHonourList,
} from '../../../../../src/contracts/food-public.ts';
import { foodPublicApi } from '../../../api/food-public.ts';
import { errorDetail } from '../../../components/load-error.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../../i18n/zh-cn.ts';
import { PortalSearchCard } from '../../portal/portal-search-card.tsx';
import { PortalShell } from '../../portal/portal-shell.tsx';
import { usePortalSearch } from '../../portal/use-portal-search.ts';

type Grade = TPublicFoodBusiness['dynamicGrade'];

/** The 2012 guidance's faces: 优秀 大笑, 良好 微笑, 一般 平脸; 不予评级 has none. */
function GradeFace({ grade, big }: { grade: Grade; big?: boolean }) {
  const t = useT();
  if (!grade) return <Tag>{t('foodPublic.noGrade')}</Tag>;
  const size = big ? 40 : 20;
  const face =
    grade.face === 'laugh' ? (
      <SmileOutlined style={{ fontSize: size, color: '#389e0d' }} />
    ) : grade.face === 'smile' ? (
      <SmileOutlined style={{ fontSize: size, color: '#1677ff' }} />
    ) : grade.face === 'plain' ? (
      <MehOutlined style={{ fontSize: size, color: '#d48806' }} />
    ) : (
      <FrownOutlined style={{ fontSize: size, color: '#8c8c8c' }} />
    );
  return (
    <span data-testid="food-grade" style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      {face}
      <strong>{grade.label}</strong>
    </span>
  );
}

function HonourBoards() {
  const t = useT();
  const [lists, setLists] = useState<TPublicHonourList[]>();
  useEffect(() => {
    foodPublicApi
      .honourLists()
      .then((p) => setLists(p.items))
      .catch(() => setLists([]));
  }, []);
  if (!lists) return <Spin />;
  if (!lists.length) return <Empty description={t('foodPublic.noHonour')} />;
  return (
    <>
      {lists.map((l) => (
        <Card key={l.id} size="small" title={`${l.stationName} · ${l.month}`} style={{ marginBottom: 12 }}>
          <Tabs
            size="small"
            items={(['red', 'black'] as const).map((board) => ({
              key: board,
              label: t('foodPublic.boardCount', {
                board: t(board === 'red' ? 'foodPublic.red' : 'foodPublic.black'),
                n: l[board].length,
              }),
              children: (
                <List
                  size="small"
                  dataSource={l[board]}
                  locale={{ emptyText: t('foodPublic.emptyBoard') }}
                  renderItem={(e) => (
                    <List.Item>
                      <div>
                        <Link to={`/portal/food/${e.businessId}`}>{e.businessName}</Link>{' '}
                        {e.segment === 'workshop' && <Tag>{t('foodPublic.workshop')}</Tag>}
                        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                          {e.reasons.join(t('common.messageSeparator'))}
                        </Typography.Text>
                      </div>
                    </List.Item>
                  )}
                />
              ),
            }))}
          />
        </Card>
      ))}
    </>
  );
}

/** 餐饮食品安全公示 on the portal (phone first, no login): search, grades with faces, and the published 红黑榜. */
export function PortalFoodPage() {
  const t = useT();
  const { q, text, setText, rows, nextCursor, loading, error, search, loadMore } = usePortalSearch(
    foodPublicApi.search,
    'foodPublic.searchHint',
  );

  return (
    <PortalShell>
      <PortalSearchCard
        title={t('foodPublic.title')}
        intro={t('foodPublic.intro')}
        placeholder={t('foodPublic.searchPlaceholder')}
        value={text}
        onChange={setText}
        onSearch={search}
        maxLength={60}
        testId="food-search"
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
      {q && (
        <List<TPublicFoodBusiness>
          style={{ marginTop: 16 }}
          loading={loading && rows.length === 0}
          dataSource={rows}
          locale={{ emptyText: <Empty description={t('foodPublic.notFound')} /> }}
          renderItem={(b) => (
            <List.Item key={b.id} style={{ padding: 0, borderBlockEnd: 'none', marginBottom: 12 }}>
              <Card size="small" style={{ width: '100%' }} data-testid="food-result">
                <Link to={`/portal/food/${b.id}`} style={{ fontWeight: 600, wordBreak: 'break-all' }}>
                  {b.name}
                </Link>
                <div style={{ marginTop: 8 }}>
                  <GradeFace grade={b.dynamicGrade} />
                  {b.annualGrade && (
                    <Tag style={{ marginLeft: 8 }}>{`${t('foodPublic.annual')} ${b.annualGrade.label}`}</Tag>
                  )}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                  {b.licenceNo ?? '—'} · {b.stationName}
                </Typography.Text>
              </Card>
            </List.Item>
          )}
        />
      )}
      {nextCursor && (
        <Button block loading={loading} onClick={loadMore}>
          {t('common.loadMore')}
        </Button>
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('foodPublic.honourTitle')}
      </Typography.Title>
      <HonourBoards />
    </PortalShell>
  );
}

/** One business: its grade with the face beside its published reply, the annual grade, the latest inspection. */
export function PortalFoodBusinessPage() {
  const t = useT();
  const id = Number(useParams().id);
  const [b, setB] = useState<TPublicFoodDetail>();
  const [error, setError] = useState<string>();
  const [notes, setNotes] = useState<TGradeNotes>();
  useEffect(() => {
    foodPublicApi
      .business(id)
      .then(setB)
      .catch((err) => setError(errorDetail(t, err)));
    foodPublicApi
      .gradeNotes(id)
      .then(setNotes)
      .catch(() => setNotes(undefined));
  }, [id, t]);
  const decided = (notes?.appeals ?? []).filter((a) => a.status !== 'pending');
  return (
    <PortalShell>
      {error && <Alert type="error" showIcon title={error} />}
      {!b && !error && <Spin />}
      {b && (
        <Card title={<span style={{ whiteSpace: 'normal' }}>{b.name}</span>} data-testid="food-business">
          <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
            <div>
              <Typography.Text type="secondary">{t('foodPublic.dynamic')}</Typography.Text>
              <div>
                <GradeFace grade={b.dynamicGrade} big />
              </div>
              {b.dynamicGrade && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {b.dynamicGrade.gradedOn}
                </Typography.Text>
              )}
            </div>
            {b.reply && (
              <Alert
                style={{ flex: 1, minWidth: 200 }}
                type="info"
                title={t('foodPublic.reply')}
                description={b.reply.body}
                data-testid="food-reply"
              />
            )}
          </div>
          {decided.map((a) => (
            <Alert
              key={a.gradeId}
              style={{ marginTop: 12 }}
              type="warning"
              title={`${t('foodPublic.appealOutcome')} · ${t(`foodAppeals.status.${a.status}` as MessageKey)}${
                a.newGrade ? ` → ${t(`foodAppeals.grade.${a.newGrade}` as MessageKey)}` : ''
              } · ${a.decidedAt?.slice(0, 10) ?? ''}`}
              description={a.outcomeReason}
              data-testid="food-appeal-outcome"
            />
          ))}
          <Descriptions column={1} size="small" style={{ marginTop: 16 }}>
            <Descriptions.Item label={t('foodPublic.annual')}>{b.annualGrade?.label ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('foodPublic.latestInspection')}>
              {b.latestInspection
                ? `${b.latestInspection.inspectedOn} ${b.latestInspection.resultLabel ?? ''}`
                : t('foodPublic.awaitingInspection')}
            </Descriptions.Item>
            {b.licences.map((l) => (
              <Descriptions.Item key={l.licenceNo} label={l.kindLabel}>
                <span style={{ wordBreak: 'break-all' }}>
                  {t('common.withNote', { text: l.licenceNo, note: `${t('foodPublic.validUntil')} ${l.validUntil}` })}
                </span>
              </Descriptions.Item>
            ))}
            <Descriptions.Item label={t('foodPublic.address')}>{b.address ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('foodPublic.station')}>{b.stationName}</Descriptions.Item>
          </Descriptions>
          {b.honours.map((h) => (
            <Tag key={`${h.month}-${h.board}`} color={h.board === 'red' ? 'red' : 'default'}>
              {`${h.month} ${t(h.board === 'red' ? 'foodPublic.red' : 'foodPublic.black')}`}
            </Tag>
          ))}
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
            {t('foodPublic.asOf')} {b.asOf} · <a href={`/api/v1/public/food/businesses/${b.id}`}>JSON</a>
          </Typography.Paragraph>
        </Card>
      )}
    </PortalShell>
  );
}
