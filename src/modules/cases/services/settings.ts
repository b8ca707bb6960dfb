import type { TCaseSettingsView } from '../../../contracts/case-leads.ts';
import type { Db, Queryable } from '../../../db/client.ts';
import type { CaseSettings } from '../../../domain/case-settings.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { validation } from '../../../platform/errors.ts';
import { staleVersion } from '../../../platform/workflow.ts';
import { findSettingsRow, knownRoleCodes, saveSettingsRow } from '../repos/settings.ts';
import { loadCaseSettings } from '../repos/settings-row.ts';

/**
 * The case module's local policy (domain/case-settings.ts): the stored row merged over the defaults. Every use
 * case reads it through here, inside or outside a transaction.
 */
export const getCaseSettings = (q: Db | Queryable): Promise<CaseSettings> => loadCaseSettings(q);

export function createCaseSettingsService(db: Db) {
  async function view(): Promise<TCaseSettingsView> {
    const row = await findSettingsRow(db);
    return { settings: await getCaseSettings(db), version: row?.version ?? 0, updatedAt: row?.updatedAt ?? null };
  }
  return {
    view,
    /** Replaces the whole policy (the form sends every field), versioned and audited. */
    async update(actor: Actor, body: { settings: CaseSettings; version: number }): Promise<TCaseSettingsView> {
      const chains: [string, readonly string[]][] = [
        ...Object.entries(body.settings.approvalChains).map(([step, roles]) => [`approvalChains.${step}`, roles]),
        ['summaryFilingRoles', body.settings.summaryFilingRoles],
      ] as [string, readonly string[]][];
      const known = await knownRoleCodes(db, [...new Set(chains.flatMap(([, roles]) => roles))]);
      for (const [path, roles] of chains) {
        const i = roles.findIndex((r) => !known.has(r));
        if (i >= 0) throw validation(`settings.${path}.${i}`, `角色编码 ${roles[i]} 不存在`);
      }
      await db.transaction(async (tx) => {
        const before = await getCaseSettings(tx);
        if (!(await saveSettingsRow(tx, body.settings, body.version, actor.userId)))
          throw staleVersion('办案设置已被他人修改，请刷新后重试');
        await appendAudit(tx, actor, {
          action: 'case.settings.update',
          targetType: 'case-settings',
          targetId: 1,
          detail: { before, after: body.settings },
        });
      });
      return view();
    },
  };
}

export type CaseSettingsService = ReturnType<typeof createCaseSettingsService>;
