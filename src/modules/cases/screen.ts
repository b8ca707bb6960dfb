import { byUnit, type ScreenProvider } from '../screen/provider.ts';
import { caseCounts } from './repos/screen.ts';

/** 智慧大脑: cases filed, closed and open, penalty decisions and fines this year. */
export function caseScreenFigures(): ScreenProvider {
  return {
    key: 'cases',
    async figures(db, w) {
      return byUnit(await caseCounts(db, w), 'cases', ([r]) => ({
        filedThisYear: r?.filedThisYear ?? 0,
        closedThisYear: r?.closedThisYear ?? 0,
        open: r?.open ?? 0,
        penaltiesThisYear: r?.penaltiesThisYear ?? 0,
        finesFenThisYear: Number(r?.finesFenThisYear ?? 0),
      }));
    },
  };
}
