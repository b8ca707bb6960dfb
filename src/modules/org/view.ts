import type { TOrgUnit, TUser } from '../../contracts/org.ts';
import type { OrgUnitRow, UserRow } from './repo.ts';

export const publicUser = ({ unitPath: _, ...user }: UserRow): TUser => user;
export const publicUnit = ({ path: _, ...unit }: OrgUnitRow): TOrgUnit => unit;
