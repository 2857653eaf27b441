import { Inject, Injectable } from '@nestjs/common';
import { streams } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/ledger';
import { ProblemException } from '../http/problem';

/** Unit existence, read from the unit's own stream: the write side never trusts a lagging read model. */
@Injectable()
export class UnitDirectory {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async exists(code: string): Promise<boolean> {
    return (await this.store.readStream(streams.unit(code).name)).length > 0;
  }

  async require(code: string, field: string): Promise<void> {
    if (!(await this.exists(code))) {
      throw new ProblemException(
        422,
        'rules/unknown-unit',
        'Unknown unit',
        `unknown-unit: no unit with code ${code}`,
        [{ field, message: `no unit with code ${code}` }],
        { rule: 'unknown-unit' },
      );
    }
  }
}
