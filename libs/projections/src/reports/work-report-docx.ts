import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { Change, dateParts, DateRange } from '@app/domain';
import { CATEGORY_LABELS, percent } from './overview-text';
import type { WorkReport } from './work-report';

/** A4 in twentieths of a point, with the 公文 margins (top 37 mm, bottom 35, left 28, right 26). */
const A4 = { width: 11906, height: 16838 };
const MM = 56.7;
const BODY_FONT = { ascii: 'FangSong', eastAsia: '仿宋', hAnsi: 'FangSong' };
const HEADING_FONT = { ascii: 'SimHei', eastAsia: '黑体', hAnsi: 'SimHei' };

const figure = (n: number | null): string => (n === null ? '—' : n.toString());
const pct = (n: number | null): string => (n === null ? '—' : percent(n));
const trend = (c: Change | null | undefined): string => {
  if (!c) return '—';
  if (c.trend === 'new') return '新增';
  if (c.trend === 'flat' || c.pct === null || c.pct === 0) return '持平';
  return `${c.pct < 0 ? '下降' : '上升'}${percent(c.pct)}`;
};

function dates(range: DateRange): string {
  const f = dateParts(range.from);
  const t = dateParts(range.to);
  return `${f.year}年${f.month}月${f.day}日至${t.year === f.year ? '' : `${t.year}年`}${t.month}月${t.day}日`;
}

function cell(text: string, header = false): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: header, size: 24, font: header ? HEADING_FONT : BODY_FONT })],
      }),
    ],
  });
}

function table(
  caption: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): (Paragraph | Table)[] {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun({ text: caption })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: {
        top: border,
        bottom: border,
        left: border,
        right: border,
        insideHorizontal: border,
        insideVertical: border,
      },
      rows: [
        new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
        ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
      ],
    }),
  ];
}

/**
 * A section's drafted text: the first line is its heading (一、…); each
 * `（一）标题。正文` line becomes a level-2 heading and its paragraph.
 */
function sectionText(text: string): Paragraph[] {
  const [heading, ...lines] = text.split('\n');
  const out = [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: heading })] })];
  for (const line of lines) {
    const m = /^(（[一二三四五六七八九十]+）[^。]*。)(.*)$/.exec(line);
    if (m) {
      out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: m[1] })] }));
      if (m[2]) out.push(body(m[2]));
    } else {
      out.push(body(line));
    }
  }
  return out;
}

function body(text: string): Paragraph {
  return new Paragraph({ indent: { firstLine: 640 }, children: [new TextRun({ text })] });
}

function sectionOneTable(r: WorkReport): (Paragraph | Table)[] {
  const one = r.sections.one;
  const c = one.comparison;
  const bp = (x: { batches: number; persons: number }) => `${x.batches}批${x.persons}人次`;
  const rows: string[][] = [
    ['越级访（合计）', bp(one.skipLevel.total), bp(c.skipLevel.total), trend(c.skipLevel.total.change.batches)],
    ['其中赴京', bp(sumForms(one.skipLevel.national)), bp(sumForms(c.skipLevel.national)), '—'],
    ['其中到省', bp(sumForms(one.skipLevel.province)), bp(sumForms(c.skipLevel.province)), '—'],
    ['其中到地市', bp(sumForms(one.skipLevel.prefecture)), bp(sumForms(c.skipLevel.prefecture)), '—'],
    ['网上信访（件）', figure(one.online.total), figure(c.online.total), trend(c.online.change.total)],
    ['网上信访按期办结率', pct(one.online.onTimeRate), pct(c.online.onTimeRate), '—'],
    ['网上重复投诉（件）', figure(one.online.repeat), figure(c.online.repeat), trend(c.online.change.repeat)],
    ['来市上访', bp(one.cityVisits.total), bp(c.cityVisits.total), trend(c.cityVisits.total.change.batches)],
    [
      '其中集访',
      bp(one.cityVisits.collective),
      bp(c.cityVisits.collective),
      trend(c.cityVisits.collective.change.batches),
    ],
    [
      '其中个访',
      bp(one.cityVisits.individual),
      bp(c.cityVisits.individual),
      trend(c.cityVisits.individual.change.batches),
    ],
    ...one.cityVisits.collective.categories.map((k) => [
      `来市集访·${CATEGORY_LABELS[k.category]}`,
      `${k.batches}批（${pct(k.share)}）`,
      '',
      '',
    ]),
  ];
  return table(
    `表1  信访总体情况（${dates(r.period)}，与${dates(r.previous)}相比）`,
    ['指标', '本期', '去年同期', '变化（批次）'],
    rows,
  );
}

function sumForms(f: {
  collective: { batches: number; persons: number };
  individual: { batches: number; persons: number };
}) {
  return { batches: f.collective.batches + f.individual.batches, persons: f.collective.persons + f.individual.persons };
}

