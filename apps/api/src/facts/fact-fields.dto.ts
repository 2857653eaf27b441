// The fields several fact requests share; each request's own DTO lives in its use-case folder.
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export const ID = /^[A-Za-z0-9_-]{1,64}$/;
export const ID_MESSAGE = 'must be 1-64 letters, digits, - or _';
export const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const DATE_MESSAGE = 'must be a date YYYY-MM-DD';
/** Counts of one record: generous, but a typo of three extra zeros is refused. */
const MAX_COUNT = 1_000_000;

export function Count(description: string, example: number): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ description, example, minimum: 0, maximum: MAX_COUNT })(target, key);
    IsInt()(target, key);
    Min(0)(target, key);
    Max(MAX_COUNT)(target, key);
  };
}
