import type { Db } from '../db/client.ts';
import { addDays, maskName } from '../domain/drug-sales.ts';
import { makeIdCard, maskIdCard, maskPhone } from '../domain/id-card.ts';
import { createDrugSaleMonitoring } from '../modules/drug-sales/services/monitoring.ts';
import type { PiiCipher } from '../platform/pii.ts';
import { insertDemoCosmeticsDevices, insertDemoDrugSales } from './demo-drug-sales-repo.ts';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超'];

/**
 * 重点药品购药登记 for the demo district: 3 pharmacies per station, 60 days of registrations (a few a day per
 * pharmacy and class) from a pool of 400 encrypted buyers, and a fever-drug spike in 桂城 yesterday, which the spike
 * run turns into an alert to the health liaison (s01.chief). Set-based: one INSERT … SELECT generate_series.
 */
export async function loadDemoDrugSales(db: Db, pii: PiiCipher, today: string) {
  const buyers = Array.from({ length: 400 }, (_, i) => {
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${i % 3 ? GIVEN[(i * 5) % GIVEN.length] : ''}`;
    const id = makeIdCard('440605', `19${String(50 + (i % 50))}0${1 + (i % 9)}1${i % 9}`, String(100 + i).slice(-3));
    const phone = `13${String(800_000_000 + i * 7919).slice(0, 9)}`;
    return {
      nameCipher: pii.encrypt(name),
      nameMasked: maskName(name),
      idCipher: pii.encrypt(id),
      idHash: pii.lookupHash(id),
      idMasked: maskIdCard(id),
      phoneCipher: pii.encrypt(phone),
      phoneMasked: maskPhone(phone),
    };
  });
  const spikeDay = addDays(today, -1);
  const rows = await insertDemoDrugSales(db, { buyers, from: addDays(today, -59), to: today, spikeDay });
  const monitoring = createDrugSaleMonitoring(db);
  await monitoring.rebuildRollup(addDays(today, -60));
  const alerts = await monitoring.detect(spikeDay);
  const cd = await insertDemoCosmeticsDevices(db, today);
  return { registrations: rows, alerts: alerts.alerted, cdBusinesses: cd.businesses, adverseEvents: cd.events };
}
