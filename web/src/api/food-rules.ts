import {
  type TFoodGradingRulesBody,
  ZFoodGradingRulesActivated,
  ZFoodGradingRulesList,
} from '../../../src/contracts/food-rules.ts';
import { z } from '../../../src/contracts/zod.ts';
import { type CallOptions, request } from './client.ts';

/** 量化分级规则 versions (issue 13): list, save a new version, activate one. */
export const foodRulesApi = {
  list: (opts?: CallOptions) => request('/food/grading-rules', { schema: ZFoodGradingRulesList, signal: opts?.signal }),
  create: (body: TFoodGradingRulesBody) =>
    request('/food/grading-rules', { method: 'POST', body, schema: z.object({ version: z.number().int() }) }),
  activate: (version: number) =>
    request(`/food/grading-rules/${version}/activate`, {
      method: 'POST',
      body: {},
      schema: ZFoodGradingRulesActivated,
    }),
};
