import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { canonicalJson } from '@app/ledger';
import { computeBulletin } from '@app/projections';
import { APP_CONFIG, AppConfig } from '@app/runtime';
import { ProblemException } from '../../../http/problem';
import { ReadModels } from '../../../read-models/read-models.service';
import { publicationStatus } from '../../publications/publication-status';
import { parseReportPeriod, Reported, ReportPoints } from '../../report-point';
import { JSON_TYPE } from '../../report-response';
import {
  BULLETIN_TYPES,
  bulletinCsv,
  bulletinHtml,
  bulletinXlsx,
  CSV_TYPE,
  HTML_TYPE,
  XLSX_TYPE,
} from '../bulletin-formats';
import { BulletinFile, GetBulletinQuery } from './get-bulletin.query';

@QueryHandler(GetBulletinQuery)
export class GetBulletinHandler implements IQueryHandler<GetBulletinQuery, Reported<BulletinFile>> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly points: ReportPoints,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ halfMonth, format, asOf }: GetBulletinQuery): Promise<Reported<BulletinFile>> {
    const period = parseReportPeriod('bulletin', halfMonth);
    if (!format) {
      throw new ProblemException(
        406,
        'not-acceptable',
        'Not acceptable',
        `a bulletin is available as ${BULLETIN_TYPES.join(', ')}`,
      );
    }
    const point = await this.points.at(asOf);
    const doc = computeBulletin(this.readModels.db, period, point);
    const status = publicationStatus(this.readModels.db, 'bulletin', period.id, point, doc);
    // The issuing office of the printed title block (LEDGER_ISSUING_OFFICE).
    const print = { issuingOffice: this.config.issuingOffice };
    const file = `bulletin-${period.id}`;
    switch (format) {
      case CSV_TYPE:
        return {
          point,
          body: { bytes: bulletinCsv(doc), type: `${CSV_TYPE}; charset=utf-8`, filename: `${file}.csv` },
        };
      case XLSX_TYPE:
        return { point, body: { bytes: await bulletinXlsx(doc, print), type: XLSX_TYPE, filename: `${file}.xlsx` } };
      case HTML_TYPE: {
        const notice = status?.restated
          ? `本期通报已于账本位置 ${status.position} 发布；此后补录的事实使数字有 ${status.restatement!.differences} 处变化，以下为重新计算结果（更正说明），已发布版本不变。`
          : null;
        const html = bulletinHtml(doc, notice, print);
        return { point, body: { bytes: Buffer.from(html, 'utf8'), type: `${HTML_TYPE}; charset=utf-8` } };
      }
      default: {
        const json = canonicalJson(status ? { ...doc, published: status } : doc);
        return { point, body: { bytes: Buffer.from(json, 'utf8'), type: `${JSON_TYPE}; charset=utf-8` } };
      }
    }
  }
}
