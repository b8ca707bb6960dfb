import type { z } from 'zod';
import type { TAttendanceOverview, TPortalPharmacist, ZCheckBody, ZRateQuery } from '../../../contracts/pharmacies.ts';
import type { Db, Queryable } from '../../../db/client.ts';
import { attendanceRate, coveredMinutes, distanceMetres, shanghaiClock } from '../../../domain/pharmacy.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { assertPermitted, assertWritable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { AppError, notFound, validation } from '../../../platform/errors.ts';
import { pharmacyKind, pharmacyReach } from '../access.ts';
import * as att from '../repos/attendance.ts';
import { findPharmacy } from '../repos/pharmacies.ts';
import { hashPharmacistToken } from './pharmacies.ts';

export interface AttendanceDeps {
  geofenceMetres: number;
  now?: () => Date;
}

const MINUTE = 60_000;
const dayStart = (day: string) => Date.parse(`${day}T00:00:00+08:00`);
const shiftDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A shift as minutes of its day; an open shift counts until closing (the pharmacist is on duty until they leave). */
function shiftMinutes(s: att.ShiftRow, closes: number): [number, number] {
  const start = dayStart(s.day);
  const from = Math.floor((Date.parse(s.checkInAt) - start) / MINUTE);
  const to = s.checkOutAt ? Math.ceil((Date.parse(s.checkOutAt) - start) / MINUTE) : closes;
  return [Math.max(0, from), Math.min(1440, to)];
}

/** One pharmacy-day's row from its shifts (inside the caller's transaction). */
export async function recomputeDay(
  tx: Queryable,
  pharmacyId: number,
  day: string,
  hours: { opensMinute: number; closesMinute: number },
) {
  // Under the pharmacy's lock the read below sees every shift committed before: two pharmacists checking out at
  // once each recompute from the other's change, and the last row written is right.
  await att.lockPharmacy(tx, pharmacyId);
  const shifts = await att.shiftsOfPharmacyOn(tx, pharmacyId, day);
  const covered = coveredMinutes(
    hours.opensMinute,
    hours.closesMinute,
    shifts.map((s) => shiftMinutes(s, hours.closesMinute)),
  );
  await att.upsertDay(tx, {
    pharmacyId,
    day,
    openMinutes: hours.closesMinute - hours.opensMinute,
    coveredMinutes: covered,
  });
}

/**
 * 阳光药师 attendance: check-in and check-out on the pharmacist's phone (their personal link, the browser's
 * position checked against the pharmacy's geofence), the per-day coverage rows, the nightly close of forgotten
 * shifts and of days nobody came, the rates per station and month, and the station's review of an absence.
 */
