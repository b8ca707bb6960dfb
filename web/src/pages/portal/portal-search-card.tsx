import { Card, Input, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n-context.tsx';

/** The portal pages' search head: a title, a line saying what is searched, the search box, optional extras below. */
export function PortalSearchCard(props: {
  title: string;
  intro: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  onSearch: (value: string) => void;
  maxLength: number;
  testId: string;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <Card title={props.title}>
      <Typography.Paragraph type="secondary">{props.intro}</Typography.Paragraph>
      <Input.Search
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        onSearch={props.onSearch}
        placeholder={props.placeholder}
        enterButton={t('common.search')}
        allowClear
        maxLength={props.maxLength}
        data-testid={props.testId}
      />
      {props.children}
    </Card>
  );
}
