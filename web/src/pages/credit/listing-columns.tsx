import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { TListing } from '../../../../src/contracts/credit.ts';
import type { Translate } from '../../i18n/i18n-context.tsx';

/** Which entity a listing is about: the first columns of every listing table, the name opening its credit view. */
export const listingEntityColumns = (t: Translate): TableColumnsType<TListing> => [
  { title: t('credit.uscc'), dataIndex: 'uscc' },
  {
    title: t('credit.entityName'),
    dataIndex: 'entityName',
    render: (n: string, l) => <Link to={`/credit/entities/${l.entityId}`}>{n}</Link>,
  },
  { title: t('credit.station'), dataIndex: 'stationName' },
];
