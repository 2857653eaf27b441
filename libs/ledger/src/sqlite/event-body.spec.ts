import fc from 'fast-check';
import { canonicalJson } from '../canonical-json';
import { encodeEventBody, EventBody } from './event-body';

describe('the stored event body', () => {
  it('is exactly the canonical JSON of the body, whatever it holds', () => {
    const body = fc.record<EventBody>({
      version: fc.integer({ min: 1, max: 9 }),
      occurredAt: fc.string(),
      recordedAt: fc.string(),
      actor: fc.record({ id: fc.string(), role: fc.string() }),
      causationId: fc.option(fc.string(), { nil: null }),
      correlationId: fc.option(fc.string(), { nil: null }),
      data: fc.jsonValue(),
      metadata: fc.dictionary(fc.string(), fc.jsonValue()),
    });
    const outcome = (encode: () => string) => {
      try {
        return encode();
      } catch (error) {
        return `throws ${(error as Error).name}`;
      }
    };
    fc.assert(
      fc.property(body, (b) => outcome(() => encodeEventBody(b)) === outcome(() => canonicalJson(b))),
      { numRuns: 500 },
    );
  });
});
