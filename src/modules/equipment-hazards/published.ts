/**
 * What the hazards module lets other modules call: the register look-ups the lift plates share (read-only, until
 * src/modules/equipment/published.ts offers findEquipment) (status changes go through src/modules/equipment/published.ts).
 */
export { authorityOf, type EquipmentFacts, equipmentFacts } from './repos/equipment.ts';
