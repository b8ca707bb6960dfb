import type { Db } from '../db/client.ts';
import type { WorkingDayCalendar } from '../domain/working-days.ts';
import { demoAccessCodes, loadDemoFoodAppeals as load } from './demo-food-appeals-repo.ts';

/** The appeals demo with its one log line (the codes are printed so the portal page can be tried). */
export async function loadDemoFoodAppeals(db: Db, p: { today: string; calendar: WorkingDayCalendar }): Promise<string> {
  const started = Date.now();
  const r = await load(db, p);
  if (r.skipped) return '  食品等级申诉：演示餐饮经营者不足 4 户，跳过';
  const made = r.createdGrades ? `；其中 ${r.createdGrades} 户尚无等级，已为其生成一次检查与“一般”等级` : '';
  return (
    `  食品等级申诉 ${r.appeals} 件、答复 ${r.replies} 条、复评申请 ${r.revisits} 件${made}` +
    `（${((Date.now() - started) / 1000).toFixed(1)} 秒；经营者访问码 ${demoAccessCodes.join('、')}）`
  );
}
