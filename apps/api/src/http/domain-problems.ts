import { isRuleViolation, RuleViolation } from '@app/domain';
import { PetitionerKeyErasedError } from '@app/security';
import { ProblemException } from './problem';

/**
 * A domain refusal as a problem: malformed input is 400, a command the matter's state
 * or the law does not allow is 422 with the rule in `detail` and in `rule`. A fact
 * dated in the future is bad input whatever the state, so it is 400 too. A command already
 * carried out is 409.
 */
export function problemForDomainError(error: unknown): ProblemException | undefined {
  if (error instanceof PetitionerKeyErasedError) {
    return new ProblemException(422, 'rules/petitioner-erased', 'The petitioner was erased', error.message, [], {
      rule: 'petitioner-erased',
    });
  }
  if (!isRuleViolation(error)) return undefined;
  const violation = error as RuleViolation;
  // Done before, and doing it again changes nothing (e.g. an erasure): a conflict, named by its rule.
  if (violation.kind === 'conflict')
    return new ProblemException(409, violation.rule, violation.title, violation.message);
  const input = violation.kind === 'input' || violation.rule === 'occurred-in-future';
  const errors = violation.field ? [{ field: violation.field, message: violation.message }] : [];
  return new ProblemException(
    input ? 400 : 422,
    `rules/${violation.rule}`,
    violation.title,
    `${violation.rule}: ${violation.message}`,
    errors,
    { rule: violation.rule },
  );
}
