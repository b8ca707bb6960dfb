import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import type { Db } from '../db/client.ts';
import type { PiiCipher } from '../platform/pii.ts';

/**
 * The demo's 明厨亮灶 platform. Its key is public on purpose (docs/FOOD.md, `shijian kitchen-alert-demo`) so the
 * webhook can be tried on a demo install; a real vendor's key is random and shown once.
 */
export const DEMO_KITCHEN_VENDOR = {
  code: 'demo-cam',
  name: '明厨亮灶演示平台',
  secret: 'shijian-demo-kitchen-secret-0001',
};

/** A small grey PNG (the demo's shared snapshot), made here so the demo needs no image file. */
function demoSnapshot(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const [w, h] = [160, 120];
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const rows = Buffer.alloc((w + 1) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) rows[y * (w + 1) + 1 + x] = 90 + ((x * 3 + y * 5) % 80);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * One vendor; every tenth catering business (hot/cold/raw food or canteen licence) enrolled with 2–3 cameras named
 * DEMO-<n>-<k> (n counts the enrolled businesses from 1, so DEMO-1-1 always exists); 4 weeks of alerts at a few per
 * business, the older ones mostly handled, the last two days' open. Set-based, one transaction.
 */
export async function loadDemoKitchen(
  db: Db,
  pii: Pick<PiiCipher, 'encrypt'>,
): Promise<{ enrolled: number; cameras: number; alerts: number }> {
  const png = demoSnapshot();
  const sha256 = createHash('sha256').update(png).digest('hex');
  return db.transaction(async (tx) => {
    const [vendor] = await tx.query<{ id: number }>(
      `INSERT INTO kitchen_vendors (code, name, secret_enc) VALUES ($1, $2, $3) RETURNING id`,
      [DEMO_KITCHEN_VENDOR.code, DEMO_KITCHEN_VENDOR.name, pii.encrypt(DEMO_KITCHEN_VENDOR.secret)],
    );
    const enrolled = await tx.query<{ id: number }>(
      `INSERT INTO kitchen_enrollments (business_id, vendor_id, enrolled_on)
       SELECT fb.id, $1, current_date - (90 + fb.id % 300)::int
         FROM food_businesses fb
        WHERE fb.id % 10 = 3 AND EXISTS (SELECT 1 FROM food_licences fl WHERE fl.business_id = fb.id
              AND fl.status = 'active' AND fl.categories && ARRAY['hotFood', 'coldFood', 'rawFood', 'canteen'])
       RETURNING id`,
      [vendor!.id],
    );
    const cameras = await tx.query(
      `INSERT INTO kitchen_cameras (vendor_id, camera_id, enrollment_id, area)
       SELECT $1, 'DEMO-' || n || '-' || k, ke.id, (ARRAY['processing', 'washing', 'preparing'])[k]
         FROM (SELECT id, business_id, row_number() OVER (ORDER BY id) AS n FROM kitchen_enrollments) ke
        CROSS JOIN generate_series(1, 3) k
        WHERE k <= 2 + (ke.business_id / 10) % 2
       RETURNING camera_id`,
      [vendor!.id],
    );
    await tx.query(
      `INSERT INTO file_blobs (sha256, size_bytes, data) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING`,
      [sha256, png.length, png],
    );
    const [file] = await tx.query<{ id: number }>(
      `INSERT INTO stored_files (sha256, filename, mime_type, size_bytes, purpose, owner_unit_id)
       SELECT $1, 'demo-snapshot.png', 'image/png', $2, 'kitchen-snapshot', id FROM org_units ORDER BY id LIMIT 1
       RETURNING id`,
      [sha256, png.length],
    );
    // Per camera and day a pseudo-random draw: about one alert in nine camera-days, rodents rare.
    const alerts = await tx.query(
      `INSERT INTO kitchen_alerts (business_id, vendor_id, camera_id, area, event_type, first_seen_at, last_seen_at,
              event_count, max_confidence, snapshot_file_id, due_on, status, note, handled_at)
       SELECT ke.business_id, c.vendor_id, c.camera_id, c.area, x.event_type, x.at, x.at + make_interval(mins => x.n * 2),
              x.n, 0.7 + (x.h % 29) / 100.0, $1, (x.at AT TIME ZONE 'Asia/Shanghai')::date + 1,
              CASE WHEN d <= 1 THEN 'new' WHEN x.h % 7 = 0 THEN 'ignored' WHEN x.h % 5 = 0 THEN 'new' ELSE 'handled' END,
              CASE WHEN d <= 1 OR x.h % 7 <> 0 AND x.h % 5 = 0 THEN NULL WHEN x.h % 7 = 0 THEN '误报：反光识别为未戴帽'
                   ELSE '已电话提醒经营者整改' END,
              CASE WHEN d <= 1 OR x.h % 7 <> 0 AND x.h % 5 = 0 THEN NULL ELSE x.at + interval '5 hours' END
         FROM kitchen_cameras c JOIN kitchen_enrollments ke ON ke.id = c.enrollment_id
        CROSS JOIN generate_series(0, 27) d
        CROSS JOIN LATERAL (SELECT abs(hashtext(c.camera_id || ':' || d)) AS h) r
        CROSS JOIN LATERAL (SELECT r.h,
              (ARRAY['noHat', 'noHat', 'noMask', 'noMask', 'noUniform', 'phone', 'smoking', 'binUncovered', 'noHat',
                     'rodent'])[1 + r.h % 10 - CASE WHEN r.h % 10 = 9 AND r.h % 4 <> 0 THEN 1 ELSE 0 END] AS event_type,
              now() - make_interval(days => d, mins => 5 + r.h % 1200) AS at,
              1 + r.h % 4 AS n) x
        WHERE r.h % 9 = 0
       RETURNING id`,
      [file!.id],
    );
    return { enrolled: enrolled.length, cameras: cameras.length, alerts: alerts.length };
  });
}
