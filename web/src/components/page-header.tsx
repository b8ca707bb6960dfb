import { Breadcrumb, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useT } from '../i18n/i18n-context.tsx';
import { crumbsFor } from './list-page/breadcrumb.ts';

interface Props {
  title: ReactNode;
  extra?: ReactNode;
  /** The breadcrumb follows the menu (list-page/breadcrumb.ts); false hides it (pages outside the layout). */
  breadcrumb?: boolean;
  /** The last crumb of a detail page when the title is more than text (tags beside a code). */
  crumb?: string;
}

/** Every page's header: breadcrumb from the menu, the title, and the page's main actions on the right. */
export function PageHeader({ title, extra, breadcrumb = true, crumb }: Props) {
  const t = useT();
  const { pathname } = useLocation();
  const crumbs = breadcrumb ? crumbsFor(pathname) : [];
  return (
    <>
      {crumbs.length > 0 && (
        <nav aria-label={t('list.breadcrumb')}>
          <Breadcrumb
            style={{ marginBottom: 8 }}
            data-testid="breadcrumb"
            items={crumbs.map((c, i) => {
              const label = c.detail ? (crumb ?? (typeof title === 'string' ? title : t(c.label))) : t(c.label);
              return { key: i, title: c.path ? <Link to={c.path}>{label}</Link> : label };
            })}
          />
        </nav>
      )}
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
    </>
  );
}
