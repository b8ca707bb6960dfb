import { App, Button, Card, Descriptions, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { TFoodGradingRulesVersion } from '../../../../../src/contracts/food-rules.ts';
import { foodRulesApi } from '../../../api/food-rules.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { errorDetail, LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';
import { type RulesField, rulesGroups, ruleValue } from './rules-fields.ts';
import { RulesFormModal } from './rules-form-modal.tsx';

/**
 * 量化分级规则: every version with what each value means, the active one highlighted; holders of food:settings make
 * a new version from the active one and activate a version (after a confirm).
 */
export function FoodRulesPage() {
  const t = useT();
  const { message, modal } = App.useApp();
  const canEdit = useAuth().can('food:settings');
  const { data, error, reload } = useAsync((signal) => foodRulesApi.list({ signal }), ['food', 'grading-rules']);
  const [editing, setEditing] = useState(false);
  if (error) return <LoadError error={error} onRetry={reload} />;
  const versions = data?.versions ?? [];
  const active = versions.find((v) => v.active);

  const show = (v: TFoodGradingRulesVersion, f: RulesField) => {
    const value = ruleValue(v.config, f);
    if (value === null) return t('foodRules.none');
    if (typeof value === 'boolean') return value ? t('foodRules.yes') : t('foodRules.no');
    return String(value);
  };

  const activate = (v: TFoodGradingRulesVersion) =>
    modal.confirm({
      title: t('foodRules.activateConfirm', { version: v.version }),
      content: t('foodRules.activateHint'),
      okButtonProps: { 'data-testid': 'rules-activate-ok' },
      onOk: async () => {
        try {
          await foodRulesApi.activate(v.version);
          message.success(t('foodRules.activated', { version: v.version }));
          reload();
        } catch (err) {
          message.error(errorDetail(t, err));
        }
      },
    });

  return (
    <>
      <PageHeader
        title={t('foodRules.title')}
        extra={
          canEdit && active ? (
            <Button type="primary" onClick={() => setEditing(true)} data-testid="rules-new">
              {t('foodRules.new')}
            </Button>
          ) : undefined
        }
      />
      <Typography.Paragraph type="secondary">{t('foodRules.intro')}</Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }}>
        {versions.map((v) => (
          <Card
            key={v.version}
            size="small"
            data-testid={`rules-version-${v.version}`}
            style={v.active ? { borderColor: '#52c41a' } : undefined}
            title={
              <Space wrap>
                {`v${v.version} ${v.name}`}
                {v.active && <Tag color="green">{t('foodRules.active')}</Tag>}
                {v.note && <Typography.Text type="secondary">{v.note}</Typography.Text>}
              </Space>
            }
            extra={
              canEdit && !v.active ? (
                <Button size="small" onClick={() => activate(v)} data-testid={`rules-activate-${v.version}`}>
                  {t('foodRules.activate')}
                </Button>
              ) : undefined
            }
          >
            {rulesGroups.map(({ group, fields }) => (
              <Descriptions
                key={group}
                size="small"
                title={t(`foodRules.group.${group}`)}
                column={{ xs: 1, md: 2 }}
                style={{ marginBottom: 12 }}
              >
                {fields.map((f) => (
                  <Descriptions.Item
                    key={f}
                    label={<Tooltip title={t(`foodRules.help.${f}`)}>{t(`foodRules.field.${f}`)}</Tooltip>}
                  >
                    {show(v, f)}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            ))}
            <Typography.Text type="secondary">
              {`${t('foodRules.createdBy')} ${v.createdByName ?? ''} ${new Date(v.createdAt).toLocaleString()}`}
              {v.activatedAt &&
                ` · ${t('foodRules.activatedBy')} ${v.activatedByName ?? ''} ${new Date(v.activatedAt).toLocaleString()}`}
            </Typography.Text>
          </Card>
        ))}
      </Space>
      {editing && active && (
        <RulesFormModal
          from={active}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            reload();
          }}
        />
      )}
    </>
  );
}
