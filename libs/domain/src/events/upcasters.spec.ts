import { CURRENT_VERSION, EVENT_TYPES } from './event-catalog';
import { UPCASTERS, upcast, UpcastError, upcastEvent } from './upcasters';

describe('upcasting stored events', () => {
  const v1 = { channel: 'visit', source: null, headcount: 3, collective: false, repeat: false };

  it('brings a v1 ContactRecorded without level to v2 lodged in the city', () => {
    expect(upcast('ContactRecorded', 1, v1)).toEqual({ ...v1, level: 'city' });
  });

  it('returns the event at the current version, with the same occurredAt', () => {
    expect(
      upcastEvent({ type: 'ContactRecorded', version: 1, occurredAt: '2021-03-01T09:00:00+08:00', data: v1 }),
    ).toEqual({
      type: 'ContactRecorded',
      version: 2,
      occurredAt: '2021-03-01T09:00:00+08:00',
      data: { ...v1, level: 'city' },
    });
  });

  it('leaves current data as it is', () => {
    const v2 = { ...v1, level: 'province' };
    expect(upcast('ContactRecorded', 2, v2)).toBe(v2);
    expect(upcast('MatterResolved', 1, { note: 'settled' })).toEqual({ note: 'settled' });
  });

  it('refuses unknown types and versions rather than guess', () => {
    expect(() => upcast('MatterExploded', 1, {})).toThrow(UpcastError);
    expect(() => upcast('ContactRecorded', 3, {})).toThrow(/versions 1..2/);
    expect(() => upcast('ContactRecorded', 0, {})).toThrow(UpcastError);
  });

  it('has an upcaster for every step from version 1 to the current version of every type', () => {
    for (const type of EVENT_TYPES) {
      for (let v = 1; v < CURRENT_VERSION[type]; v++) expect(UPCASTERS[type]?.[v]).toBeInstanceOf(Function);
    }
  });
});
