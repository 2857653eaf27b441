import { RecordInstructionHandler } from './record-instruction/record-instruction.handler';

export { InstructionsController } from './instructions.controller';
/** The instructions feature's command handlers, for the app module to provide. */
export const INSTRUCTION_HANDLERS = [RecordInstructionHandler];
