import { dateParts, DateRange } from '@app/domain';
import { opener, percent } from './overview-text';
import type { SectionThree, SectionTwo, SubjectCount, WorkReportOptions } from './work-report';

const NUMBERED = ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）'];

const bp = (x: { batches: number; persons: number }) => `${x.batches}批${x.persons}人次`;

/** 4月1日－15日 */
function days(range: DateRange): string {
  const from = dateParts(range.from);
  const to = dateParts(range.to);
  const toPart = from.year === to.year && from.month === to.month ? `${to.day}日` : `${to.month}月${to.day}日`;
  return `${from.month}月${from.day}日－${toPart}`;
}

const named = (subjects: readonly SubjectCount[], n: number) =>
  subjects
    .slice(0, n)
    .map((s) => s.subject)
    .join('、');

type Two = Omit<SectionTwo, 'text'>;
type Three = Omit<SectionThree, 'text'>;

function leadersPart(two: Two, start: string): string | null {
  const m = two.meetings;
  const parts: string[] = [];
  if (two.instructions.total > 0) {
    const by = two.instructions.byLeader.map((l) => `${l.leader}同志批示${l.count}件次`).join('，');
    parts.push(`${start}，各级领导对信访工作批示${two.instructions.total}件次（${by}）`);
  }
  if (m.weekly_judgment > 0) parts.push(`召开周研判会${m.weekly_judgment}次`);
  if (m.joint > 0) parts.push(`全市信访联席会议${m.joint}次`);
  if (m.other > 0) parts.push(`召开其他研判例会${m.other}次`);
  if (parts.length === 0) return null;
  return `各级主要领导高度重视。${parts.join('，')}。`;
}

function meetingsPart(two: Two, start: string): string | null {
  const m = two.meetings;
  if (m.weekly_judgment === 0) return null;
  const judged =
    m.judgedCases > 0
      ? `，研判案件${m.judgedCases}件次${
          m.resolvedOrUnderControlRate !== null
            ? `，案件化解稳控率${percent(m.resolvedOrUnderControlRate)}（化解${m.resolved}件次、稳控${m.underControl}件次）`
            : ''
        }`
      : '';
  return (
    '坚持市镇村三级信访例会制度。市委每周定时召开信访研判例会，对全市疑难信访问题集中研判，责任到人，限期解决。' +
    `${start}，市级召开周研判会${m.weekly_judgment}次${judged}。`
  );
}

function channelsPart(two: Two, start: string): string | null {
  const parts: string[] = [];
  for (const r of two.receptions.byLeader) {
    const onSite =
      r.resolvedOnSiteBatches > 0 ? `，现场处理${r.resolvedOnSiteBatches}批${r.resolvedOnSitePersons}人次` : '';
    parts.push(`${r.leader}接访${bp(r)}${onSite}`);
  }
  const u = two.upperAssignments;
  if (u.received > 0) {
    parts.push(
      `上三级交办来访案件${u.received}件${u.onTimeRate !== null ? `，到期办结率${percent(u.onTimeRate)}` : ''}`,
    );
  }
  if (two.online.total > 0) parts.push(`网上信访办理案件${two.online.total}件`);
  if (two.sms > 0) parts.push(`手机短信平台办理短信访${two.sms}件`);
  if (two.reviews.completed > 0) parts.push(`复查复核办公室受理复查办结案件${two.reviews.completed}件`);
  if (parts.length === 0) return null;
  return `畅通信访渠道确保问题解决。市委、市政府领导带头接访处访，约访下访。${start}，${parts.join('；')}。`;
}

function screeningPart(two: Two, start: string): string | null {
  const s = two.screenings;
  const r = two.riskAssessments;
  const parts: string[] = [];
  if (s.found > 0) {
    parts.push(
      `全市共排查出各类矛盾纠纷${s.found}件，化解${s.resolved}件${s.rate !== null ? `，化解率${percent(s.rate)}` : ''}`,
    );
  }
  if (r.total > 0) {
    parts.push(`开展重大事项社会稳定风险评估项目${r.total}件${r.rate !== null ? `，通过率${percent(r.rate)}` : ''}`);
  }
  if (parts.length === 0) return null;
  return `坚持源头防范矛盾纠纷排查化解。${start}，${parts.join('。')}。`;
}

