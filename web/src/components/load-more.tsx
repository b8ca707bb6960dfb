import { Button, Typography } from 'antd';
import { useT } from '../i18n/i18n-context.tsx';

interface Props {
  hasMore: boolean;
  loading: boolean;
  count: number;
  onLoadMore: () => void;
}

/** Keyset pagination footer: the API gives a cursor, not page numbers, so lists grow by "加载更多". */
export function LoadMore({ hasMore, loading, count, onLoadMore }: Props) {
  const t = useT();
  return (
    <div style={{ textAlign: 'center', marginTop: 16 }}>
      {hasMore ? (
        <Button onClick={onLoadMore} loading={loading} data-testid="load-more">
          {t('common.loadMore')}
        </Button>
      ) : (
        count > 0 && <Typography.Text type="secondary">{t('common.allLoaded', { count })}</Typography.Text>
      )}
    </div>
  );
}
