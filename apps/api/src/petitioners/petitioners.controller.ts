import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { domainEvent } from '@app/domain';
import { petitionerExists } from '@app/projections';
import { PersonalDataVault } from '@app/security';
import { Roles } from '../auth/auth.decorators';
import { notFound, ProblemException } from '../http/problem';
import { ErasureDto } from '../matters/matter.dto';
import { PERSONAL_DATA_VAULT } from '../matters/personal-data.module';
import { ReadModels } from '../read-models/read-models.service';
import { LedgerWriter, WriteResult } from '../writes/ledger-writer';
import { Write, WriteContext } from '../writes/write-context';

@ApiTags('petitioners')
@ApiBearerAuth()
@Controller('petitioners')
export class PetitionersController {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly readModels: ReadModels,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  /**
   * Crypto-shredding: records the erasure, then destroys the key. In that order, so a
   * crash in between leaves a recorded erasure that a retry completes (the key is
   * destroyed again, idempotently) rather than a key gone without a record.
   */
  @Post(':id/erasure')
  @HttpCode(201)
  @Roles('admin')
  async erase(@Param('id') id: string, @Body() body: ErasureDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    await this.readModels.ready();
    if (!petitionerExists(this.readModels.db, id) && !this.vault.exists(id)) throw notFound(`no petitioner ${id}`);
    try {
      const result = await this.writer.write(ctx, {
        id,
        stream: `petitioner-${id}`,
        expect: 'new',
        noun: 'petitioner erasure',
        decide: () => [
          domainEvent('PetitionerErased', new Date().toISOString(), { petitionerId: id, reason: body.reason }),
        ],
      });
      this.vault.erase(id);
      return result;
    } catch (error) {
      if (error instanceof ProblemException && error.slug === 'already-exists') {
        this.vault.erase(id);
        throw new ProblemException(409, 'already-erased', 'Already erased', `petitioner ${id} was already erased`);
      }
      throw error;
    }
  }
}
