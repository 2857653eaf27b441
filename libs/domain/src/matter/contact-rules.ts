import { CHANNELS, LEVELS, SOURCES } from '../code-lists';
import type { ContactRecordedData } from '../events/matter-events';
import { oneOf, refuse } from './command-checks';
import type { ContactInput } from './matter-commands';

/**
 * The contact as recorded. `repeat` and `collective` are settled here, once,
 * so that every read model counts them the same way.
 */
export function contactData(input: ContactInput, repeat: boolean, collectiveThreshold: number): ContactRecordedData {
  if (!input || typeof input !== 'object') refuse('value-required', 'contact is required', 'contact');
  const channel = oneOf(CHANNELS, input.channel, 'contact.channel');
  const level =
    input.level === undefined || input.level === null ? 'city' : oneOf(LEVELS, input.level, 'contact.level');
  const hasSource = input.source !== undefined && input.source !== null;
  if (channel === 'online' && !hasSource) {
    refuse('source-required-for-online', 'an online contact needs its source platform', 'contact.source');
  }
  if (channel !== 'online' && hasSource) {
    refuse('source-only-for-online', `a ${channel} contact has no source platform`, 'contact.source');
  }
  const source = hasSource ? oneOf(SOURCES, input.source, 'contact.source') : null;
  const headcount = input.headcount ?? 1;
  if (!Number.isSafeInteger(headcount) || headcount < 1) {
    refuse(
      'headcount-invalid',
      `headcount must be a whole number of at least 1; got ${headcount}`,
      'contact.headcount',
    );
  }
  return { channel, level, source, headcount, collective: headcount >= collectiveThreshold, repeat };
}
