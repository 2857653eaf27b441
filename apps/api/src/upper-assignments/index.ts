import { RecordUpperAssignmentHandler } from './record-upper-assignment/record-upper-assignment.handler';

export { UpperAssignmentsController } from './upper-assignments.controller';
/** The upper-level assignments feature's command handlers, for the app module to provide. */
export const UPPER_ASSIGNMENT_HANDLERS = [RecordUpperAssignmentHandler];
