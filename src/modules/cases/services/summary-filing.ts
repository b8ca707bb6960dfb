import { AppError, forbidden, validation } from '../../../platform/errors.ts';
import type { CaseActionHandler } from './case-actions.ts';

/**
 * 简易程序备案 (《市场监督管理行政处罚程序规定》 Art. 70; the transition `summaryFile`): the decision made on the spot
 * is filed with the officers' unit, recorded once with its date by a holder of a role in
 * settings.summaryFilingRoles (the station chief by default) who was not one of the officers.
 */
export const summaryFilingAction: CaseActionHandler = {
  async check(ctx) {
    const { row, actor, settings } = ctx;
    if (row.summaryFiledOn) throw new AppError('INVALID_STATE', `本案已于 ${row.summaryFiledOn} 备案，不能重复备案`);
    const roles = settings.summaryFilingRoles;
    if (!actor.roles.some((r) => roles.includes(r.code)))
      throw forbidden(`简易程序备案须由角色 ${roles.join('、')} 办理，您不持有该角色`);
    if (row.isOfficer) throw validation('action', '作出决定的执法人员不能为本人的简易程序决定备案');
    const on = String(ctx.body.summaryFiledOn);
    if (on > ctx.today) throw validation('summaryFiledOn', '备案日期不能晚于今天');
    if (row.decidedOn && on < row.decidedOn) throw validation('summaryFiledOn', '备案日期不能早于决定日期');
  },
  async apply(ctx) {
    const on = String(ctx.body.summaryFiledOn);
    const dueOn = ctx.row.summaryFilingDueOn;
    const late = dueOn !== null && on > dueOn;
    const note = typeof ctx.body.note === 'string' ? ctx.body.note : null;
    return {
      set: { summary_filed_on: on },
      note: late ? `逾期备案（应于 ${dueOn} 前备案）${note ? `：${note}` : ''}` : note,
      data: { summaryFiledOn: on, dueOn, late },
    };
  },
};
