import JSZip from 'jszip';
import { topicWindows } from '@app/domain';
import { officialCalendar } from '@app/domain/testing';
import { activityFactsProjection } from '../read-models/activity-facts.projection';
import { mattersProjection } from '../read-models/matters.projection';
import { applyAll, envelopes, readModelDb } from '../read-models/spec-support';
import { workReport } from '../read-models/work-figures';
import { sectionTwoFacts } from './section-two.fixture';
import { workReportDocx } from './work-report-docx';

const settings = { timeZone: 'Asia/Shanghai', calendar: officialCalendar, rollForward: true };
const projections = [mattersProjection(settings), activityFactsProjection(settings)];
const period = { from: '2022-01-01', to: '2022-06-30' };

async function documentXml(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  return zip.file('word/document.xml')!.async('string');
}

describe('the work report as a Word document', () => {
  const db = readModelDb(projections);
  const events = envelopes(sectionTwoFacts());
  applyAll(db, projections, events);
  const report = workReport(
    db,
    period,
    events[events.length - 1].position,
    '2022-07-15',
    topicWindows(period, officialCalendar),
  );

  it('is an A4 document with the title, sections 一 to 四 as headings, a table per section and the ledger position', async () => {
    const buffer = await workReportDocx(report);
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    const xml = await documentXml(buffer);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const headings = [...xml.matchAll(/<w:pStyle w:val="(Heading1|Title)"\/>.*?<w:t[^>]*>([^<]*)<\/w:t>/g)].map(
      (m) => m[2],
    );
    expect(headings).toEqual([
      '信访工作情况报告',
      '一、信访总体情况',
      '二、主要工作措施',
      '三、存在主要问题',
      '四、下一步主要工作',
    ]);
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(3);
    expect(xml).toContain(`截至台账位置 ${report.asOf}`);
    expect(xml).toContain('上三级交办来访案件59件，到期办结率100％');
    expect(xml).toContain('100％（59/59）');
    expect(xml).toContain('（二）坚持市镇村三级信访例会制度。');
  });
});
