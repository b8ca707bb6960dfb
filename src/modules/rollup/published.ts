/**
 * What a city publishes to the province (issue 15 point 6): the registry, credit classes and listings, spot-check
 * results, 12315 items and cases with penalties, each with an explicit column list (PostgreSQL 15 publication
 * column lists). The rule: codes, dates, amounts, statuses and the registry's public fields travel; anything about
 * a natural person (names, phones, ID numbers, even masked) and free text typed by staff (which can carry them)
 * stays in the city. `keptOut` names the columns withheld on purpose; a test proves none of them is published and
 * that every other column of these tables is either published or kept out (a new column must be classified).
 */
export const PUBLICATION_NAME = 'shijian_rollup';

export interface PublishedTable {
  table: string;
  columns: readonly string[];
  /** Columns that never leave the city, with the reason. */
  keptOut: Readonly<Record<string, string>>;
}

const PERSON = '个人信息（自然人姓名、电话、身份证号）';
const FREE_TEXT = '工作人员填写的自由文本，可能含个人信息';
const INTERNAL = '城市内部字段（用户编号、版本号、检索列等），省级无意义';

export const PUBLISHED: readonly PublishedTable[] = [
  {
    table: 'schema_migrations',
    columns: ['name', 'checksum'],
    keptOut: { applied_at: INTERNAL },
  },
  {
    table: 'org_units',
    columns: ['id', 'parent_id', 'code', 'name', 'kind', 'path', 'region_codes', 'active'],
    keptOut: { sort_order: INTERNAL, version: INTERNAL, created_at: INTERNAL, updated_at: INTERNAL },
  },
  {
    table: 'entities',
    columns: [
      'id',
      'uscc',
      'type',
      'name',
      'address',
      'region_code',
      'station_id',
      'industry_code',
      'registered_capital_fen',
      'established_on',
      'status',
      'created_at',
      'updated_at',
    ],
    keptOut: {
      legal_rep_name: PERSON,
      legal_rep_id_cipher: PERSON,
      legal_rep_id_hash: PERSON,
      legal_rep_id_masked: PERSON,
      phone: PERSON,
      business_scope: INTERNAL,
      name_bigrams: INTERNAL,
      uscc_override_reason: FREE_TEXT,
      uscc_override_by: INTERNAL,
      created_by: INTERNAL,
      version: INTERNAL,
    },
  },
  {
    table: 'entity_licences',
    columns: ['id', 'entity_id', 'kind', 'number', 'issued_on', 'valid_until', 'created_at'],
    keptOut: {},
  },
  {
    table: 'entity_risk_classes',
    columns: ['entity_id', 'risk_class', 'score', 'model_version', 'computed_at'],
    keptOut: {},
  },
  {
    table: 'credit_listings',
    columns: [
      'id',
      'entity_id',
      'station_id',
      'list',
      'ground',
      'report_year',
      'status',
      'listed_on',
      'decision_no',
      'removed_on',
      'removal_decision_no',
      'created_at',
      'updated_at',
    ],
    keptOut: {
      reason: FREE_TEXT,
      removal_reason: FREE_TEXT,
      batch_id: INTERNAL,
      source_listing_id: INTERNAL,
      version: INTERNAL,
    },
  },
  {
    table: 'spot_check_items',
    columns: ['id', 'department_id', 'code', 'name', 'level', 'active'],
    keptOut: { legal_basis: INTERNAL, checklist: INTERNAL, created_at: INTERNAL },
  },
  {
    table: 'spot_check_visits',
    columns: ['id', 'plan_id', 'entity_id', 'station_id', 'status', 'inspected_on', 'published_at', 'updated_at'],
    keptOut: { task_ids: INTERNAL, inspector_ids: INTERNAL, publish_due_on: INTERNAL, version: INTERNAL },
  },
  {
    table: 'spot_check_results',
    columns: ['visit_id', 'item_id', 'category', 'recorded_at'],
    keptOut: { notes: FREE_TEXT, file_ids: INTERNAL, case_lead_ref: INTERNAL, recorded_by: INTERNAL },
  },
  {
    table: 'complaint_categories',
    columns: ['code', 'name', 'parent_code', 'active'],
    keptOut: { sort_order: INTERNAL },
  },
  {
    table: 'complaints',
    columns: [
      'id',
      'kind',
      'channel',
      'status',
      'received_at',
      'received_on',
      'station_id',
      'entity_id',
      'business_name',
      'region_code',
      'category_code',
      'amount_fen',
      'ground_code',
      'recovered_fen',
      'satisfaction',
      'escalation_level',
      'updated_at',
    ],
    keptOut: {
      person_name: PERSON,
      person_phone: PERSON,
      person_id_cipher: PERSON,
      person_id_masked: PERSON,
      confidential: PERSON,
      tracking_code: '查询码（凭它可查询投诉人的事项）',
      description: FREE_TEXT,
      result_text: FREE_TEXT,
      feedback_text: FREE_TEXT,
      feedback_channel: FREE_TEXT,
      business_address: FREE_TEXT,
      transferred_to: FREE_TEXT,
      rule_set_code: INTERNAL,
      handler_id: INTERNAL,
      linked_id: INTERNAL,
      idempotency_key: INTERNAL,
      escalated_at: INTERNAL,
      case_lead_ref: INTERNAL,
      created_by: INTERNAL,
      version: INTERNAL,
    },
  },
  {
    table: 'case_violation_types',
    columns: ['id', 'code', 'area', 'name', 'involves_safety', 'active'],
    keptOut: { legal_basis: INTERNAL, penalty_basis: INTERNAL, sort_order: INTERNAL },
  },
  {
    table: 'cases',
    columns: [
      'id',
      'case_no',
      'procedure',
      'status',
      'entity_id',
      'party_kind',
      'party_uscc',
      'station_id',
      'department_id',
      'act_on',
      'filed_on',
      'decision_kind',
      'decision_no',
      'decided_on',
      'closed_on',
      'fine_due_fen',
      'paid_fen',
      'case_value_fen',
      'goods_value_fen',
      'confiscated_fen',
      'is_major',
      'transferred_to_judiciary',
      'typical',
      'created_at',
      'updated_at',
    ],
    keptOut: {
      party_name: PERSON,
      party_id_no_enc: PERSON,
      party_address: PERSON,
      party_bigrams: PERSON,
      title: FREE_TEXT,
      facts: FREE_TEXT,
      enforcement_court: FREE_TEXT,
      pending_action: INTERNAL,
      lead_id: INTERNAL,
      limitation_expires_on: INTERNAL,
      decision_due_on: INTERNAL,
      decision_extensions: INTERNAL,
      decision_extra_days: INTERNAL,
      needs_collective: INTERNAL,
      hearing_right: INTERNAL,
      notified_on: INTERNAL,
      statement_due_on: INTERNAL,
      served_on: INTERNAL,
      serve_method: INTERNAL,
      payment_due_on: INTERNAL,
      payment_plan: INTERNAL,
      summary_filing_due_on: INTERNAL,
      summary_filed_on: INTERNAL,
      enforcement_applied_on: INTERNAL,
      created_by: INTERNAL,
      version: INTERNAL,
    },
  },
  {
    table: 'case_violations',
    columns: ['case_id', 'violation_type_id'],
    keptOut: {},
  },
  {
    table: 'case_penalties',
    columns: ['id', 'case_id', 'kind', 'amount_fen', 'discretion'],
    keptOut: { discretion_basis: FREE_TEXT, note: FREE_TEXT },
  },
];

/** Personal-data columns per table: the ones a test proves are absent from the publication. */
export const PERSONAL_COLUMNS: ReadonlyArray<{ table: string; column: string }> = PUBLISHED.flatMap((t) =>
  Object.entries(t.keptOut)
    .filter(([, reason]) => reason === PERSON)
    .map(([column]) => ({ table: t.table, column })),
);

/** A city's region code names its schema and its databases on the province, so only digits are accepted. */
export const CITY_CODE = /^\d{2,12}$/;
