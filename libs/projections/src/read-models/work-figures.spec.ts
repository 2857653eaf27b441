import { topicWindows } from '@app/domain';
import { officialCalendar } from '@app/domain/testing';
import { SEED_SECTION_TWO, SEED_SECTION_TWO_PHRASES, sectionTwoFacts } from '../reports/section-two.fixture';
import { activityFactsProjection } from './activity-facts.projection';
import { mattersProjection } from './matters.projection';
import { applyAll, envelopes, readModelDb } from './spec-support';
import { workReport } from './work-figures';

const settings = { timeZone: 'Asia/Shanghai', calendar: officialCalendar, rollForward: true };
const projections = [mattersProjection(settings), activityFactsProjection(settings)];
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
    expect(two).toMatchObject(SEED_SECTION_TWO);
  });

  it('drafts section 二 with those figures in the seed register', () => {
    for (const phrase of SEED_SECTION_TWO_PHRASES) expect(two.text).toContain(phrase);
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
