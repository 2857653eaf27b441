import type { Role, UnitKind } from '../code-lists';

/** Stream `unit-<code>`. */
export interface UnitRegisteredData {
  readonly code: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly parent: string | null;
}

/** Stream `principal-<id>`. Only a hash of the token is ever stored. */
export interface PrincipalRegisteredData {
  readonly principalId: string;
  readonly name: string;
  readonly role: Role;
  /** Unit codes a handler is scoped to; empty for other roles. */
  readonly units: readonly string[];
  readonly tokenHash: string;
  /** After this instant the token is refused; absent or null: no expiry (events before expiry existed lack it). */
  readonly expiresAt?: string | null;
}

/** Stream `principal-<id>`: the principal's access ended; every token of it is refused from now on. */
export interface PrincipalRevokedData {
  readonly principalId: string;
  readonly reason: string;
}

/** Stream `principal-<id>`: a new token replaces the previous one, which is refused from now on. */
export interface PrincipalTokenReplacedData {
  readonly principalId: string;
  readonly tokenHash: string;
  readonly expiresAt: string | null;
}

/** Stream `principal-<id>`: a handler now acts for these units (and no others). */
export interface PrincipalUnitsChangedData {
  readonly principalId: string;
  readonly units: readonly string[];
}

/** The petitioner's key was destroyed; their ciphertext in earlier events is unreadable from now on. */
export interface PetitionerErasedData {
  readonly petitionerId: string;
  readonly reason: string;
}

/** Stream `pd-access-<matterId>`: who read which petitioners' personal data in full (principle 4). */
export interface PersonalDataViewedData {
  readonly matterId: string;
  readonly petitionerIds: readonly string[];
}
