import { ErasePetitionerHandler } from './erase-petitioner/erase-petitioner.handler';

export { PetitionersController } from './petitioners.controller';
/** The petitioners feature's command handlers, for the app module to provide. */
export const PETITIONER_HANDLERS = [ErasePetitionerHandler];
