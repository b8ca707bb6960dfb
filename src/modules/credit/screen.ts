import { byUnit, type ScreenProvider, unitOf } from '../screen/provider.ts';
import { abnormalListedCounts, riskClassCounts } from './repos/screen.ts';

/** 智慧大脑: the credit risk class distribution A–D and the entities on the abnormal list. */
export function creditScreenFigures(): ScreenProvider {
  return {
    key: 'credit',
    async figures(db) {
      const classes = await riskClassCounts(db);
      const listed = new Map((await abnormalListedCounts(db)).map((r) => [unitOf(r.unitId), r.n]));
      const units = [...classes, ...[...listed.keys()].map((u) => ({ unitId: u || null, riskClass: '', n: 0 }))];
      return byUnit(units, 'credit', (rows, unitId) => {
        const of = (c: string) => rows.find((r) => r.riskClass === c)?.n ?? 0;
        return { classes: { A: of('A'), B: of('B'), C: of('C'), D: of('D') }, abnormalListed: listed.get(unitId) ?? 0 };
      });
    },
  };
}