function sectionTwoTable(r: WorkReport): (Paragraph | Table)[] {
  const t = r.sections.two;
  const rows: string[][] = [
    ['领导批示（件次）', figure(t.instructions.total)],
    ['周研判会（次）', figure(t.meetings.weekly_judgment)],
    ['信访联席会议（次）', figure(t.meetings.joint)],
    ['其他研判例会（次）', figure(t.meetings.other)],
    ['研判案件（件次）', figure(t.meetings.judgedCases)],
    [
      '化解稳控率',
      `${pct(t.meetings.resolvedOrUnderControlRate)}（化解${t.meetings.resolved}、稳控${t.meetings.underControl}）`,
    ],
    [
      '领导接访',
      `${t.receptions.batches}批${t.receptions.persons}人次，现场处理${t.receptions.resolvedOnSiteBatches}批${t.receptions.resolvedOnSitePersons}人次`,
    ],
    [
      '上三级交办（件）',
      `${t.upperAssignments.received}（中央${t.upperAssignments.byLevel.central}、省${t.upperAssignments.byLevel.province}、地市${t.upperAssignments.byLevel.prefecture}）`,
    ],
    [
      '上三级交办到期办结率',
      `${pct(t.upperAssignments.onTimeRate)}（${t.upperAssignments.onTime}/${t.upperAssignments.due}）`,
    ],
    ['网上信访办理（件）', figure(t.online.total)],
    ['短信访（件）', figure(t.sms)],
    ['复查复核办结（件）', `${t.reviews.completed}（复查${t.reviews.review}、复核${t.reviews.reReview}）`],
    ['矛盾纠纷排查', `排查${t.screenings.found}件，化解${t.screenings.resolved}件，化解率${pct(t.screenings.rate)}`],
    ['社会稳定风险评估', `${t.riskAssessments.total}件，通过率${pct(t.riskAssessments.rate)}`],
    ...t.campaigns.map((c) => [
      `积案治理：${c.name}`,
      `${c.assigned}件，化解${c.resolved}件，化解率${pct(c.rate)}${c.target ? `；目标${percent(c.target.rate)}（${c.target.by}前）${c.targetMet ? '已达到' : '未达到'}` : ''}`,
    ]),
    ['约谈', figure(t.accountability.summons)],
    ['通报批评', figure(t.accountability.criticism)],
  ];
  return table('表2  主要工作措施', ['项目', '数值'], rows);
}

function sectionThreeTable(r: WorkReport): (Paragraph | Table)[] {
  const t = r.sections.three;
  const rows: string[][] = [
    [
      '网上重复投诉',
      `${t.onlineRepeat.repeat}/${t.onlineRepeat.total}件，${pct(t.onlineRepeat.rate)}`,
      t.onlineRepeat.subjects
        .slice(0, 5)
        .map((s) => `${s.subject}${s.contacts}件`)
        .join('、') || '—',
    ],
    [
      '重复访率最高的半月',
      t.worstHalfMonth ? `${t.worstHalfMonth.repeat}/${t.worstHalfMonth.total}件，${pct(t.worstHalfMonth.rate)}` : '—',
      t.worstHalfMonth ? `${t.worstHalfMonth.from}至${t.worstHalfMonth.to}` : '—',
    ],
    [
      `网上投诉前${t.topSubjects.subjects.length}个问题`,
      `${t.topSubjects.contacts}/${t.topSubjects.total}件，${pct(t.topSubjects.share)}`,
      t.topSubjects.subjects.map((s) => `${s.subject}${s.contacts}件`).join('、') || '—',
    ],
    ...t.topics.map((c) => [
      `${c.name}（${c.window.from}至${c.window.to}）`,
      `集访${c.collective.batches}批${c.collective.persons}人次（${pct(c.collective.share)}）；个访${c.individual.batches}批${c.individual.persons}人次（${pct(c.individual.share)}）`,
      c.subjects
        .slice(0, 5)
        .map((s) => s.subject)
        .join('、') || '—',
    ]),
  ];
  return table('表3  存在主要问题', ['问题', '数值', '涉及'], rows);
}

/**
 * The work report as the Word file the bureau edits and submits: A4, title,
 * sections 一 to 三 as drafted with a table of their figures each, section 四
 * left for people to write, and the ledger position the figures are known at.
 */
export function workReportDocument(report: WorkReport, title = '信访工作情况报告'): Document {
  const [one, two, three] = [report.sections.one.text, report.sections.two.text, report.sections.three.text];
  return new Document({
    creator: 'petition-ledger',
    title,
    description: `${dates(report.period)}；台账位置 ${report.asOf}`,
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 32 }, paragraph: { spacing: { line: 560 } } },
        title: {
          run: { font: { ascii: 'SimSun', eastAsia: '方正小标宋简体', hAnsi: 'SimSun' }, size: 44, bold: true },
        },
        heading1: { run: { font: HEADING_FONT, size: 32, bold: false }, paragraph: { spacing: { before: 240 } } },
        heading2: { run: { font: { ascii: 'KaiTi', eastAsia: '楷体', hAnsi: 'KaiTi' }, size: 32, bold: true } },
        heading3: { run: { font: HEADING_FONT, size: 24 }, paragraph: { spacing: { before: 120, after: 60 } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
            margin: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM },
          },
        },
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: title })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: `（${dates(report.period)}）`, size: 28 })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({ text: `数据依据：信访台账，截至台账位置 ${report.asOf}`, size: 21, color: '555555' }),
            ],
          }),
          ...sectionText(one),
          ...sectionOneTable(report),
          ...sectionText(two),
          ...sectionTwoTable(report),
          ...sectionText(three),
          ...sectionThreeTable(report),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: '四、下一步主要工作' })] }),
          body('（此部分由局机关根据上述情况撰写。）'),
        ],
      },
    ],
  });
}

export function workReportDocx(report: WorkReport, title?: string): Promise<Buffer> {
  return Packer.toBuffer(workReportDocument(report, title));
}
