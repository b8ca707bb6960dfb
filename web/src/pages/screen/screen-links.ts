/** Where each figure of the screen drills down to: the list with the same filters (read from the query string). */
const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

export const screenLinks = {
  entitiesActive: () => '/entities?status=active',
  entitiesEstablished: (from: string, to: string) => `/entities?establishedFrom=${from}&establishedTo=${to}`,
  /** A month label YYYY-MM: the entities established in it. */
  entitiesOfMonth: (month: string) => screenLinks.entitiesEstablished(`${month}-01`, lastDayOf(month)),
  entitiesOfType: (type: string) => `/entities?status=active&type=${type}`,
  entitiesOfStation: (unitId: number) => `/entities?status=active&stationId=${unitId}`,
  complaintsReceived: (from: string, to: string) => `/complaints?receivedFrom=${from}&receivedTo=${to}`,
  complaintsOverdue: () => '/complaints?overdue=true',
  complaintAnalysis: () => '/complaints/analysis',
  credit: () => '/credit',
  abnormalList: () => '/credit/abnormal',
  visits: (status?: 'assigned' | 'inspected') =>
    status ? `/spot-checks/visits?status=${status}` : '/spot-checks/visits',
  cases: () => '/cases',
  caseStats: () => '/cases/stats',
};
