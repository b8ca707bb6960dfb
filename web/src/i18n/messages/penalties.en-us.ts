import type { penaltiesZhCN } from './penalties.zh-cn.ts';

export const penaltiesEnUS: Record<keyof typeof penaltiesZhCN, string> = {
  'portal.navPenalties': 'Penalty disclosure',
  'penalties.title': 'Administrative penalty disclosure',
  'penalties.intro':
    'Administrative penalty decisions made under the general procedure, published under the SAMR rules on penalty disclosure. Names of individuals are masked.',
  'penalties.search': 'Party name or unified social credit code',
  'penalties.noSearch': 'Decision number',
  'penalties.notFound': 'No published penalty found',
  'penalties.none': 'No published penalties yet',
  'penalties.noNotFound': 'No publication with decision number {no} (not published yet, or no longer shown)',
  'penalties.decisionNo': 'Decision number',
  'penalties.party': 'Party',
  'penalties.uscc': 'Unified social credit code',
  'penalties.violation': 'Violation',
  'penalties.basis': 'Legal basis',
  'penalties.content': 'Penalty',
  'penalties.authority': 'Authority',
  'penalties.decidedOn': 'Decided on',
  'penalties.publishedOn': 'Published on',
  'penalties.displayUntil': 'Shown until',
  'penalties.details': 'Details',
  'penalties.back': 'Back to the list',
  'penalties.showAll': 'Show all publications',
  'penalties.typical': 'Typical case',
};
