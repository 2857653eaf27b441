import { Injectable } from '@nestjs/common';
import { Period } from '@app/domain';
import {
  BulletinDocument,
  computeBulletin,
  computeRanking,
  PublicationKind,
  RankingDocument,
  ReportPoint,
} from '@app/projections';
import { ReadModels } from '../../read-models/read-models.service';

/**
 * What a publication freezes: the ranking (libs/projections `computeRanking`, by the
 * rule in force or the one the month was published with) or the bulletin of a period,
 * from the read models at a point.
 */
@Injectable()
export class PeriodReports {
  constructor(private readonly readModels: ReadModels) {}

  compute(kind: PublicationKind, period: Period, point: ReportPoint): RankingDocument | BulletinDocument {
    return kind === 'ranking'
      ? computeRanking(this.readModels.db, period, point).document
      : computeBulletin(this.readModels.db, period, point);
  }
}
