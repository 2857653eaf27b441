import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** API.md "Audit" response shapes as the OpenAPI document describes them (a client generator's types). */

const HEX = '^[0-9a-f]{64}$';
const DIGITS = '^\\d+$';

/** A signed checkpoint as stored: the C2SP signed note and what it commits to. */
export class CheckpointDto {
  @ApiProperty({ type: 'integer', example: 42, description: 'the tree size: events 0..size-1' })
  size!: number;

  @ApiProperty({ example: '42', pattern: DIGITS, description: 'ledger position of the last event covered' })
  position!: string;

  @ApiProperty({ pattern: HEX, description: 'the Merkle tree root (RFC 9162), lowercase hex' })
  rootHash!: string;

  @ApiProperty({ format: 'date-time', example: '2022-04-03T09:30:00.000Z' })
  signedAt!: string;

  @ApiProperty({ description: 'the C2SP signed note: checkpoint text, blank line, signature lines' })
  note!: string;
}

/** `GET /audit/checkpoint`: the latest checkpoint and the key that signed it. */
export class SignedCheckpointDto extends CheckpointDto {
  @ApiProperty({ description: 'the raw Ed25519 public key, base64' })
  publicKey!: string;

  @ApiProperty({ description: 'the same key as `<name>+<key ID>+<base64>`, the form signed-note tools take' })
  verifierKey!: string;

  @ApiProperty({ description: 'the checkpoint origin line' })
  origin!: string;
}

export class InclusionProofDto {
  @ApiProperty({ type: 'integer', example: 2 })
  index!: number;

  @ApiProperty({ type: 'integer', example: 42 })
  size!: number;

  @ApiProperty({ pattern: HEX })
  leafHash!: string;

  @ApiProperty({ type: [String], description: 'the audit path, leaf to root, lowercase hex' })
  hashes!: string[];
}

export class ConsistencyProofDto {
  @ApiProperty({ type: 'integer', example: 10 })
  from!: number;

  @ApiProperty({ type: 'integer', example: 42 })
  to!: number;

  @ApiProperty({ type: [String], description: 'the consistency proof (RFC 9162), lowercase hex' })
  hashes!: string[];
}

export class AuditVerificationDto {
  @ApiProperty()
  ok!: boolean;

  @ApiProperty({ type: 'integer', description: 'events checked' })
  checked!: number;

  @ApiPropertyOptional({ type: 'integer', description: 'the first event whose hash does not hold, if any' })
  firstBadIndex?: number;

  @ApiPropertyOptional({ description: 'what did not hold' })
  reason?: string;

  @ApiPropertyOptional({ example: 'LEAF_HASH_MISMATCH', description: 'the kind of fault, as a code' })
  fault?: string;

  @ApiProperty({ type: 'integer', description: 'signed checkpoints whose signature and root were checked' })
  checkpointsVerified!: number;
}
