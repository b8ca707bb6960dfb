import type { Queryable } from '../db/client.ts';
import { insertCheckItem, insertInspectors } from './demo-repo.ts';
import { Rng } from './random.ts';

/** A few departments' 抽查事项 (modelled on published 抽查事项清单; the wording is a demo, not an official list). */
export const demoCheckItems = [
  [
    'registration',
    'DJ-01',
    '企业公示信息情况的检查',
    'key',
    '《企业信息公示暂行条例》第十四条',
    ['年度报告公示信息是否真实', '即时信息是否按时公示'],
  ],
  [
    'registration',
    'DJ-02',
    '登记事项（住所、经营范围）的检查',
    'general',
    '《市场主体登记管理条例》第三十五条',
    ['实际经营场所与登记住所是否一致', '是否超范围经营'],
  ],
  [
    'registration',
    'DJ-03',
    '广告发布行为的检查',
    'general',
    '《中华人民共和国广告法》第四十九条',
    ['是否使用绝对化用语', '广告是否具有可识别性'],
  ],
  [
    'credit',
    'XY-01',
    '经营异常名录列入情形的核查',
    'general',
    '《市场主体登记管理条例实施细则》第七十一条',
    ['通过登记住所能否联系'],
  ],
  [
    'food',
    'SP-01',
    '食品经营许可及从业人员健康管理检查',
    'key',
    '《中华人民共和国食品安全法》第三十五条、第四十五条',
    ['许可证是否在有效期内', '从业人员健康证明'],
  ],
  [
    'food',
    'SP-02',
    '餐饮服务环节食品安全检查',
    'key',
    '《中华人民共和国食品安全法》第五十五条',
    ['原料进货查验记录', '餐具清洗消毒', '食品留样'],
  ],
  ['food', 'SP-03', '食品销售环节检查', 'general', '《食品经营许可和备案管理办法》', ['过期食品', '标签标识']],
  [
    'equipment',
    'TZ-01',
    '特种设备使用登记及定期检验检查',
    'key',
    '《中华人民共和国特种设备安全法》第三十三条、第四十条',
    ['使用登记证', '定期检验合格标志'],
  ],
  [
    'equipment',
    'TZ-02',
    '特种设备作业人员持证情况检查',
    'general',
    '《特种设备作业人员监督管理办法》',
    ['作业人员证书'],
  ],
  [
    'quality',
    'ZL-01',
    '生产领域产品质量检查',
    'key',
    '《中华人民共和国产品质量法》第十五条',
    ['出厂检验记录', '执行标准'],
  ],
  [
    'quality',
    'ZL-02',
    '流通领域产品标识标注检查',
    'general',
    '《中华人民共和国产品质量法》第二十七条',
    ['中文标明产品名称、厂名厂址'],
  ],
  ['enforcement', 'JC-01', '价格行为检查', 'general', '《中华人民共和国价格法》第十三条', ['明码标价']],
] as const;

const givenNames = ['志强', '丽华', '建国', '晓敏', '伟东', '海燕', '国华', '少芳', '德明', '嘉欣', '文杰', '秀英'];
const surnames = ['陈', '李', '黄', '梁', '何', '张', '罗', '吴', '邓', '冯', '麦', '潘', '谭', '杜'];
const qualificationsOf: Record<string, string[]> = {
  registration: ['行政执法证'],
  credit: ['行政执法证'],
  food: ['行政执法证', '食品安全检查员'],
  equipment: ['行政执法证', '特种设备安全监察员'],
  quality: ['行政执法证', '产品质量监督员'],
  enforcement: ['行政执法证'],
};

/**
 * The catalog and the inspector pool (≈ 60 people across departments and the 8 stations); the first inspector
 * of each station is the station's sNN.inspector account and its first food inspector sNN.inspector2, so a demo
 * login sees their own visits and a food inspection has a partner who can sign on their own phone.
 */
export async function loadDemoSpotCheckCatalog(
  tx: Queryable,
  unitIds: ReadonlyMap<string, number>,
  userIds: ReadonlyMap<string, number>,
): Promise<{ items: number; inspectors: number }> {
  for (const [dept, code, name, level, basis, checklist] of demoCheckItems)
    await insertCheckItem(tx, { departmentId: unitIds.get(dept), code, name, level, basis, checklist: [...checklist] });
  const rng = new Rng(2026);
  const depts = ['registration', 'registration', 'food', 'food', 'equipment', 'quality', 'credit'];
  const rows: { name: string; dept: string; station: string; user: string | null }[] = [];
  for (let s = 1; s <= 8; s++) {
    const station = `s0${s}`;
    for (const [i, dept] of depts.entries())
      rows.push({
        name: `${rng.pick(surnames)}${rng.pick(givenNames)}`,
        dept,
        station,
        user: i === 0 ? `${station}.inspector` : i === 2 ? `${station}.inspector2` : null,
      });
  }
  for (const dept of ['enforcement', 'enforcement', 'equipment', 'quality'])
    rows.push({ name: `${rng.pick(surnames)}${rng.pick(givenNames)}`, dept, station: '', user: null });
  await insertInspectors(
    tx,
    rows.map((r) => ({
      name: r.name,
      departmentId: unitIds.get(r.dept),
      stationId: r.station ? unitIds.get(r.station) : null,
      qualifications: `{${(qualificationsOf[r.dept] ?? []).join(',')}}`,
      userId: r.user ? userIds.get(r.user) : null,
    })),
  );
  return { items: demoCheckItems.length, inspectors: rows.length };
}
