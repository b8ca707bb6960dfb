import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ZEntityCreate } from '../../../contracts/entities.ts';
import { makeIdCard } from '../../../domain/id-card.ts';
import { makeUscc } from '../../../domain/uscc.ts';
import { type EntityCandidate, validEntity } from './valid-entity.ts';

/** Keys whose value is undefined dropped: the import treats a missing field and an undefined one alike. */
const defined = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

const validUscc = makeUscc('91', '440605', 'MA5GTFTJ');
const base: EntityCandidate = {
  type: 'enterprise',
  uscc: validUscc,
  name: '佛山市南海区某某五金制品有限公司',
  address: '佛山市南海区桂城街道南海大道北 88 号',
  establishedOn: '2019-06-18',
  legalRepName: '陈志强',
  legalRepIdNumber: makeIdCard('440605', '19800102', '123'),
  phone: '13800138000',
  regionCode: '440605101',
  industryCode: 'F5261',
  registeredCapitalFen: 50_000_000,
  businessScope: '五金制品制造；五金产品零售。',
  usccOverrideReason: undefined,
};

/** Values each field may take: valid ones, edge ones and invalid ones, as a file can give them. */
const choices: { [K in keyof EntityCandidate]: fc.Arbitrary<EntityCandidate[K]> } = {
  type: fc.constantFrom('enterprise', 'individualBusiness', 'farmerCooperative', undefined, 'other' as never),
  uscc: fc.constantFrom(
    validUscc,
    makeUscc('92', '440605', 'L12345AB'),
    makeUscc('93', '440605', '12345678'),
    makeUscc('11', '440605', '12345678'),
    ` ${validUscc.toLowerCase()} `,
    validUscc.replace(/.$/, '0'),
    validUscc.slice(0, 17),
    '９１４４０６０５ＭＡ５ＧＴＦＴＪＸ７',
    `${validUscc}${' '.repeat(30)}`,
    '',
  ),
  name: fc.constantFrom(
    '某',
    '某店',
    ' 某店 ',
    '名'.repeat(200),
    '名'.repeat(201),
    ` ${'名'.repeat(200)} `,
    '   ',
    '𠀀',
  ),
  address: fc.constantFrom('某地', '地', '址'.repeat(300), '址'.repeat(301), '  某地  '),
  establishedOn: fc.constantFrom('2019-06-18', '2024-02-29', '2023-02-29', '2023-13-01', '2023-1-1', '0000-01-01', ''),
  legalRepName: fc.constantFrom(
    undefined,
    '陈',
    ' ',
    '名'.repeat(50),
    '名'.repeat(51),
    '𠀀'.repeat(50),
    '𠀀'.repeat(26),
  ),
  legalRepIdNumber: fc.constantFrom(
    undefined,
    makeIdCard('440605', '19800102', '123'),
    makeIdCard('440605', '19800102', '123').toLowerCase(),
    ` ${makeIdCard('110101', '20000229', '001')} `,
    makeIdCard('990605', '19800102', '123'),
    makeIdCard('440605', '19800230', '123'),
    '44060519800102123',
    ` ${'4'.repeat(31)}`,
  ),
  phone: fc.constantFrom(undefined, '13800138000', ' 0757-86123456 ', '4001234567', '12345', '138 0013 8000'),
  regionCode: fc.constantFrom(undefined, '440605', '440605101', '440605101001', '4406051', ' 440605'),
  industryCode: fc.constantFrom(undefined, 'F5261', ' 5261 ', 'C', 'f5261', 'Z9999', 'F52611234567'),
  registeredCapitalFen: fc.constantFrom(undefined, 0, 50_000_000, -1, 1.5, Number.MAX_SAFE_INTEGER, 2 ** 53),
  businessScope: fc.constantFrom(undefined, '零售', ' ', '范'.repeat(4000), '范'.repeat(4001)),
  usccOverrideReason: fc.constant(undefined),
};

describe('validEntity: the contract without zod, for valid rows', () => {
  test('a typical row passes and gives what the contract gives', () => {
    const entity = validEntity(base);
    const parsed = ZEntityCreate.safeParse(base);
    assert.ok(entity && parsed.success);
    assert.deepEqual(defined(entity), defined(parsed.data));
  });

  test('accepts exactly the candidates ZEntityCreate accepts, with the same entity', () => {
    const keys = Object.keys(choices) as (keyof EntityCandidate)[];
    const same = (candidate: EntityCandidate) => {
      const entity = validEntity(candidate);
      const parsed = ZEntityCreate.safeParse(candidate);
      assert.equal(entity !== undefined, parsed.success, JSON.stringify(candidate));
      if (entity && parsed.success) assert.deepEqual(defined(entity), defined(parsed.data));
    };
    // A valid row with a few fields changed, so that each rule meets valid neighbours; then any mix.
    fc.assert(
      fc.property(fc.record(choices), fc.subarray(keys, { maxLength: 3 }), (c, changed) => {
        same({ ...base, ...Object.fromEntries(changed.map((k) => [k, c[k]])) });
      }),
      { numRuns: 3000 },
    );
    fc.assert(fc.property(fc.record(choices), same), { numRuns: 1000 });
  });
});
