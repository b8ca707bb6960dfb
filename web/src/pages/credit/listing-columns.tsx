import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { TListing } from '../../../../src/contracts/credit.ts';

/** Which entity a listing is about: the first columns of every listing table, the name opening its credit view. */
export const listingEntityColumns: TableColumnsType<TListing> = [
  { title: '统一社会信用代码', dataIndex: 'uscc' },
  {
    title: '名称',
    dataIndex: 'entityName',
    render: (n: string, l) => <Link to={`/credit/entities/${l.entityId}`}>{n}</Link>,
  },
  { title: '管辖所', dataIndex: 'stationName' },
];
