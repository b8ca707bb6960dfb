import { Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import type { TEntitySummary } from '../../../../src/contracts/entities.ts';
import { type CaseSettings, defaultCaseSettings } from '../../../../src/domain/case-settings.ts';
import { casesApi, type TCaseSummary, type TOfficerCandidate, type TViolationType } from '../../api/cases.ts';
import { complaintsApi } from '../../api/complaints.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { RemoteSearchSelect } from '../../components/remote-search-select.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { areaLabel } from './case-labels.ts';

const searchEntities = async (q: string, signal: AbortSignal) =>
  (await complaintsApi.searchEntities(q, { signal })).items;

/** A registry entity by name or USCC; `onPicked` hands the row over so the form fills the party. */
export function EntityPicker({
  value,
  onChange,
  onPicked,
  testId = 'case-entity',
}: {
  value?: number;
  onChange?: (v: number | undefined) => void;
  onPicked?: (e: TEntitySummary) => void;
  testId?: string;
}) {
  const t = useT();
  return (
    <RemoteSearchSelect
      queryKey={queryKeys.entities.search}
      search={searchEntities}
      toOption={(e: TEntitySummary) => ({
        value: e.id,
        label: t('cases.entityOption', { name: e.name, uscc: e.uscc }),
        entity: e,
      })}
      minChars={2}
      value={value}
      onChange={onChange}
      onSelect={(_, option) => onPicked?.(option.entity)}
      placeholder={t('cases.entitySearch')}
      hint={t('cases.entitySearchMin')}
      forbiddenHint={t('cases.entitySearchForbidden')}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}

/** The local policy (readable with case:read); the defaults until it has loaded. */
export function useCaseSettings(): Pick<
  CaseSettings,
  'summaryFineLimitFen' | 'limitationWarningDays' | 'hearingThresholdFen'
> {
  const settings = useAsync((signal) => casesApi.settings({ signal }), queryKeys.caseRefs.settings());
  return settings.data?.settings ?? defaultCaseSettings;
}

/** The 违法行为 dictionary, searchable by name, code and provision. */
export function useViolationTypes() {
  return useAsync((signal) => casesApi.violationTypes({ signal }), queryKeys.caseRefs.violationTypes());
}

export function ViolationTypeSelect({
  value,
  onChange,
  types,
  multiple = true,
  testId = 'case-violations',
}: {
  value?: number[] | number;
  onChange?: (v: number[] | number) => void;
  types: TViolationType[];
  multiple?: boolean;
  testId?: string;
}) {
  const t = useT();
  const options = useMemo(
    () =>
      types.map((v) => ({
        value: v.id,
        label: v.name,
        search: `${v.name} ${v.code} ${v.legalBasis} ${areaLabel(t, v.area)} ${v.areaLabel}`,
        type: v,
      })),
    [types, t],
  );
  return (
    <Select
      mode={multiple ? 'multiple' : undefined}
      value={value}
      onChange={onChange}
      options={options}
      showSearch={{ optionFilterProp: 'search' }}
      optionRender={(o) => (
        <div style={{ whiteSpace: 'normal' }}>
          <div>
            {o.data.type.name} <Tag>{areaLabel(t, o.data.type.area)}</Tag>
            {o.data.type.involvesSafety && <Tag color="red">{t('cases.involvesSafety')}</Tag>}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {o.data.type.legalBasis}
          </Typography.Text>
        </div>
      )}
      placeholder={t('cases.violationSearch')}
      data-testid={testId}
    />
  );
}

const searchOfficers = async (q: string, signal: AbortSignal) =>
  (await casesApi.officerCandidates(q, { signal })).items;

/**
 * 承办人: staff with an enforcement credential; the credential number and expiry are shown, and a user whose
 * credential is missing or expired cannot be picked.
 */
export function OfficerSelect({
  value,
  onChange,
  testId = 'case-officers',
}: {
  value?: number[];
  onChange?: (v: number[]) => void;
  testId?: string;
}) {
  const t = useT();
  const all = useAsync((signal) => searchOfficers('', signal), queryKeys.caseRefs.officers(''));
  const today = dayjs().format('YYYY-MM-DD');
  const options = useMemo(
    () =>
      (all.data ?? []).map((o: TOfficerCandidate) => {
        const valid = Boolean(o.credentialNo) && o.credentialExpiresOn >= today;
        return {
          value: o.id,
          label: o.displayName,
          disabled: !valid,
          search: `${o.displayName} ${o.credentialNo}`,
          officer: o,
          valid,
        };
      }),
    [all.data, today],
  );
  return (
    <Select
      mode="multiple"
      value={value}
      onChange={onChange}
      options={options}
      loading={all.loading}
      showSearch={{ optionFilterProp: 'search' }}
      optionRender={(o) => (
        <Space size={4} wrap>
          {o.data.officer.displayName}
          {o.data.officer.unitName && <Typography.Text type="secondary">{o.data.officer.unitName}</Typography.Text>}
          {o.data.officer.credentialNo ? (
            <Tag color={o.data.valid ? 'green' : 'red'}>
              {t('cases.credentialShort', {
                no: o.data.officer.credentialNo,
                until: o.data.officer.credentialExpiresOn ?? '—',
              })}
            </Tag>
          ) : (
            <Tag color="red">{t('cases.noCredential')}</Tag>
          )}
        </Space>
      )}
      placeholder={t('cases.officerPick')}
      data-testid={testId}
    />
  );
}

const searchCases = async (q: string, signal: AbortSignal) => (await casesApi.list({ q, limit: 20 }, { signal })).items;

/** An open case to merge a lead into, found by number, party or 案由. */
export function CasePicker({
  value,
  onChange,
  testId = 'case-picker',
}: {
  value?: number;
  onChange?: (v: number | undefined) => void;
  testId?: string;
}) {
  const t = useT();
  return (
    <RemoteSearchSelect
      queryKey={(q) => queryKeys.cases.list({ q, picker: true })}
      search={searchCases}
      toOption={(c: TCaseSummary) => ({
        value: c.id,
        label: t('cases.caseOption', { no: c.caseNo ?? `#${c.id}`, party: c.partyName, title: c.title }),
      })}
      minChars={1}
      value={value}
      onChange={onChange}
      placeholder={t('cases.caseSearch')}
      hint={t('cases.caseSearchHint')}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
