/** Description templates per category; {biz} is the business, {n} an amount in yuan. */
export const complaintTemplates: Record<string, readonly string[]> = {
  'service.catering': [
    '在{biz}就餐后腹泻，怀疑食材不新鲜，要求退还餐费{n}元并赔偿。',
    '{biz}外卖餐品中发现异物，商家拒绝退款。',
    '{biz}收取包间费和开瓶费未事先告知。',
  ],
  'service.prepaid': [
    '在{biz}办理的预付卡{n}元，商家停业后无法退款。',
    '{biz}突然关门，会员卡余额{n}元无法使用。',
    '{biz}擅自变更服务内容，要求退还预付卡剩余金额。',
  ],
  'service.fitness': [
    '{biz}健身私教课程停课，剩余课时费{n}元不予退还。',
    '{biz}游泳馆擅自缩短开放时间，年卡无法正常使用。',
  ],
  'service.beauty': ['在{biz}做美容项目后皮肤过敏，商家推卸责任。', '{biz}诱导办理美发会员卡{n}元，服务与宣传不符。'],
  'service.education': ['{biz}培训机构退费难，已交学费{n}元。', '{biz}承诺保过，考试未通过却拒绝退费。'],
  'service.telecom': ['宽带套餐到期后被自动续约，{biz}拒绝取消。', '{biz}营业厅办理手机套餐时被捆绑增值业务。'],
  'service.internet': ['在{biz}网店购物，商品与描述不符，商家拒绝七天无理由退货。', '{biz}直播间购买商品，收到假货。'],
  'service.property': ['{biz}物业费上涨未经业主大会同意。', '{biz}电梯长期故障，物业不予维修。'],
  'service.renovation': ['{biz}装修工期拖延三个月，使用劣质材料。', '{biz}装修合同外另收费用{n}元。'],
  'service.repair': ['{biz}维修空调虚报故障，多收维修费{n}元。', '{biz}手机维修后出现新问题，拒绝保修。'],
  'service.travel': ['{biz}旅行团强制购物，导游态度恶劣。'],
  'goods.food': [
    '在{biz}购买的食品已过保质期。',
    '{biz}销售的散装食品无标签、无生产日期。',
    '{biz}出售的月饼包装过度，价格{n}元。',
  ],
  'goods.appliance': ['在{biz}购买的冰箱{n}元，一周内出现故障，商家拒绝更换。', '{biz}销售的电热水器存在漏电隐患。'],
  'goods.clothing': ['{biz}销售的羽绒服含绒量不达标。', '在{biz}购买的运动鞋开胶，拒绝退换。'],
  'goods.telecom-device': ['在{biz}购买的手机是翻新机，售价{n}元。', '{biz}销售的充电宝鼓包。'],
  'goods.vehicle': ['在{biz}购买的电动自行车电池虚标容量。', '{biz}4S店收取不合理的金融服务费{n}元。'],
  'goods.daily': ['{biz}超市商品价签与结算价格不一致。', '在{biz}购买的洗护用品疑似假冒。'],
  'goods.cosmetics': ['{biz}销售的化妆品无中文标签。', '在{biz}购买的面膜使用后过敏。'],
  'goods.medicine': ['{biz}药店销售处方药未凭处方。', '在{biz}购买的保健品宣传能治病，价格{n}元。'],
  'goods.building': ['在{biz}购买的瓷砖色差严重，商家拒绝退货。'],
};

/** Relative frequency of each category in the district's 12315 traffic. */
export const categoryWeights: readonly (readonly [string, number])[] = [
  ['service.catering', 14],
  ['service.prepaid', 12],
  ['service.internet', 10],
  ['goods.food', 10],
  ['goods.appliance', 6],
  ['service.education', 6],
  ['service.beauty', 6],
  ['service.fitness', 5],
  ['goods.telecom-device', 5],
  ['service.telecom', 5],
  ['goods.daily', 5],
  ['service.property', 4],
  ['service.renovation', 4],
  ['goods.clothing', 4],
  ['service.repair', 3],
  ['goods.vehicle', 3],
  ['goods.cosmetics', 3],
  ['goods.medicine', 2],
  ['service.travel', 2],
  ['goods.building', 2],
];

/** Month weights: peaks around 3·15, the May holiday, Double 11 and before Spring Festival. */
export const monthWeights = [9, 8, 11, 8, 9, 8, 8, 8, 8, 8, 11, 10];

export const personSurnames = '陈李黄梁何张罗吴林周郑冯邓谢叶潘杜'.split('');
export const personGiven = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华'.split('');
