import { erasePetitionerData, ErasureWrite } from './petitioner-erasure';

/** A vault fake that records the erasures it is asked for. */
const vault = () => {
  const erased: string[] = [];
  return { erased, erase: (id: string) => (erased.push(id), true) };
};
const request = { petitionerId: 'P-1', reason: '保存期限届满', at: new Date('2026-12-02T00:00:00Z') };

describe('erasePetitionerData: record first, then shred', () => {
  it('hands the write path the petitioner stream, the erasure decider and command, then destroys the key', async () => {
    const v = vault();
    let seen: ErasureWrite | undefined;
    const result = await erasePetitionerData(
      v,
      request,
      async (write) => {
        seen = write;
        expect(v.erased).toEqual([]); // nothing shredded before the record exists
        return 'written';
      },
      () => false,
    );
    expect(result).toBe('written');
    expect(seen?.stream.name).toBe('petitioner-P-1');
    expect(seen?.command).toEqual({ type: 'ErasePetitioner', petitionerId: 'P-1', reason: '保存期限届满' });
    expect(seen?.decider.decide(seen.command, seen.decider.initialState, { now: '2026-12-02T08:00:00+08:00' })).toEqual(
      [expect.objectContaining({ type: 'PetitionerErased' })],
    );
    expect(v.erased).toEqual(['P-1']);
  });

  it('keeps the key when the record fails, and completes a recorded erasure whose key survived', async () => {
    const failing = vault();
    await expect(
      erasePetitionerData(
        failing,
        request,
        () => Promise.reject(new Error('disk full')),
        () => false,
      ),
    ).rejects.toThrow('disk full');
    expect(failing.erased).toEqual([]);
    const recorded = vault();
    const already = new Error('already erased');
    await expect(
      erasePetitionerData(
        recorded,
        request,
        () => Promise.reject(already),
        (e) => e === already,
      ),
    ).rejects.toBe(already);
    expect(recorded.erased).toEqual(['P-1']);
  });
});
