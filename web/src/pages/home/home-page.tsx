import { DashboardOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Row } from 'antd';
import { Link } from 'react-router';
import { useMe } from '../../auth/auth-context.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { CalendarStatusCard } from '../calendar/calendar-status.tsx';
import { RatingComparisonCard } from '../station-rating/rating-comparison.tsx';
import { InboxCard } from './inbox-card.tsx';
import { HotlineCard, MyVisitsCard, StationFiguresCard, SystemHealthCard, TeamWorkloadCard } from './role-cards.tsx';

/**
 * Which role cards a caller gets, from their permissions and data scope (custom roles get the cards their
 * permissions fit): system health for who administers roles and reads the login log; district figures for a
 * dashboard reader who sees everything; the station's figures and team for one who sees a unit (a chief); the
 * drawn visits for who enters spot-check results within a unit without dashboards (an inspector); the 12315 desk
 * for a handler without dashboards.
 */
export function homeCards(me: { permissions: readonly string[]; dataScope: string }) {
  const has = (p: string) => me.permissions.includes(p);
  const dashboard = has('dashboard:read');
  return {
    system: has('org:role:write') && has('audit:login:read'),
    district: dashboard && me.dataScope === 'all',
    station: dashboard && me.dataScope === 'unit_and_below',
    team: dashboard && me.dataScope === 'unit_and_below',
    visits: has('spotcheck:write') && me.dataScope !== 'all' && !dashboard,
    hotline: has('complaint:write') && !dashboard,
    // 两化 等级评定: the district's stations compared, for who sees every station's rating (a leader).
    stationRating: has('rating:read') && me.dataScope === 'all' && dashboard,
  };
}

export function HomePage() {
  const t = useT();
  const me = useMe();
  const cards = homeCards(me);
  return (
    <>
      <PageHeader
        title={t('home.welcome', { name: me.user.displayName })}
        extra={
          me.permissions.includes('screen:read') && (
            <Link to="/screen" data-testid="home-open-screen">
              <Button icon={<DashboardOutlined />}>{t('screen.open')}</Button>
            </Link>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Row gutter={[16, 16]}>
            <Col span={24}>
              <InboxCard />
            </Col>
            {cards.visits && (
              <Col span={24}>
                <MyVisitsCard />
              </Col>
            )}
            {cards.team && (
              <Col span={24}>
                <TeamWorkloadCard />
              </Col>
            )}
            {cards.stationRating && (
              <Col span={24}>
                <RatingComparisonCard />
              </Col>
            )}
          </Row>
        </Col>
        <Col xs={24} xl={10}>
          <Row gutter={[16, 16]}>
            {cards.system && (
              <Col span={24}>
                <SystemHealthCard />
              </Col>
            )}
            {cards.hotline && (
              <Col span={24}>
                <HotlineCard />
              </Col>
            )}
            {(cards.district || cards.station) && (
              <Col span={24}>
                <StationFiguresCard district={cards.district} />
              </Col>
            )}
            <Col span={24}>
              <Card title={t('home.account')} size="small">
                <Descriptions
                  size="small"
                  column={1}
                  data-testid="home-account"
                  items={[
                    {
                      key: 'user',
                      label: t('home.user'),
                      children: t('common.nameWithId', { name: me.user.displayName, id: me.user.username }),
                    },
                    { key: 'unit', label: t('home.unit'), children: me.user.unitName },
                    {
                      key: 'roles',
                      label: t('home.roles'),
                      children: me.roles.map((r) => r.name).join(t('common.separator')) || '—',
                    },
                    { key: 'scope', label: t('home.dataScope'), children: t(`scope.${me.dataScope}`) },
                  ]}
                />
              </Card>
            </Col>
            <Col span={24}>
              <CalendarStatusCard />
            </Col>
          </Row>
        </Col>
      </Row>
    </>
  );
}
