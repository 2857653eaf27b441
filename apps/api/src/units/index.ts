import { ListUnitsHandler } from './list-units/list-units.handler';
import { RegisterUnitHandler } from './register-unit/register-unit.handler';

export { UnitsController } from './units.controller';
/** The units feature's command and query handlers, for the app module to provide. */
export const UNIT_HANDLERS = [RegisterUnitHandler, ListUnitsHandler];
