-- 局领导 of an existing install learn to watch every open step in their inbox (督办总览); new installs get it from
-- builtin-roles.ts. Reading a module alone no longer puts its steps in someone's 我的待办.
UPDATE roles SET permissions = permissions || ARRAY['inbox:oversee']
  WHERE builtin AND code IN ('leader', 'admin') AND NOT ('inbox:oversee' = ANY (permissions));
