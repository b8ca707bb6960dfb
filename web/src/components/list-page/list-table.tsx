import { ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Table, type TableColumnsType, type TableProps, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ApiError } from '../../api/errors.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { LoadError } from '../load-error.tsx';
import { LoadMore } from '../load-more.tsx';
import { ColumnSettingsButton } from './column-settings.tsx';
import { useColumnSettings } from './use-column-settings.ts';

/**
 * Where the rows come from, which decides the pager.
 *
 * - `keyset`: the API pages with a cursor (every list endpoint: ZPage in src/contracts/common.ts). Counting all
 *   matches is not cheap on these tables (complaints, audit log, login log, credit batches/listings/repairs,
 *   spot-check tasks and visits, users, jobs): the footer is "load more" with the number loaded so far. Pass
 *   `total` only where the API sends one (entities: an exact count up to 1,000, then the planner's estimate).
 * - `all`: the API returns the whole list in one answer (units, roles, the catalogue of one task): the count is
 *   free, so the table pages on the client with "N in total" and a page-size changer.
 */
export type ListSource<T> =
  | {
      kind: 'keyset';
      list: {
        items: T[];
        hasMore: boolean;
        loading: boolean;
        error: ApiError | undefined;
        reload: () => void;
        loadMore: () => void;
      };
      /** Text for the total the API reports (e.g. "about 12,000"); leave out where the API gives none. */
      total?: ReactNode;
    }
  | {
      kind: 'all';
      items: T[];
      loading: boolean;
      error?: ApiError;
      reload: () => void;
      pageSize?: number;
    };

export interface ListTableProps<T> extends Omit<TableProps<T>, 'columns' | 'dataSource' | 'loading' | 'pagination'> {
  /** Names the table: the column settings are stored under it, test ids start with it. */
  id: string;
  columns: TableColumnsType<T>;
  source: ListSource<T>;
  /** Left side of the toolbar: the table's title or its main actions (New …, batch actions). */
  actions?: ReactNode;
  /** An export button (or dropdown), for modules with an export endpoint; sits before refresh. */
  exportButton?: ReactNode;
}

/** A list page's table with its toolbar (actions · export · refresh · column settings) and its pager. */
export function ListTable<T extends object>({
  id,
  columns,
  source,
  actions,
  exportButton,
  ...table
}: ListTableProps<T>) {
  const t = useT();
  const settings = useColumnSettings(id, columns);
  const state = source.kind === 'keyset' ? source.list : source;
  const items = state.items;
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Space wrap>{actions}</Space>
        <Space wrap>
          {source.kind === 'keyset' && (
            <Typography.Text type="secondary" data-testid={`${id}-count`}>
              {source.total !== undefined ? source.total : t('list.loaded', { count: items.length })}
            </Typography.Text>
          )}
          {exportButton}
          <Tooltip title={t('common.refresh')}>
            <Button
              icon={<ReloadOutlined />}
              onClick={state.reload}
              loading={state.loading}
              aria-label={t('common.refresh')}
              data-testid={`${id}-refresh`}
            />
          </Tooltip>
          <ColumnSettingsButton
            columns={columns}
            hidden={settings.hidden}
            onChange={settings.setHidden}
            data-testid={`${id}-columns`}
          />
        </Space>
      </Flex>
      {state.error && <LoadError error={state.error} onRetry={state.reload} />}
      <Table<T>
        size="middle"
        scroll={{ x: 'max-content' }}
        {...table}
        columns={settings.visibleColumns}
        dataSource={items}
        loading={state.loading}
        pagination={
          source.kind === 'all'
            ? {
                defaultPageSize: source.pageSize ?? 20,
                showSizeChanger: true,
                hideOnSinglePage: false,
                showTotal: (total) => t('list.total', { total }),
              }
            : false
        }
      />
      {source.kind === 'keyset' && (
        <LoadMore
          hasMore={source.list.hasMore}
          loading={source.list.loading}
          count={items.length}
          onLoadMore={source.list.loadMore}
        />
      )}
    </>
  );
}
