import { Inject, Injectable } from '@nestjs/common';
import { streams } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/ledger';
import { ProblemException } from '../http/problem';

/** Unit existence, read from the unit's own stream: the write side never trusts a lagging read model. */
@Injectable()
export class UnitDirectory {
  /** Units seen to exist: the log is append-only, so a unit that exists never stops existing. */
  private readonly known = new Set<string>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async exists(code: string): Promise<boolean> {
    if (this.known.has(code)) return true;
    const exists = (await this.store.readStream(streams.unit(code).name)).length > 0;
    if (exists) this.known.add(code);
    return exists;
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
