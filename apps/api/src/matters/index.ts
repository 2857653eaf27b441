import { AssignMatterHandler } from './assign-matter/assign-matter.handler';
import { AssignOwnerHandler } from './assign-owner/assign-owner.handler';
import { CorrectMatterHandler } from './correct-matter/correct-matter.handler';
import { DecideAcceptanceHandler } from './decide-acceptance/decide-acceptance.handler';
import { DecideReviewHandler } from './decide-review/decide-review.handler';
import { EvaluateSatisfactionHandler } from './evaluate-satisfaction/evaluate-satisfaction.handler';
import { ExtendDeadlineHandler } from './extend-deadline/extend-deadline.handler';
import { GetMatterHandler } from './get-matter/get-matter.handler';
import { IssueReplyHandler } from './issue-reply/issue-reply.handler';
import { ListMattersHandler } from './list-matters/list-matters.handler';
import { MatterTimelineHandler } from './matter-timeline/matter-timeline.handler';
import { OpenMatterHandler } from './open-matter/open-matter.handler';
import { RecordContactHandler } from './record-contact/record-contact.handler';
import { RecordHandlingActionHandler } from './record-handling-action/record-handling-action.handler';
import { RecordPersonalDataViewingHandler } from './record-personal-data-viewing/record-personal-data-viewing.handler';
import { RequestReviewHandler } from './request-review/request-review.handler';
import { ResolveMatterHandler } from './resolve-matter/resolve-matter.handler';
import { ReturnOutsideRemitHandler } from './return-outside-remit/return-outside-remit.handler';
import { MatterStream } from './matter-stream';
import { MatterViews } from './matter-view';

export { MattersController } from './matters.controller';

/** The matters feature's command and query handlers, with the services they share, for the app module. */
export const MATTER_HANDLERS = [
  MatterStream,
  MatterViews,
  OpenMatterHandler,
  RecordContactHandler,
  AssignMatterHandler,
  DecideAcceptanceHandler,
  ReturnOutsideRemitHandler,
  RecordHandlingActionHandler,
  ExtendDeadlineHandler,
  IssueReplyHandler,
  EvaluateSatisfactionHandler,
  RequestReviewHandler,
  DecideReviewHandler,
  ResolveMatterHandler,
  AssignOwnerHandler,
  CorrectMatterHandler,
  RecordPersonalDataViewingHandler,
  ListMattersHandler,
  GetMatterHandler,
  MatterTimelineHandler,
];
