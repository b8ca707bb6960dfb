/**
 * The demo district: 佛山市南海区 (GB/T 2260 code 440605) with its seven towns/streets. Township codes
 * follow the statistical division codes (9 digits); the demo is a model, not an official register.
 */
export const DEMO_DISTRICT = { regionCode: '440605', name: '佛山市南海区', bureauName: '佛山市南海区市场监督管理局' };

export const DEMO_PASSWORD = 'Demo@2026';

export const demoDepartments = [
  { code: 'office', name: '办公室', kind: 'department' },
  { code: 'registration', name: '登记注册科', kind: 'department' },
  { code: 'credit', name: '信用监管科', kind: 'department' },
  { code: 'food', name: '食品经营安全监管科', kind: 'department' },
  { code: 'equipment', name: '特种设备安全监察科', kind: 'department' },
  { code: 'quality', name: '产品质量安全监管科', kind: 'department' },
  { code: 'enforcement', name: '执法稽查大队', kind: 'department' },
  { code: 'legal', name: '法规科', kind: 'department' },
  { code: 'c12315', name: '12315投诉举报中心', kind: 'centre' },
] as const;

export const demoStations = [
  { code: 's01', name: '桂城市场监管所', regionCodes: ['440605011'] },
  { code: 's02', name: '大沥市场监管所', regionCodes: ['440605125'] },
  { code: 's03', name: '里水市场监管所', regionCodes: ['440605126'] },
  { code: 's04', name: '狮山市场监管所', regionCodes: ['440605124'] },
  { code: 's05', name: '西樵市场监管所', regionCodes: ['440605122'] },
  { code: 's06', name: '九江市场监管所', regionCodes: ['440605121'] },
  { code: 's07', name: '丹灶市场监管所', regionCodes: ['440605123'] },
  { code: 's08', name: '罗村市场监管所', regionCodes: ['440605124'] },
] as const;

export interface DemoUser {
  username: string;
  displayName: string;
  unitCode: string;
  roleCode: string;
  /** 行政执法证 (a case officer needs a valid one): number and expiry. */
  credential?: { no: string; expiresOn: string };
}

const surnames = ['陈', '李', '黄', '梁', '何', '张', '罗', '吴'];

export const demoUsers: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', unitCode: 'bureau', roleCode: 'admin' },
  { username: 'leader', displayName: '林局长', unitCode: 'bureau', roleCode: 'leader' },
  { username: 'hotline', displayName: '周话务员', unitCode: 'c12315', roleCode: 'hotline' },
  { username: 'credit.staff', displayName: '郑科员', unitCode: 'credit', roleCode: 'dept_staff' },
  {
    username: 'deputy',
    displayName: '冯副局长',
    unitCode: 'bureau',
    roleCode: 'leader',
    credential: { no: '44060500101', expiresOn: '2029-06-30' },
  },
  {
    username: 'legal',
    displayName: '谢法制员',
    unitCode: 'legal',
    roleCode: 'legal_reviewer',
    credential: { no: '44060500201', expiresOn: '2028-12-31' },
  },
  ...demoStations.flatMap((s, i) => [
    {
      username: `${s.code}.chief`,
      displayName: `${surnames[i]}所长`,
      unitCode: s.code,
      roleCode: 'station_chief',
      credential: { no: `440605${String(i + 1).padStart(2, '0')}001`, expiresOn: '2028-06-30' },
    },
    {
      username: `${s.code}.inspector`,
      displayName: `${surnames[i]}检查员`,
      unitCode: s.code,
      roleCode: 'inspector',
      // One expires within weeks of the demo's today, so the credential warning has something to show.
      credential: {
        no: `440605${String(i + 1).padStart(2, '0')}002`,
        expiresOn: i === 7 ? '2027-01-15' : '2029-03-31',
      },
    },
    // A second inspector of the food team: a visit needs two, and each signs on their own phone.
    {
      username: `${s.code}.inspector2`,
      displayName: `${surnames[i]}食品检查员`,
      unitCode: s.code,
      roleCode: 'inspector',
      credential: { no: `440605${String(i + 1).padStart(2, '0')}003`, expiresOn: '2029-03-31' },
    },
  ]),
];
