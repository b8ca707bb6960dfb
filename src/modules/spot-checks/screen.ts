import { resultCategories } from '../../domain/spot-check-workflow.ts';
import { byUnit, type ScreenProvider } from '../screen/provider.ts';
import { visitCounts } from './repos/screen.ts';

const problemCategories = resultCategories.filter((c) => c.problem).map((c) => c.code);

/** 智慧大脑: spot-check visits done this year and the share that found a problem (问题发现率). */
export function spotCheckScreenFigures(): ScreenProvider {
  return {
    key: 'spotChecks',
    async figures(db, w) {
      const rows = await visitCounts(db, w, problemCategories);
      return byUnit(rows, 'spotChecks', ([r]) => {
        const inspected = r?.inspected ?? 0;
        const withProblem = r?.withProblem ?? 0;
        return {
          inspected,
          withProblem,
          problemRate: inspected ? Math.round((withProblem / inspected) * 1000) / 10 : 0,
          assigned: r?.assigned ?? 0,
        };
      });
    },
  };
}
