import type { safetiesZhCN } from './safeties.zh-cn.ts';

export const safetiesEnUS: Record<keyof typeof safetiesZhCN, string> = {
  'nav.group.equipment': 'Special equipment',
  'nav.group.drugs': 'Drugs & devices',
  'nav.group.product': 'Product quality',
  'permission.equipment:read': 'View special equipment supervision',
  'permission.equipment:write': 'Work on special equipment supervision',
  'permission.equipment:settings': 'Maintain special equipment settings (intervals, hazard grades, maintenance period)',
  'permission.drug:read': 'View drug, device and cosmetics supervision',
  'permission.drug:write': 'Work on drug, device and cosmetics supervision',
  'permission.drug:settings': 'Maintain drug settings (watch list, attendance rules, retention)',
  'permission.drug:personal': "View key-drug buyers' personal data",
  'permission.product:read': 'View product quality supervision',
  'permission.product:write': 'Work on product quality supervision',
  'permission.product:settings': 'Maintain product quality settings (catalogue, CCC catalogue, risk classes)',
};
