import type { AccessProbe } from '../probe.ts';

/**
 * Org units: a unit owns itself and nothing is a user's own. Every owner's row is station A itself and the
 * outsider's is station B (new units would not be in sessions' unit lists, resolved at sign-in).
 */
export const orgUnitProbe: AccessProbe = {
  kind: 'org-unit',
  async seed(ctx, owners) {
    return {
      ownRows: new Map(owners.map((o) => [o, String(ctx.stationA.id)])),
      stationBRow: String(ctx.stationB.id),
    };
  },
  ops: {
    async write(caller, { id }) {
      const units = await caller.get<{ id: number; sortOrder: number; version: number }[]>('/api/v1/org/units');
      const unit = Array.isArray(units.body) ? units.body.find((u) => String(u.id) === id) : undefined;
      const res = await caller.patch(`/api/v1/org/units/${id}`, {
        sortOrder: unit?.sortOrder ?? 0,
        version: unit?.version ?? 1,
      });
      return { status: res.status };
    },
  },
  notOffered: {
    list: 'the org tree is shown whole to anyone with org:unit:read (every unit picker needs it); scope governs changes',
    get: 'units are read as the tree; there is no single-unit endpoint',
    count: 'the tree has no total',
    export: 'no org export',
    download: 'no org file',
  },
};

/** Users: each owner's row is their own account (what `self` reaches); the outsider's is theirs at station B. */
export const userProbe: AccessProbe = {
  kind: 'user',
  async seed(_ctx, owners, outsider) {
    return { ownRows: new Map(owners.map((o) => [o, String(o)])), stationBRow: String(outsider) };
  },
  ops: {
    async list(caller, { ids }) {
      const res = await caller.get<{ items: { id: number }[] }>('/api/v1/org/users?limit=200');
      if (res.status !== 200) return { status: res.status };
      return { status: 200, ids: res.body.items.map((u) => String(u.id)).filter((id) => ids.includes(id)) };
    },
    get: async (caller, { id }) => ({ status: (await caller.get(`/api/v1/org/users/${id}`)).status }),
  },
  notOffered: {
    count: 'the user list is keyset-paged without a total',
    export: 'no user export',
    download: 'no user file',
    write:
      'changing a user also needs the target’s permissions and scope within the caller’s (domain/grant.ts), a rule beside the data scope; org tests cover it',
  },
};

export const probes: AccessProbe[] = [orgUnitProbe, userProbe];
