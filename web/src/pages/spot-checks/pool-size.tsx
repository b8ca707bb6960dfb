import { Button } from 'antd';
import { useState } from 'react';
import { spotChecksApi } from '../../api/spot-checks.ts';
import { useT } from '../../i18n/i18n-context.tsx';

/** A pool's current size by risk class, counted on demand (a count over the registry is not free). */
export function PoolSize({ id }: { id: number }) {
  const t = useT();
  const [text, setText] = useState<string>();
  return text ? (
    <span>{text}</span>
  ) : (
    <Button
      size="small"
      onClick={() =>
        spotChecksApi.previewPool(id).then((p) =>
          setText(
            t('spot.pool.sizeText', {
              size: p.size,
              A: p.byClass.A,
              B: p.byClass.B,
              C: p.byClass.C,
              D: p.byClass.D,
              unclassified: p.unclassified,
            }),
          ),
        )
      }
    >
      {t('spot.pool.count')}
    </Button>
  );
}
