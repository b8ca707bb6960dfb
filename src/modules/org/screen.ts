import type { ScreenProvider } from '../screen/provider.ts';
import { screenStations } from './screen-repo.ts';

/** 智慧大脑: each active station's code and name, under key `unit` (the map's regions and the station list). */
export function orgScreenFigures(): ScreenProvider {
  return {
    key: 'unit',
    async figures(db) {
      const rows = await screenStations(db);
      return rows.map((r) => ({
        unitId: Number(r.unitId),
        key: 'unit',
        value: { code: r.code, name: r.name, sortOrder: r.sortOrder },
      }));
    },
  };
}