export function createAttendanceService(db: Db, deps: AttendanceDeps) {
  const now = () => deps.now?.() ?? new Date();
  const today = () => shanghaiToday(now());

  async function pharmacistOf(token: string) {
    const p = await att.pharmacistByTokenHash(db, hashPharmacistToken(token));
    // One answer for a wrong, retired or deactivated link: nothing is revealed about other links.
    if (!p?.active)
      throw new AppError('VALIDATION', '签到链接无效或已停用，请联系辖区市场监管所重新获取', [
        { path: 'token', message: '签到链接无效' },
      ]);
    return p;
  }

  function checkPlace(p: Awaited<ReturnType<typeof pharmacistOf>>, body: z.infer<typeof ZCheckBody>) {
    const tolerance = p.geofenceMetres ?? deps.geofenceMetres;
    const d = Math.round(
      distanceMetres({ lat: body.latitude, lng: body.longitude }, { lat: p.latitude, lng: p.longitude }),
    );
    if (d > tolerance)
      throw new AppError(
        'VALIDATION',
        `您当前位置距药店约 ${d} 米，超出允许范围（${tolerance} 米），不能签到或签退。请在药店内重试`,
        [{ path: 'latitude', message: `距药店 ${d} 米，超出 ${tolerance} 米` }],
      );
    return d;
  }

  async function portalView(token: string): Promise<TPortalPharmacist> {
    const p = await pharmacistOf(token);
    const day = today();
    const [open, shifts] = await Promise.all([
      att.openShift(db, p.pharmacistId),
      att.shiftsOfPharmacistOn(db, p.pharmacistId, day),
    ]);
    return {
      name: p.name,
      pharmacyName: p.pharmacyName,
      address: p.address,
      geofenceMetres: p.geofenceMetres ?? deps.geofenceMetres,
      opensMinute: p.opensMinute,
      closesMinute: p.closesMinute,
      checkedInAt: open ? new Date(open.checkInAt).toISOString() : null,
      lastDistanceMetres: open?.inDistanceM ?? null,
      today: shifts.map((s) => ({
        checkInAt: new Date(s.checkInAt).toISOString(),
        checkOutAt: s.checkOutAt ? new Date(s.checkOutAt).toISOString() : null,
      })),
    };
  }

  return {
    portalView,

    async checkIn(body: z.infer<typeof ZCheckBody>) {
      const p = await pharmacistOf(body.token);
      if (p.status !== 'active') throw validation('token', '药店已停业，不能签到');
      const distance = checkPlace(p, body);
      const at = now();
      const { day } = shanghaiClock(at);
      await db.transaction(async (tx) => {
        // Two taps at once: the second waits here and then finds the first one's open shift.
        await att.lockPharmacist(tx, p.pharmacistId);
        if (await att.openShift(tx, p.pharmacistId, true))
          throw new AppError('INVALID_STATE', '您已签到，请先签退后再重新签到');
        await att.insertShift(tx, {
          pharmacistId: p.pharmacistId,
          pharmacyId: p.pharmacyId,
          day,
          checkInAt: at.toISOString(),
          checkOutAt: null,
          inDistanceM: distance,
          source: 'phone',
        });
        await recomputeDay(tx, p.pharmacyId, day, p);
        await appendAudit(tx, null, {
          action: 'pharmacy.checkin',
          targetType: 'pharmacy',
          targetId: p.pharmacyId,
          detail: { pharmacistId: p.pharmacistId, distance },
        });
      });
      return portalView(body.token);
    },

    async checkOut(body: z.infer<typeof ZCheckBody>) {
      const p = await pharmacistOf(body.token);
      const distance = checkPlace(p, body);
      const at = now();
      await db.transaction(async (tx) => {
        const open = await att.openShift(tx, p.pharmacistId, true);
        if (!open) throw new AppError('INVALID_STATE', '您尚未签到，不能签退');
        if (!(await att.closeShift(tx, open.id, at.toISOString(), distance)))
          throw new AppError('INVALID_STATE', '签退时间须晚于签到时间');
        await recomputeDay(tx, p.pharmacyId, open.day, p);
        await appendAudit(tx, null, {
          action: 'pharmacy.checkout',
          targetType: 'pharmacy',
          targetId: p.pharmacyId,
          detail: { pharmacistId: p.pharmacistId, distance, shiftId: open.id },
        });
      });
      return portalView(body.token);
    },

    /**
     * The nightly close (job pharmacy.attendance.daily): shifts still open from an earlier day end at closing time,
     * and every active pharmacy gets a row for `day` (yesterday by default) even if nobody came (covered 0).
     */
    async closeDay(day = shiftDays(today(), -1)) {
      return db.transaction(async (tx) => {
        const stale = await att.staleOpenShifts(tx, today());
        for (const s of stale) {
          const closeAt = new Date(dayStart(s.day) + s.closesMinute * MINUTE);
          const at = closeAt.getTime() > Date.parse(s.checkInAt) ? closeAt : new Date(Date.parse(s.checkInAt) + MINUTE);
          await att.closeShift(tx, s.id, at.toISOString(), null);
        }
        const filled = await att.fillEmptyDays(tx, day);
        return { day, closedShifts: stale.length, emptyDays: filled };
      });
    },

    async overview(actor: Actor, q: z.infer<typeof ZRateQuery>): Promise<TAttendanceOverview> {
      assertPermitted(actor, pharmacyKind, 'list');
      const to = q.to ?? today();
      const from = q.from ?? shiftDays(to, -364);
      if (from > to) throw validation('from', '开始日期不能晚于结束日期');
      const { stations, months } = await att.stationRates(db, actor, from, to);
      const open = stations.reduce((n, s) => n + s.openMinutes, 0);
      const covered = stations.reduce((n, s) => n + s.coveredMinutes, 0);
      return {
        from,
        to,
        rate: attendanceRate(covered, open),
        stations: stations.map((s) => ({ ...s, rate: attendanceRate(s.coveredMinutes, s.openMinutes) })),
        months: months.map((m) => ({
          month: m.month,
          stationId: m.stationId,
          stationName: m.stationName,
          rate: attendanceRate(m.coveredMinutes, m.openMinutes),
        })),
      };
    },

    /** The station has looked into an absence: it leaves the inbox (audited). */
    async review(actor: Actor, pharmacyId: number, day: string) {
      assertWritable(actor, pharmacyKind, await findPharmacy(db, pharmacyId, today()), pharmacyReach);
      await db.transaction(async (tx) => {
        if (!(await att.markReviewed(tx, pharmacyId, day, actor.userId))) throw notFound(`${day} 的缺勤记录`);
        await appendAudit(tx, actor, {
          action: 'pharmacy.absence.review',
          targetType: 'pharmacy',
          targetId: pharmacyId,
          detail: { day },
        });
      });
      return { ok: true as const };
    },
  };
}

export type AttendanceService = ReturnType<typeof createAttendanceService>;
