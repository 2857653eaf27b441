import { CATEGORIES, CHANNELS, LEVELS, REMINDER_FORMATS, SOURCES, UNIT_KINDS } from '@app/domain';
import * as web from '../apps/web/src/core/code-lists';

describe("the web UI's code lists are the server's (libs/domain), in the same order", () => {
  it.each([
    ['categories', web.CATEGORIES, CATEGORIES],
    ['channels', web.CHANNELS, CHANNELS],
    ['levels', web.LEVELS, LEVELS],
    ['sources', web.SOURCES, SOURCES],
    ['unit kinds', web.UNIT_KINDS, UNIT_KINDS],
    ['reminder formats', web.REMINDER_FORMATS, REMINDER_FORMATS],
  ])('%s', (_name, offered, server) => {
    expect([...offered]).toEqual([...server]);
  });
});
