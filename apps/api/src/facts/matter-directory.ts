import { Inject, Injectable } from '@nestjs/common';
import { streams } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/ledger';
import { ProblemException } from '../http/problem';

/** Matter existence, read from the matter's own stream: like units, never from a lagging read model. */
@Injectable()
export class MatterDirectory {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async exists(matterId: string): Promise<boolean> {
    return (await this.store.readStream(streams.matter(matterId).name)).length > 0;
  }

  /** 422 naming the field when the matter was never opened. */
  async require(matterId: string, field: string): Promise<void> {
    if (!(await this.exists(matterId))) {
      throw new ProblemException(
        422,
        'rules/unknown-matter',
        'Unknown matter',
        `unknown-matter: no matter ${matterId}`,
        [{ field, message: `no matter ${matterId}` }],
        { rule: 'unknown-matter' },
      );
    }
  }
}
