import { topicWindows } from '@app/domain';
import { officialCalendar } from '@app/domain/testing/official-calendar';
import { sectionTwoFacts } from '../reports/section-two.fixture';
import { activityFactsProjection } from './activity-facts.projection';
import { matterFactsProjection } from './matter-facts.projection';
import { applyAll, envelopes, readModelDb } from './spec-support';
import { workReport } from './work-figures';

const settings = { timeZone: 'Asia/Shanghai', calendar: officialCalendar, rollForward: true };
const projections = [matterFactsProjection(settings), activityFactsProjection(settings)];
const period = { from: '2022-01-01', to: '2022-06-30' };
const today = '2022-07-15';

function ledger() {
  const db = readModelDb(projections);
  const events = envelopes(sectionTwoFacts());
  applyAll(db, projections, events);
  return { db, last: events[events.length - 1].position };
}

describe('the work report on the seed section 二 fixture', () => {
  const { db, last } = ledger();
  const report = workReport(db, period, last, today, topicWindows(period, officialCalendar));
  const two = report.sections.two;

  it('gives the seed figures of section 二', () => {
    expect(two.instructions).toEqual({ total: 15, byLeader: [{ leader: '市委书记', count: 15 }] });
    expect(two.meetings).toEqual({
      weekly_judgment: 22,
      joint: 5,
      other: 7,
      judgedCases: 21,
      resolved: 20,
      underControl: 0,
      resolvedOrUnderControlRate: 95.24,
    });
    expect(two.upperAssignments).toEqual({
      received: 59,
      byLevel: { central: 20, province: 20, prefecture: 19 },
      due: 59,
      onTime: 59,
      onTimeRate: 100,
    });
    expect(two.sms).toBe(26);
    expect(two.reviews).toEqual({ completed: 4, review: 4, reReview: 0 });
  });

  it('drafts section 二 with those figures in the seed register', () => {
    expect(two.text).toContain('召开周研判会22次，全市信访联席会议5次');
    expect(two.text).toContain('市委书记同志批示15件次');
    expect(two.text).toContain('研判案件21件次，案件化解稳控率95.24％');
    expect(two.text).toContain('上三级交办来访案件59件，到期办结率100％');
    expect(two.text).toContain('手机短信平台办理短信访26件');
    expect(two.text).toContain('复查复核办公室受理复查办结案件4件');
  });

  it('finds the problems of section 三 in the data', () => {
    const three = report.sections.three;
    expect(three.onlineRepeat).toEqual({
      total: 17,
      repeat: 7,
      rate: 41.18,
      subjects: [
        { subject: '紫悦华府', contacts: 4, share: 57.14 },
        { subject: '华运凯旋城', contacts: 2, share: 28.57 },
      ],
    });
    // 04-H1 and 05-H2 both reach 100 %; the earlier one is named.
    expect(three.worstHalfMonth).toEqual({
      halfMonth: '2022-04-H1',
      from: '2022-04-01',
      to: '2022-04-15',
      total: 6,
      repeat: 6,
      rate: 100,
    });
    expect(three.topSubjects).toEqual({
      subjects: [
        { subject: '紫悦华府', contacts: 8, share: 47.06 },
        { subject: '华运凯旋城', contacts: 5, share: 29.41 },
      ],
      contacts: 13,
      total: 17,
      share: 76.47,
    });
    expect(three.topics).toEqual([
      {
        id: 'wage_arrears_spring_festival',
        name: '讨要农民工工资和工程款',
        categories: ['labour_social_security'],
        window: { from: '2022-01-01', to: '2022-02-21' },
        // 3 of the 4 collective visits in the window; the 03-21 one is outside it.
        collective: { batches: 3, persons: 36, share: 75 },
        // R0..R4 of the 51 individual city visits there (U0..U24, J0..J20, R0..R4).
        individual: { batches: 5, persons: 5, share: 9.8 },
        subjects: [{ subject: '城北安置房', contacts: 3, share: 37.5 }],
      },
    ]);
    expect(three.text).toContain('群众发生网上重复投诉7件，重复占比率41.18％，主要涉及紫悦华府、华运凯旋城等');
    expect(three.text).toContain('4月1日－15日，半月内我市网上投诉重复访率100％');
    expect(three.text).toContain('占全市网上投诉总量的76.47％');
    expect(three.text).toContain('发生来市集访3批36人次，个访5批5人次，分别占同期全市来市集访、个访总量75％、9.80％');
  });

  it('keeps section 一 as the overview, and answers as known at an earlier position', () => {
    expect(report.sections.one.sms).toBe(26);
    expect(report.text.startsWith('一、信访总体情况')).toBe(true);
    expect(report.text).toContain('\n二、主要工作措施\n');
    expect(report.text).toContain('\n三、存在主要问题\n');
    const early = workReport(db, period, 20n, today, []);
    expect(early.asOf).toBe('20');
    expect(early.sections.two.instructions.total).toBe(15);
    expect(early.sections.two.upperAssignments.received).toBe(1);
  });
});
