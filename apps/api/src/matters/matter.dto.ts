// The matter requests' DTOs, each defined in its use-case folder, under the one name tests and clients import.
export { ContactDto, INSTANT, OccurredAtDto, PetitionerDto } from './matter-fields.dto';
export { OpenMatterDto } from './open-matter/open-matter.dto';
export { RecordContactDto } from './record-contact/record-contact.dto';
export { AssignmentDto } from './assign-matter/assign-matter.dto';
export { AcceptanceDto } from './decide-acceptance/decide-acceptance.dto';
export { RemitReturnDto } from './return-outside-remit/return-outside-remit.dto';
export { ActionDto } from './record-handling-action/record-handling-action.dto';
export { ExtensionDto } from './extend-deadline/extend-deadline.dto';
export { ReplyDto } from './issue-reply/issue-reply.dto';
export { EvaluationDto } from './evaluate-satisfaction/evaluate-satisfaction.dto';
export { ReviewRequestDto } from './request-review/request-review.dto';
export { ReviewDecisionDto } from './decide-review/decide-review.dto';
export { ResolutionDto } from './resolve-matter/resolve-matter.dto';
export { OwnerDto } from './assign-owner/assign-owner.dto';
export { CorrectionDto } from './correct-matter/correct-matter.dto';
export { ListMattersQueryDto } from './list-matters/list-matters.dto';
export { ErasureDto } from '../petitioners/erase-petitioner/erase-petitioner.dto';
