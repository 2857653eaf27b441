import { domainEvent } from '@app/domain';
import { hashToken } from '@app/security';
import { dumpReadModels } from '../read-model-dump';
import { apply, modelDb, stored } from '../testing/projection-spec';
import { listPrincipals, principalByTokenHash, principalsProjection } from './principals.projection';

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

  it('follows token replacement, revocation and a units change; lists who created and revoked, never a hash', () => {
    const db = modelDb([principalsProjection]);
    apply(db, [principalsProjection], history);
    const later = stored(
      [
        [
          'principal-p-2',
          domainEvent('PrincipalTokenReplaced', '2022-02-01T09:00:00+08:00', {
            principalId: 'p-2',
            tokenHash: hashToken('token-two-b'),
            expiresAt: '2023-01-01T00:00:00+08:00',
          }),
        ],
        [
          'principal-p-2',
          domainEvent('PrincipalUnitsChanged', '2022-02-02T09:00:00+08:00', { principalId: 'p-2', units: ['town-c'] }),
        ],
        [
          'principal-p-1',
          domainEvent('PrincipalRevoked', '2022-02-03T09:00:00+08:00', { principalId: 'p-1', reason: '退休' }),
        ],
      ],
      4,
      { id: 'admin-2', role: 'admin' },
    );
    apply(db, [principalsProjection], later);
    expect(principalByTokenHash(db, hashToken('token-two'))).toBeNull();
    expect(principalByTokenHash(db, hashToken('token-two-b'))).toMatchObject({ id: 'p-2', units: ['town-c'] });
    const listing = listPrincipals(db);
    expect(listing).toEqual([
      {
        id: 'p-1',
        name: '登记员 王',
        role: 'registrar',
        units: [],
        created: { at: '2022-01-04T09:00:00+08:00', by: 'admin' },
        expiresAt: null,
        tokenIssuedAt: '2022-01-04T09:00:00+08:00',
        revoked: { at: '2022-02-03T09:00:00+08:00', by: 'admin-2', reason: '退休' },
      },
      {
        id: 'p-2',
        name: '经办人 李',
        role: 'handler',
        units: ['town-c'],
        created: { at: '2022-01-04T09:00:00+08:00', by: 'admin' },
        expiresAt: '2023-01-01T00:00:00+08:00',
        tokenIssuedAt: '2022-02-01T09:00:00+08:00',
        revoked: null,
      },
    ]);
    expect(JSON.stringify(listing)).not.toContain(hashToken('token-two-b'));
  });
});
