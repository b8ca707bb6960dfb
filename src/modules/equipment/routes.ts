import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams, ZPage } from '../../contracts/common.ts';
import { IMPORT_MAX_BYTES } from '../../contracts/entity-import.ts';
import {
  ZEquipment,
  ZEquipmentBody,
  ZEquipmentCategory,
  ZEquipmentDetail,
  ZEquipmentFilter,
  ZEquipmentImportResult,
  ZEquipmentMap,
  ZEquipmentQuery,
  ZEquipmentSettings,
  ZEquipmentSettingsBody,
  ZEquipmentStatusBody,
  ZInspectionBody,
  ZInterval,
  ZIntervalPatch,
  ZMaintenanceBody,
  ZSweepResult,
} from '../../contracts/equipment.ts';
import { z } from '../../contracts/zod.ts';
import { download, XLSX_TYPE } from '../../platform/download.ts';
import { actorOf } from '../../platform/http.ts';
import { receiveUpload } from '../../platform/uploads.ts';
import type { EquipmentService } from './services/equipment.ts';
import type { createEquipmentExport } from './services/export.ts';
import type { EquipmentImports } from './services/imports.ts';
import type { EquipmentSettingsService } from './services/settings.ts';

export const equipmentRoutes: FastifyPluginAsyncZod<{
  equipment: EquipmentService;
  exporter: ReturnType<typeof createEquipmentExport>;
  imports: EquipmentImports;
  settings: EquipmentSettingsService;
}> = async (app, { equipment, exporter, imports, settings }) => {
  if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart);
  const tags = ['equipment'];
  const read = { permission: 'equipment:read' as const };
  const write = { permission: 'equipment:write' as const };
  const admin = { permission: 'equipment:settings' as const };

  app.get(
    '/equipment/categories',
    { config: read, schema: { tags, summary: '特种设备类别（字典）', response: { 200: z.array(ZEquipmentCategory) } } },
    () => equipment.categories(),
  );
  app.get(
    '/equipment',
    {
      config: read,
      schema: {
        tags,
        summary: '特种设备台账（可筛选应报检、超期未检、维保超期）',
        querystring: ZEquipmentQuery,
        response: { 200: ZPage(ZEquipment) },
      },
    },
    (req) => equipment.list(actorOf(req), req.query),
  );
  app.get(
    '/equipment/export',
    { config: read, schema: { tags, summary: '导出特种设备台账（XLSX）', querystring: ZEquipmentFilter } },
    async (req, reply) => {
      const file = await exporter.export(actorOf(req), req.query);
      return download(reply, XLSX_TYPE, file.filename, file.ascii).send(file.body);
    },
  );
  app.get(
    '/equipment/map',
    {
      config: read,
      schema: {
        tags,
        summary: '特种设备分布（坐标点与乡镇汇总）',
        querystring: ZEquipmentFilter,
        response: { 200: ZEquipmentMap },
      },
    },
    (req) => equipment.map(actorOf(req), req.query) as never,
  );
  app.post(
    '/equipment',
    { config: write, schema: { tags, summary: '登记特种设备', body: ZEquipmentBody, response: { 200: ZEquipment } } },
    (req) => equipment.create(actorOf(req), req.body),
  );
  app.get(
    '/equipment/:id',
    { config: read, schema: { tags, summary: '特种设备详情', params: ZIdParams, response: { 200: ZEquipmentDetail } } },
    (req) => equipment.detail(actorOf(req), req.params.id),
  );
  app.patch(
    '/equipment/:id',
    {
      config: write,
      schema: {
        tags,
        summary: '修改设备信息（制造、维保单位、地点）',
        params: ZIdParams,
        body: ZEquipmentBody.pick({
          makerName: true,
          installerName: true,
          maintenanceUnitName: true,
          address: true,
          regionCode: true,
          latitude: true,
          longitude: true,
        }).extend({ version: z.number().int().positive() }),
        response: { 200: ZEquipment },
      },
    },
    (req) => equipment.update(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/equipment/:id/status',
    {
      config: write,
      schema: {
        tags,
        summary: '办理登记、停用、启用、报废、拆除、注销、移装',
        params: ZIdParams,
        body: ZEquipmentStatusBody,
        response: { 200: ZEquipment },
      },
    },
    (req) => equipment.setStatus(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/equipment/:id/inspections',
    {
      config: write,
      schema: {
        tags,
        summary: '录入定期检验结果',
        params: ZIdParams,
        body: ZInspectionBody,
        response: { 200: ZEquipment },
      },
    },
    (req) => equipment.addInspection(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/equipment/:id/maintenance',
    {
      config: write,
      schema: {
        tags,
        summary: '录入电梯维保记录',
        params: ZIdParams,
        body: ZMaintenanceBody,
        response: { 200: ZEquipment },
      },
    },
    (req) => equipment.addMaintenance(actorOf(req), req.params.id, req.body),
  );
  for (const [path, summary, run] of [
    ['inspections', '导入检验机构的定期检验结果（XLSX/CSV，multipart：file）', imports.inspections],
    ['maintenance', '导入维保单位的电梯维保记录（XLSX/CSV，multipart：file）', imports.maintenance],
  ] as const)
    app.post(
      `/equipment/imports/${path}`,
      { config: write, schema: { tags, summary, response: { 200: ZEquipmentImportResult } } },
      async (req) => {
        const { file } = await receiveUpload(req, IMPORT_MAX_BYTES);
        const bytes = file.pieces.length === 1 ? file.pieces[0]! : Buffer.concat(file.pieces);
        return run(actorOf(req), bytes, file.filename);
      },
    );

  app.get(
    '/equipment/settings/intervals',
    { config: read, schema: { tags, summary: '定期检验周期（数据表）', response: { 200: z.array(ZInterval) } } },
    (req) => settings.intervals(actorOf(req)),
  );
  app.patch(
    '/equipment/settings/intervals/:id',
    {
      config: admin,
      schema: { tags, summary: '修改检验周期', params: ZIdParams, body: ZIntervalPatch, response: { 200: ZInterval } },
    },
    (req) => settings.updateInterval(actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/equipment/settings',
    { config: read, schema: { tags, summary: '特种设备设置（维保周期等）', response: { 200: ZEquipmentSettings } } },
    (req) => settings.settings(actorOf(req)),
  );
  app.put(
    '/equipment/settings',
    {
      config: admin,
      schema: {
        tags,
        summary: '修改特种设备设置',
        body: ZEquipmentSettingsBody,
        response: { 200: ZEquipmentSettings },
      },
    },
    (req) => settings.updateSettings(actorOf(req), req.body),
  );
  app.post(
    '/equipment/settings/sweep',
    { config: admin, schema: { tags, summary: '立即刷新检验状态（夜间任务）', response: { 200: ZSweepResult } } },
    (req) => settings.sweep(actorOf(req)),
  );
};
