import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  authorityAbbreviation,
  disclosureUrl,
  documentFileName,
  documentNumber,
  parseDocumentNumber,
  rmbUpper,
} from './case-documents.ts';

test('the authority abbreviation drops province and city and keeps the district stem', () => {
  assert.equal(authorityAbbreviation('佛山市南海区市场监督管理局'), '南海市监');
  assert.equal(authorityAbbreviation('浙江省杭州市西湖区市场监督管理局'), '西湖市监');
  assert.equal(authorityAbbreviation('广西壮族自治区崇左市江州区市场监督管理局'), '江州市监');
  assert.equal(authorityAbbreviation('崇左市市场监督管理局'), '崇左市监');
  assert.equal(authorityAbbreviation('金华市义乌市市场监督管理局'), '义乌市监');
});

test('numbers: abbreviation, kind word, year in 〔〕, sequence; the 立案审批表 bears the 立案号', () => {
  assert.equal(documentNumber('南海市监', 'penaltyDecision', 2026, 12), '南海市监处罚〔2026〕12号');
  assert.equal(documentNumber('南海市监', 'summaryDecision', 2026, 1), '南海市监简罚〔2026〕1号');
  assert.equal(documentNumber('南海市监', 'case', 2026, 12), '南海市监立〔2026〕12号');
  assert.equal(documentNumber('南海市监', 'notFilingApproval', 2026, 3), '南海市监不立〔2026〕3号');
  assert.deepEqual(parseDocumentNumber('南海市监立〔2026〕12号'), { year: 2026, seq: 12 });
  assert.equal(
    documentFileName('penaltyDecision', '南海市监处罚〔2026〕12号', 'pdf'),
    '行政处罚决定书（南海市监处罚〔2026〕12号）.pdf',
  );
  assert.equal(
    disclosureUrl('https://sj.example/', '南海市监处罚〔2026〕12号'),
    `https://sj.example/portal/penalties?no=${encodeURIComponent('南海市监处罚〔2026〕12号')}`,
  );
});

test('大写金额', () => {
  assert.equal(rmbUpper(300_000), '叁仟元整');
  assert.equal(rmbUpper(20_000), '贰佰元整');
  assert.equal(rmbUpper(1_000_500), '壹万零伍元整');
  assert.equal(rmbUpper(100_001), '壹仟元零壹分');
  assert.equal(rmbUpper(12_345), '壹佰贰拾叁元肆角伍分');
  assert.equal(rmbUpper(10_000_000_000), '壹亿元整');
});
