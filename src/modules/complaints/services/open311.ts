import type { z } from 'zod';
import type { TOpen311Post, ZOpen311ListQuery } from '../../../contracts/open311.ts';
import type { Db } from '../../../db/client.ts';
import { open311Rows } from '../repos/open311.ts';
import { listCategories } from '../repos/reference.ts';
import { toOpen311Request } from '../view.ts';
import type { ComplaintService } from './complaints.ts';

const yuanToFen = (s: string) => {
  const [int, dec = ''] = s.split('.');
  return Number(int) * 100 + Number(dec.padEnd(2, '0'));
};

/** The attributes every service takes (GeoReport v2 service definition). */
const serviceAttributes = [
  {
    variable: true,
    code: 'kind',
    datatype: 'singlevaluelist',
    required: true,
    order: 1,
    description: '类型',
    values: [
      { key: 'complaint', name: '投诉' },
      { key: 'report', name: '举报' },
      { key: 'inquiry', name: '咨询' },
    ],
  },
  {
    variable: true,
    code: 'uscc',
    datatype: 'string',
    required: false,
    order: 2,
    description: '被投诉经营者统一社会信用代码',
  },
  { variable: true, code: 'business_name', datatype: 'string', required: false, order: 3, description: '经营者名称' },
  { variable: true, code: 'amount_yuan', datatype: 'number', required: false, order: 4, description: '涉及金额（元）' },
];

/**
 * Open311 GeoReport v2 over the 12315 workflow, for partners holding an api_key (the routes check it). What it
 * may publish is decided in repos/open311.ts: never a confidential item, no personal data, free text masked.
 */
export function createOpen311(db: Db, deps: { complaints: Pick<ComplaintService, 'intake'> }) {
  return {
    async services() {
      const rows = await listCategories(db);
      return rows
        .filter((c) => c.parentCode !== null)
        .map((c) => ({
          service_code: c.code,
          service_name: c.name,
          description: `12315 投诉举报：${c.name}`,
          metadata: true,
          type: 'realtime',
          keywords: 'complaint,report,inquiry,12315',
          group: rows.find((p) => p.code === c.parentCode)?.name ?? '',
        }));
    },

    definition: (code: string) => ({ service_code: code, attributes: serviceAttributes }),

    async submit(b: TOpen311Post) {
      const name = `${b.last_name ?? ''}${b.first_name ?? ''}`;
      const uscc = b['attribute[uscc]'];
      const result = await deps.complaints.intake(null, {
        kind: b['attribute[kind]'],
        channel: 'open311',
        person: { name, phone: b.phone, confidential: false },
        business:
          uscc || b['attribute[business_name]'] || b.address_string
            ? { uscc, name: b['attribute[business_name]'], address: b.address_string }
            : undefined,
        categoryCode: b.service_code,
        amountFen: b['attribute[amount_yuan]'] ? yuanToFen(b['attribute[amount_yuan]']) : undefined,
        description: b.description,
      });
      return result.items.map((i) => ({
        service_request_id: i.trackingCode,
        service_notice: `已受理登记，由${i.stationName}办理`,
        account_id: b.account_id ?? null,
      }));
    },

    async requests(q: z.infer<typeof ZOpen311ListQuery>) {
      const rows = await open311Rows(
        db,
        {
          receivedFrom: q.start_date ?? new Date(Date.now() - 90 * 86_400_000).toISOString(),
          receivedBefore: q.end_date,
          categoryCode: q.service_code,
          status: q.status,
          trackingCodes: q.service_request_id?.split(',').map((s) => s.trim()),
        },
        1000,
      );
      return rows.map(toOpen311Request);
    },

    /** One request by its tracking code; undefined when there is none Open311 may show. */
    async request(trackingCode: string) {
      const [row] = await open311Rows(db, { trackingCodes: [trackingCode] }, 1);
      return row && [toOpen311Request(row)];
    },
  };
}

export type Open311Service = ReturnType<typeof createOpen311>;
