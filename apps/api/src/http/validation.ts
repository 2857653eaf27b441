import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { compiledBodyFor } from './compiled-body';
import { badRequest, FieldError } from './problem';

/** Flattens class-validator's tree into `{field, message}` with dotted paths (`contact.headcount`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(/^property (\S+) should not exist$/, 'is not a known field'),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** The deepest DTO nests 3 levels; input nested far deeper is refused before anything recurses over it. */
export const MAX_INPUT_DEPTH = 32;

/** Walks the input without recursion, so that no nesting depth can overflow the stack. */
export function assertNotTooDeep(value: unknown, maxDepth = MAX_INPUT_DEPTH): void {
  // Two stacks side by side rather than a pair per value: every write walks its body twice.
  const items: unknown[] = [value];
  const depths: number[] = [1];
  while (items.length > 0) {
    const item = items.pop();
    const depth = depths.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth > maxDepth) throw badRequest(`the input is nested more than ${maxDepth} levels deep`);
    for (const key in item) {
      if (!Object.hasOwn(item, key)) continue;
      items.push((item as Record<string, unknown>)[key]);
      depths.push(depth + 1);
    }
  }
}

/** Nest's ValidationPipe walks its input recursively (prototype keys, class-transformer): depth first. */
class DepthCheckedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    assertNotTooDeep(value);
    // A valid body takes the compiled check; anything else (and every error) the full pipe.
    if (metadata.type === 'body' && metadata.metatype && typeof value === 'object' && value !== null) {
      const body = compiledBodyFor(metadata.metatype);
      if (body?.accepts(value)) return body.build(value);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new DepthCheckedValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = flattenValidationErrors(errors);
      const fields = [...new Set(fieldErrors.map((e) => e.field))].join(', ');
      return badRequest(`invalid fields: ${fields}`, fieldErrors);
    },
  });
}
