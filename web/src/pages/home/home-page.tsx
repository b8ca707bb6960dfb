import { Alert, Card, Col, Descriptions, Row, Tag } from 'antd';
import { type Permission, permissions } from '../../../../src/contracts/permissions.ts';
import { useMe } from '../../auth/auth-context.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { knownKey } from '../../i18n/known-key.ts';
import { CalendarStatusCard } from '../calendar/calendar-status.tsx';

/** Business modules whose permissions exist already but whose pages are not built yet. */
const upcomingPrefixes = ['dashboard:'];

export function HomePage() {
  const t = useT();
  const me = useMe();
  const upcoming = me.permissions.filter((p) => upcomingPrefixes.some((prefix) => p.startsWith(prefix)));
  // The upcoming permissions are named in the messages; one added on the server first shows its Chinese label.
  const label = (p: Permission) => {
    const key = knownKey(`home.permission.${p}`);
    return key ? t(key) : permissions[p];
  };
  return (
    <>
      <PageHeader title={t('home.welcome', { name: me.user.displayName })} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
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
                {
                  key: 'idle',
                  label: t('home.idle'),
                  children: t('home.idleMinutes', { minutes: me.idleTimeoutMinutes }),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <CalendarStatusCard />
        </Col>
        <Col span={24}>
          <Card title={t('home.modules')} size="small">
            <Alert type="info" showIcon title={t('home.modulesBuilding')} style={{ marginBottom: 12 }} />
            {upcoming.length > 0 ? (
              <div>
                {t('home.upcomingPermissions')}
                {upcoming.map((p) => (
                  <Tag key={p} style={{ marginTop: 8 }}>
                    {label(p)}
                  </Tag>
                ))}
              </div>
            ) : (
              t('home.noUpcoming')
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
