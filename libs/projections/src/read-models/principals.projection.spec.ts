import { domainEvent } from '@app/domain';
import { hashToken } from '@app/security';
import { dumpReadModels } from '../read-model-dump';
import { apply, modelDb, stored } from '../testing/projection-spec';
import { principalByTokenHash, principalsProjection } from './principals.projection';

const registered = (principalId: string, name: string, role: 'registrar' | 'handler', units: string[], token: string) =>
  domainEvent('PrincipalRegistered', '2022-01-04T09:00:00+08:00', {
    principalId,
    name,
    role,
    units,
    tokenHash: hashToken(token),
  });

const history = stored(
  [
    ['principal-p-1', registered('p-1', '登记员 王', 'registrar', [], 'token-one')],
    [
      'unit-town-a',
      domainEvent('UnitRegistered', '2022-01-04T09:00:00+08:00', {
        code: 'town-a',
        name: '城关街道',
        kind: 'town',
        parent: null,
      }),
    ],
    ['principal-p-2', registered('p-2', '经办人 李', 'handler', ['town-a', 'town-b'], 'token-two')],
  ],
  1,
  { id: 'admin', role: 'admin' },
);

describe('principals read model', () => {
  it('finds a principal by the hash of its token, with role and units, and never stores the token', () => {
    const db = modelDb([principalsProjection]);
    apply(db, [principalsProjection], history);
    expect(principalByTokenHash(db, hashToken('token-one'))).toEqual({
      id: 'p-1',
      name: '登记员 王',
      role: 'registrar',
      units: [],
    });
    expect(principalByTokenHash(db, hashToken('token-two'))).toEqual({
      id: 'p-2',
      name: '经办人 李',
      role: 'handler',
      units: ['town-a', 'town-b'],
    });
    expect(principalByTokenHash(db, hashToken('token-three'))).toBeNull();
    expect(JSON.stringify(dumpReadModels(db))).not.toContain('token-one');
    expect(db.prepare('SELECT COUNT(*) AS n FROM principals').get()).toEqual({ n: 2 });
  });

  it('changes nothing when the same events are applied twice', () => {
    const db = modelDb([principalsProjection]);
    apply(db, [principalsProjection], history);
    const once = dumpReadModels(db);
    apply(db, [principalsProjection], history);
    expect(dumpReadModels(db)).toEqual(once);
  });
});
