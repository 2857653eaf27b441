import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WriteResultDto } from '../../../http/openapi';
import type { PublishResult } from './publish-period.command';

class PublishedCheckpointDto {
  @ApiProperty({ example: '42', pattern: '^\\d+$' })
  position!: string;

  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'root of the signed audit checkpoint at position' })
  rootHash!: string;

  @ApiPropertyOptional({ type: 'integer', description: 'the audit tree size at position' })
  size?: number;
}

class RuleVersionDto {
  @ApiProperty({ example: 'default' })
  id!: string;

  @ApiProperty({ type: 'integer', example: 1 })
  version!: number;
}

/** The 201 of a publication: the write and what it froze. */
export class PublishResultDto extends WriteResultDto implements PublishResult {
  @ApiProperty({ type: PublishedCheckpointDto })
  checkpoint!: PublishedCheckpointDto;

  @ApiProperty({ type: RuleVersionDto, nullable: true, description: 'the ranking rule; null for a bulletin' })
  rule!: RuleVersionDto | null;

  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the published bytes' })
  contentSha256!: string;
}