function campaignPart(two: Two): string | null {
  if (two.campaigns.length === 0) return null;
  const lines = two.campaigns.map((c) => {
    const head = `${c.name}${c.assigned}件，化解${c.resolved}件${c.rate !== null ? `，化解率${percent(c.rate)}` : ''}`;
    if (!c.target) return head;
    const { month, day } = dateParts(c.target.by);
    const verdict = c.targetMet ? '达到' : '未达到';
    return `${head}，${verdict}${month}月${day}日前化解${percent(c.target.rate)}的工作目标`;
  });
  return `集中开展重复信访积案专项治理活动。实行日提醒、周研判、月通报机制。截至目前，${lines.join('；')}。`;
}

function accountabilityPart(two: Two, start: string): string | null {
  const a = two.accountability;
  if (a.summons === 0 && a.criticism === 0) return null;
  const parts = [
    ...(a.summons > 0 ? [`约谈${a.summons}次`] : []),
    ...(a.criticism > 0 ? [`通报批评${a.criticism}次`] : []),
  ];
  return `实施周研判半月通报月排名问责机制。每周进行一次研判，每半月通报一次信访工作，每月进行一次排名，${start}，${parts.join('，')}，促进了各级领导干部履职尽责。`;
}

/** Section 二 (主要工作措施), in the seed's words; a measure with nothing recorded is left out. */
export function sectionTwoText(period: DateRange, two: Two): string {
  const start = opener(period);
  const parts = [
    leadersPart(two, start),
    meetingsPart(two, start),
    channelsPart(two, start),
    screeningPart(two, start),
    campaignPart(two),
    accountabilityPart(two, start),
  ].filter((p): p is string => p !== null);
  const lines = ['二、主要工作措施'];
  if (parts.length === 0) lines.push(`${start}，台账未记录工作措施。`);
  parts.forEach((p, i) => lines.push(`${NUMBERED[i]}${p}`));
  return lines.join('\n');
}

/** Section 三 (存在主要问题): what the data shows; the judgement what to do about it is left to people (section 四). */
export function sectionThreeText(period: DateRange, three: Three, options: WorkReportOptions): string {
  const start = opener(period);
  const parts: string[] = [];
  const r = three.onlineRepeat;
  if (r.repeat > 0 && r.rate !== null) {
    const subjects = r.subjects.length ? `，主要涉及${named(r.subjects, options.namedSubjects)}等` : '';
    const worst = three.worstHalfMonth
      ? `${days(three.worstHalfMonth)}，半月内我市网上投诉重复访率${percent(three.worstHalfMonth.rate)}，为期间最高。`
      : '';
    parts.push(
      `群众网上重复投诉仍较突出。${start}，群众发生网上重复投诉${r.repeat}件，重复占比率${percent(r.rate)}${subjects}。${worst}`,
    );
  }
  const t = three.topSubjects;
  if (t.subjects.length > 0 && t.share !== null) {
    parts.push(
      `重点问题仍是亟待解决的突出问题。网上投诉集中在${named(t.subjects, options.namedSubjects)}等${t.subjects.length}个问题，共${t.contacts}件，占全市网上投诉总量的${percent(t.share)}。`,
    );
  }
  for (const c of three.topics) {
    if (c.collective.batches === 0 && c.individual.batches === 0) continue;
    const shares =
      c.collective.share !== null && c.individual.share !== null
        ? `，分别占同期全市来市集访、个访总量${percent(c.collective.share)}、${percent(c.individual.share)}`
        : '';
    const subjects = c.subjects.length ? `。主要涉及${named(c.subjects, options.namedSubjects)}等` : '';
    parts.push(
      `${c.name}问题集中出现。${days(c.window)}，群众反映${c.name}问题比较集中，发生来市集访${bp(c.collective)}，个访${bp(c.individual)}${shares}${subjects}。`,
    );
  }
  const lines = ['三、存在主要问题'];
  if (parts.length === 0) lines.push(`${start}，台账数据未显示突出问题。`);
  parts.forEach((p, i) => lines.push(`${NUMBERED[i]}${p}`));
  return lines.join('\n');
}
