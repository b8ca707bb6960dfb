/**
 * What the hazards module lets other modules call: the register look-ups the lift plates share (read-only, until
 * src/modules/equipment/published.ts offers findEquipment) and the one status change this module makes.
 */
export { authorityOf, type EquipmentFacts, equipmentFacts } from './repos/equipment.ts';
export { recordReinspection, stopEquipmentByOrder } from './repos/equipment-link.ts';
