import type { TEntityCreate } from '../../src/contracts/entities.ts';
import type { Queryable } from '../../src/db/client.ts';
import { bigramTsvector } from '../../src/domain/bigrams.ts';
import { makeIdCard } from '../../src/domain/id-card.ts';
import { makeUscc } from '../../src/domain/uscc.ts';

let sequence = 0;
const prefixes = { enterprise: '91', individualBusiness: '92', farmerCooperative: '93' } as const;

/** A valid create-entity body with a fresh USCC; override any field. */
export function makeEntity(overrides: Partial<TEntityCreate> = {}): TEntityCreate {
  sequence++;
  const type = overrides.type ?? 'enterprise';
  const subject = `T${String(process.pid % 1000).padStart(3, '0')}${String(sequence).padStart(4, '0')}`;
  return {
    type,
    uscc: makeUscc(prefixes[type], '440605', subject),
    name: `佛山市南海区测试${sequence}号贸易有限公司`,
    address: `佛山市南海区桂城街道南海大道${sequence}号`,
    establishedOn: '2024-03-15',
    legalRepName: '陈测试',
    legalRepIdNumber: makeIdCard('440605', '19850412', String(100 + (sequence % 900))),
    phone: '13800138000',
    industryCode: '5191',
    ...overrides,
  } as TEntityCreate;
}

/**
 * Inserts `count` entities at a station named `${prefix}${n}${suffix}` in one statement (searches and totals need
 * thousands). The name's bigrams are those of prefix + suffix: the number adds none a test searches for.
 */
export async function insertNamedEntities(
  q: Queryable,
  opts: { stationCode: string; count: number; prefix: string; suffix?: string },
): Promise<void> {
  const suffix = opts.suffix ?? '';
  await q.query(
    `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on)
     SELECT 'N' || $5 || lpad(g::text, 10, '0') || md5($1 || g)::char(4), 'enterprise', $1 || g || $2, $3::tsvector,
            (SELECT id FROM org_units WHERE code = $5), '2020-01-01'
       FROM generate_series(1, $4::int) g`,
    [opts.prefix, suffix, bigramTsvector(opts.prefix + suffix), opts.count, opts.stationCode],
  );
}
