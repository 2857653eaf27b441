import ExcelJS from 'exceljs';
import { bulletinCsv, csvField, neutralised } from './bulletin-csv';
import { bulletinRow } from '@app/domain';
import { halfMonth, sampleBulletin } from './bulletin-fixture';
import { bulletinHtml } from './bulletin-html';
import { draftParagraph, issueNumber, titleBlock } from './bulletin-layout';
import { bulletinXlsx } from './bulletin-xlsx';

const EVIL = '=HYPERLINK("http://x","点我")';

describe('the bulletin CSV, safe to open in a spreadsheet', () => {
  it('given a cell beginning with = + - @ tab or CR, then it is written as text with a leading apostrophe', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutralised(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(neutralised('城关镇')).toBe('城关镇');
    expect(neutralised('a=b')).toBe('a=b');
  });

  it('given negative numbers (a fall against the last half-month), then they stay numbers', () => {
    expect(csvField(-3.5)).toBe('-3.5');
    expect(csvField(null)).toBe('');
  });

  it('given a unit named =HYPERLINK("http://x","点我"), then its cell is quoted text, not a formula', () => {
    const csv = bulletinCsv(sampleBulletin()).toString('utf8');
    const line = csv.split('\r\n').find((l) => l.startsWith('town-evil,'))!;
    expect(line.startsWith(`town-evil,"'=HYPERLINK(""http://x"",""点我"")",镇办,12,18,0,6,50,`)).toBe(true);
    // No field anywhere starts a formula: every line's fields, unquoted, begin with a safe character or a number.
    for (const l of csv
      .replace(/^\ufeff/, '')
      .split('\r\n')
      .filter(Boolean)) {
      expect(l).not.toMatch(/(^|,)"?[=+@]/);
    }
    expect(csv.startsWith('\ufeff单位代码,单位名称,单位类别,信访批次')).toBe(true);
  });
});

describe('the bulletin’s title block and drafted paragraph', () => {
  it('numbers the issue within the year and names the issuing office from configuration', () => {
    expect(issueNumber('2022-04-H1')).toBe(7);
    expect(issueNumber('2022-12-H2')).toBe(24);
    const doc = sampleBulletin();
    expect(titleBlock(doc)).toEqual({
      title: '信访工作通报',
      office: '市信访工作领导小组办公室',
      issue: '2022年第7期',
      date: '2022年4月15日',
      period: '2022年4月上半月',
    });
    expect(titleBlock(doc, { issuingOffice: '青禾市信访局' }).office).toBe('青禾市信访局');
  });

  it('drafts the city totals, their changes, and the units with the highest repeat rate and most overdue', () => {
    const doc = sampleBulletin(4);
    const text = draftParagraph(doc);
    // 12 + 40 + 60 + 0 contacts against 10 + 50 + 45: +7/105 = +6.67 %; persons 152 against 132: +15.15 %.
    expect(text).toContain('全市共登记信访112批152人次，批次环比上升6.67%、人次环比上升15.15%');
    expect(text).toContain('越级访5批，环比上升400.00%');
    // Tied at 50 %: by unit code (dept-housing before town-evil).
    expect(text).toContain(
      `信访5批以上的单位中，重复信访率较高的是住房和城乡建设局（50.00%，30/60）、${EVIL}（50.00%，6/12）、城关镇（10.00%，4/40）。`,
    );
    expect(text).toContain(`超期件数较多的单位是住房和城乡建设局（5件）、${EVIL}（2件）。`);
  });
});

describe('the drafted paragraph names repeat rates only over enough contacts', () => {
  it('given a unit with 2 contacts, both repeats (100 %), then it is not named for its repeat rate', () => {
    const doc = sampleBulletin(4);
    const tiny = bulletinRow(
      { code: 'town-tiny', name: '小镇', kind: 'town' },
      halfMonth(2, 2, { numerator: 0, denominator: 0 }, 0),
      halfMonth(0, 0, { numerator: 0, denominator: 0 }, 0),
    );
    const text = draftParagraph({ ...doc, rows: [tiny, ...doc.rows] });
    expect(tiny.repeatRate).toBe(100);
    expect(text).not.toContain('小镇');
    expect(text).toContain('重复信访率较高的是住房和城乡建设局');
  });
});

describe('the bulletin workbook, read back', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    const file = await bulletinXlsx(sampleBulletin(), { issuingOffice: '青禾市信访工作领导小组办公室' });
    await wb.xlsx.load(file as unknown as Parameters<typeof wb.xlsx.load>[0]);
  });

  it('has the bulletin, the appendix on its own sheet, and what it is computed from', () => {
    expect(wb.worksheets.map((s) => s.name)).toEqual(['半月通报', '附表1 指标明细', '附表2 环比增减', '说明']);
  });

  it('opens with the title block and the drafted paragraph, then the header, frozen', () => {
    const s = wb.getWorksheet('半月通报')!;
    expect(s.getCell('A1').value).toBe('信访工作通报（2022年4月上半月）');
    expect(s.getCell('A2').value).toBe('青禾市信访工作领导小组办公室　　2022年第7期　　2022年4月15日');
    expect(String(s.getCell('A3').value)).toContain('全市共登记信访');
    expect(s.getCell('A1').isMerged).toBe(true);
    expect(s.getRow(4).values).toEqual([
      undefined,
      '单位',
      '信访批次',
      '信访人次',
      '越级访批次',
      '重复信访率',
      '按期办结率',
      '超期件数',
      '批次环比',
    ]);
    expect(s.views[0]).toEqual(expect.objectContaining({ state: 'frozen', ySplit: 4, xSplit: 1 }));
  });

  it('prints on A4 landscape, one page wide, the header repeated, with page numbers', () => {
    for (const name of ['半月通报', '附表1 指标明细', '附表2 环比增减']) {
      const s = wb.getWorksheet(name)!;
      expect(s.pageSetup).toEqual(
        expect.objectContaining({
          paperSize: 9,
          orientation: 'landscape',
          fitToPage: true,
          fitToWidth: 1,
          fitToHeight: 0,
        }),
      );
      expect(s.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
    }
    expect(wb.getWorksheet('半月通报')!.pageSetup.printTitlesRow).toBe('4:4');
    expect(wb.getWorksheet('附表1 指标明细')!.pageSetup.printTitlesRow).toBe('2:2');
    expect(wb.getWorksheet('附表2 环比增减')!.getCell('A1').value).toBe('附表2：环比增减（2022年4月上半月）');
  });

  it('keeps numbers as numbers: rates as percent with two decimals, n/a blank, the hostile name as text', () => {
    const s = wb.getWorksheet('半月通报')!;
    const rows = s.getSheetValues() as unknown[][];
    const evil = s.getRow(rows.findIndex((r) => Array.isArray(r) && r[1] === EVIL));
    expect(evil.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(evil.getCell(2).value).toBe(12);
    expect(evil.getCell(5).value).toBe(0.5);
    expect(evil.getCell(5).numFmt).toBe('0.00%');
    expect(evil.getCell(6).value).toBe(0.75);
    expect(evil.getCell(8).value).toBeCloseTo(0.2, 10);
    expect(evil.getCell(8).numFmt).toBe('+0.00%;-0.00%;0.00%');
    const water = s.getRow(rows.findIndex((r) => Array.isArray(r) && r[1] === '水利局'));
    expect(water.getCell(5).value).toBeNull();
    expect(water.getCell(6).value).toBeNull();
    const total = s.getRow(rows.findIndex((r) => Array.isArray(r) && r[1] === '全市合计'));
    expect(total.getCell(1).font.bold).toBe(true);
  });

  it('fits the column widths to the content', () => {
    const s = wb.getWorksheet('半月通报')!;
    // The longest unit name sets the first column: the hostile one, 25 Latin characters and 点我 (2 × 2).
    expect(s.getColumn(1).width).toBe(2 + 25 + 4);
    expect(s.getColumn(2).width).toBeGreaterThanOrEqual(6);
    const a = wb.getWorksheet('附表1 指标明细')!;
    expect(a.getRow(2).getCell(1).value).toBe('单位名称');
    expect(a.getColumn(1).width).toBe(2 + 25 + 4);
    // A long title wraps: 满意件数(含基本满意) is 19 wide, its numbers 2 at most: 6 + 2.
    expect(a.getColumn(19).width).toBe(8);
  });
});

describe('the printed bulletin (HTML)', () => {
  const html = bulletinHtml(sampleBulletin(), { issuingOffice: '青禾市<信访办>', notice: '已更正' });

  it('sets A4 landscape pages with page numbers, the title block, the main table and the appendix', () => {
    expect(html).toContain('size: A4 landscape');
    expect(html).toContain('counter(page)');
    expect(html).toContain('<h1>信访工作通报</h1>');
    expect(html).toContain('青禾市&lt;信访办&gt;');
    expect(html).toContain('2022年第7期');
    expect(html).toContain('<table class="main" id="main-table">');
    expect(html).toContain('<section class="appendix">');
    expect(html).toContain('<p class="notice">已更正</p>');
  });

  it('escapes a hostile unit name', () => {
    expect(html).not.toContain(EVIL);
    expect(html).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;点我&quot;)');
  });
});
