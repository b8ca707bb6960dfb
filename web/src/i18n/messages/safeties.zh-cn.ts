/** The three other safeties' menu groups and permissions (issue 14); each module keeps its own messages file. */
export const safetiesZhCN = {
  'nav.group.equipment': '特种设备',
  'nav.group.drugs': '药品医疗器械',
  'nav.group.product': '产品质量',
  'permission.equipment:read': '查看特种设备安全监察',
  'permission.equipment:write': '特种设备安全监察操作',
  'permission.equipment:settings': '维护特种设备参数（检验周期、隐患等级、维保周期）',
  'permission.drug:read': '查看药品医疗器械化妆品监管',
  'permission.drug:write': '药品医疗器械化妆品监管操作',
  'permission.drug:settings': '维护药品监管参数（重点药品目录、考勤规则、保存期限）',
  'permission.drug:personal': '查看重点药品购药人个人信息',
  'permission.product:read': '查看产品质量监管',
  'permission.product:write': '产品质量监管操作',
  'permission.product:settings': '维护产品质量参数（产品目录、3C目录、涉安类分级）',
} as const;
