/** Organisation pages (units, users, roles): text not yet in the main dictionary. */
export const orgZhCN = {
  'units.inactiveName': '{name}（停用）',
};
