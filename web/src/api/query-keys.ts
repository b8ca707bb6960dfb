import type { QueryKey } from '@tanstack/react-query';

/**
 * Query keys, one group per API module. A key starts with the first segment of the path it reads
 * (`/spot-checks/visits` → `['spot-checks', …]`), so a write to a path can mark exactly its module's reads stale.
 * Filters go in the key as one object: a new filter is a new cache entry, the same filter a cache hit.
 */
export const queryKeys = {
  audit: {
    all: ['audit'],
    list: (query: object) => ['audit', 'list', query],
    logins: (query: object) => ['audit', 'logins', query],
  },
  calendar: {
    all: ['calendar'],
    status: () => ['calendar', 'status'],
    days: (from: string, to: string) => ['calendar', 'days', from, to],
    overrides: () => ['calendar', 'overrides'],
  },
  caseApprovals: {
    all: ['case-approvals'],
    inbox: () => ['case-approvals', 'inbox'],
  },
  caseLeads: {
    all: ['case-leads'],
    list: (query: object) => ['case-leads', 'list', query],
    detail: (id: number) => ['case-leads', 'detail', id],
  },
  caseRefs: {
    all: ['case-violation-types'],
    violationTypes: () => ['case-violation-types'],
    officers: (q: string) => ['case-officers', q],
    settings: () => ['case-settings'],
  },
  cases: {
    all: ['cases'],
    list: (query: object) => ['cases', 'list', query],
    detail: (id: number) => ['cases', 'detail', id],
    summaryFilings: () => ['cases', 'summary-filings'],
    documents: (id: number) => ['cases', 'documents', id],
    evidence: (id: number) => ['cases', 'evidence', id],
    execution: (id: number) => ['cases', 'execution', id],
    measures: (id: number) => ['cases', 'measures', id],
  },
  caseDisclosures: {
    all: ['case-disclosures'],
    list: (query: object) => ['case-disclosures', 'list', query],
  },
  inbox: {
    all: ['inbox'],
    list: (limit: number) => ['inbox', 'list', limit],
    team: () => ['inbox', 'team'],
  },
  system: {
    all: ['system'],
    summary: () => ['system', 'summary'],
  },
  screen: {
    all: ['screen'],
    get: (unitId?: number) => ['screen', unitId ?? 'district'],
  },
  complaints: {
    all: ['complaints'],
    categories: () => ['complaints', 'categories'],
    ruleSets: () => ['complaints', 'rule-sets'],
    stations: () => ['complaints', 'stations'],
    list: (query: object) => ['complaints', 'list', query],
    detail: (id: number) => ['complaints', 'detail', id],
    analysis: (query: object) => ['complaints', 'analysis', query],
    hotTopics: (from: string, to: string) => ['complaints', 'hot-topics', from, to],
    alerts: () => ['complaints', 'alerts'],
  },
  credit: {
    all: ['credit'],
    distribution: () => ['credit', 'distribution'],
    entity: (id: number) => ['credit', 'entity', id],
    batches: (query: object) => ['credit', 'batches', query],
    listings: (query: object) => ['credit', 'listings', query],
    repairs: (query: object) => ['credit', 'repairs', query],
    models: () => ['credit', 'models'],
  },
  entities: {
    all: ['entities'],
    list: (query: object) => ['entities', 'list', query],
    detail: (id: number) => ['entities', 'detail', id],
    importStatus: (jobId: number) => ['entities', 'import', jobId],
    /** The registry search of the pickers (first ten hits, raw rows). */
    search: (q: string) => ['entities', 'search', q],
  },
  jobs: {
    all: ['jobs'],
    list: (query: object) => ['jobs', 'list', query],
    detail: (id: number) => ['jobs', 'detail', id],
  },
  notifications: {
    all: ['notifications'],
    unreadCount: () => ['notifications', 'unread-count'],
    /** The bell's first unread ones (one page, not the page's infinite list). */
    bell: () => ['notifications', 'bell'],
    list: (query: object) => ['notifications', 'list', query],
  },
  org: {
    all: ['org'],
    units: (allowed = true) => ['org', 'units', allowed],
    roles: (allowed = true) => ['org', 'roles', allowed],
    users: (query: object) => ['org', 'users', query],
    userSearch: (q: string) => ['org', 'user-search', q],
  },
  public: {
    all: ['public'],
    complaintCategories: () => ['public', 'complaint-categories'],
    spotCheckResults: (query: object) => ['public', 'spot-check-results', query],
  },
  spotChecks: {
    all: ['spot-checks'],
    reference: () => ['spot-checks', 'reference'],
    items: () => ['spot-checks', 'items'],
    inspectors: () => ['spot-checks', 'inspectors'],
    conflicts: () => ['spot-checks', 'conflicts'],
    pools: () => ['spot-checks', 'pools'],
    plans: () => ['spot-checks', 'plans'],
    tasks: () => ['spot-checks', 'tasks'],
    task: (id: number) => ['spot-checks', 'task', id],
    visits: (query: object) => ['spot-checks', 'visits', query],
    visit: (id: number) => ['spot-checks', 'visit', id],
    visitSignatures: (id: number) => ['spot-checks', 'visit-signatures', id],
    /** The task wizard's plans, items and pools in one read. */
    wizardRefs: () => ['spot-checks', 'wizard-refs'],
  },
  stationRatings: {
    all: ['station-ratings'],
    list: (year: number) => ['station-ratings', 'list', year],
    detail: (id: number) => ['station-ratings', 'detail', id],
    checklist: () => ['station-ratings', 'checklist'],
  },
} as const satisfies Record<string, { all: QueryKey } & Record<string, unknown>>;

/** Hooks called without a key (code not yet given one) share this root; every write marks them stale. */
export const UNKEYED = 'unkeyed';

/**
 * Modules whose reads a write elsewhere changes: an entity's status shows in credit, complaints and spot checks;
 * credit and imports start jobs; a publication shows on the portal; units name the stations everywhere.
 */
const alsoAffects: Record<string, string[]> = {
  entities: ['credit', 'complaints', 'spot-checks', 'jobs'],
  credit: ['entities', 'jobs'],
  complaints: ['public'],
  'spot-checks': ['public', 'entities'],
  org: ['complaints', 'spot-checks', 'entities'],
  calendar: ['complaints', 'spot-checks', 'credit'],
  public: ['complaints'],
  cases: ['case-leads', 'case-approvals', 'public', 'credit', 'case-disclosures'],
  'case-measures': ['cases'],
  'case-disclosures': ['cases', 'public'],
  'case-leads': ['cases', 'case-approvals', 'complaints'],
  'case-approvals': ['cases', 'case-leads'],
  'case-settings': ['cases', 'case-leads'],
};

/** `/spot-checks/visits/3/results` → `spot-checks`. */
export const moduleOfPath = (path: string): string => path.split(/[/?]/).find((s) => s !== '') ?? '';

/** Reads that any write may change: the work inbox (every module's pending steps) and the system figures. */
const everyWriteAffects = ['inbox', 'system'];

/** The key prefixes a successful write to `path` marks stale. */
export function keysAfterWrite(path: string): QueryKey[] {
  const module = moduleOfPath(path);
  return [module, ...(alsoAffects[module] ?? []), UNKEYED, ...everyWriteAffects].map((m) => [m]);
}
