import { buildOverview, ContactCount, OverviewFigures } from './overview';
import { percent } from './overview-text';
import { SECTION_ONE_BEFORE, SECTION_ONE_NOW, SECTION_ONE_PERIOD, SECTION_ONE_PREVIOUS } from './section-one.fixture';

const textOf = (
  now: OverviewFigures,
  before: OverviewFigures,
  period = SECTION_ONE_PERIOD,
  previous = SECTION_ONE_PREVIOUS,
) => buildOverview({ period, previous, asOf: '1', now, before }).text;

const EMPTY: OverviewFigures = {
  contacts: [],
  onlineReplies: { onTime: 0, due: 0 },
  receptions: [],
  campaigns: [],
  screenings: { found: 0, resolved: 0 },
  riskAssessments: { total: 0, passed: 0 },
  accountability: { summons: 0, criticism: 0 },
};

const only = (figures: OverviewFigures, keep: (c: ContactCount) => boolean): OverviewFigures => ({
  ...figures,
  contacts: figures.contacts.filter(keep),
});

describe('section 一 drafted from the figures of the example report', () => {
  const text = textOf(SECTION_ONE_NOW, SECTION_ONE_BEFORE);
  const lines = text.split('\n');

  it('opens as the report does, with correctly rounded changes', () => {
    expect(lines[0]).toBe('一、信访总体情况');
    expect(lines[1]).toBe(
      '今年以来，我市群众越级人访总量与去年同期相比下降了69％，群众网上信访总量下降33.27％，信访形势逐渐向好。',
    );
  });

  it('compares each skip-level form with the same dates of 2021, saying 新增 where 2021 had none', () => {
    expect(lines[2]).toContain(
      '1、赴京上访。发生赴京集访0批次，与2021年同期1批5人次相比下降100％；发生赴京个访1批1人次，与2021年同期56批60人次相比下降98.21％。',
    );
    // The report: "与2021年0批次相比上升100％" and "下降61.53％".
    expect(lines[2]).toContain(
      '2、到省上访。发生到省集访1批5人次，2021年同期未发生，为新增；发生到省个访10批15人次，与2021年同期26批39人次相比下降61.54％。',
    );
    // The report: "上升10.52％" (2 ÷ 19); the change is 2 ÷ 17.
    expect(lines[2]).toContain(
      '3、到地市上访。未发生到地市集访；发生到地市个访19批29人次，与2021年同期17批32人次相比上升11.76％。',
    );
    expect(lines[2]).toContain(
      '群众越级上访反映问题比较突出前三类别是：1、城乡建设类41.93％；2、劳动社保类38.71％；3、农村农业类9.68％。',
    );
    expect(text).not.toMatch(/上升了?100％/);
  });

  it('reports the online complaints by platform, the on-time rate and the repeats', () => {
    expect(lines[3]).toBe(
      '（二）群众网上投诉情况。今年以来，信访局办理群众网上信访989件，其中国家信访局投诉953件，省信访局投诉36件，信访事项按期办结率100％。群众网上重复投诉606件，重复占比率61.27％。',
    );
  });

  it('reports the city visits with category shares that sum to 100, in the report order', () => {
    expect(lines[4]).toContain(
      '（三）群众来市信访情况。今年以来，我市群众发生来市上访878批3018人次，其中集访172批1901人次，个访706批1117人次。',
    );
    expect(lines[4]).toContain(
      '1、来市集访情况。群众发生来市集访172批1901人次，群众反映比较突出前几个类别是：劳动社保类55.81％；城乡建设类29.65％；纪检监察类7.56％；国土资源类6.40％；民政类0.58％。',
    );
    expect(lines[4]).toContain(
      '2、来市个访情况。发生来市个访706批1117人次，群众反映比较突出前几个类别是：劳动社保类27.76％；涉法涉诉类24.08％；城乡建设类19.41％；农村农业类15.58％；国土资源类4.82％；教育体育类3.82％；纪检监察类3.40％；其他类1.13％。',
    );
    expect(lines).toHaveLength(5);
  });
});

describe('drafting rules', () => {
  it('writes percentages with two decimals, whole numbers without', () => {
    expect([percent(69.7), percent(-98.21), percent(100), percent(40), percent(0.5)]).toEqual([
      '69.70％',
      '98.21％',
      '100％',
      '40％',
      '0.50％',
    ]);
  });

  it('leaves out the on-time rate when no reply fell due, and the repeats when there were none', () => {
    const text = textOf(
      { ...only(SECTION_ONE_NOW, (c) => c.channel === 'online' && !c.repeat), onlineReplies: { onTime: 0, due: 0 } },
      EMPTY,
    );
    expect(text).toContain('信访局办理群众网上信访383件，其中国家信访局投诉370件，省信访局投诉13件。');
    expect(text).not.toContain('按期办结率');
    expect(text).not.toContain('重复');
  });

  it('leaves out a part with nothing in either year and numbers the rest', () => {
    const text = textOf(
      only(SECTION_ONE_NOW, (c) => c.channel === 'online'),
      only(SECTION_ONE_BEFORE, (c) => c.channel === 'online'),
    );
    const lines = text.split('\n');
    expect(lines[1]).toBe('今年以来，群众网上信访总量下降33.27％，信访形势逐渐向好。');
    expect(lines[2]).toMatch(/^（一）群众网上投诉情况。/);
    expect(lines).toHaveLength(3);
    expect(text).not.toContain('越级');
    expect(text).not.toContain('来市');
  });

  it('says 新增 for a figure that was 0 a year earlier, and makes no judgement when things rose', () => {
    const text = textOf(SECTION_ONE_NOW, EMPTY);
    expect(text.split('\n')[1]).toBe(
      '今年以来，我市群众越级人访31批50人次，去年同期未发生，为新增，群众网上信访989件，去年同期未发生，为新增。',
    );
    expect(text).toContain('发生赴京个访1批1人次，2021年同期未发生，为新增');
    expect(text).toContain('未发生赴京集访；');
  });

  it('says 持平 when a figure did not move', () => {
    const text = textOf(SECTION_ONE_NOW, SECTION_ONE_NOW);
    expect(text.split('\n')[1]).toBe(
      '今年以来，我市群众越级人访总量与去年同期相比持平，群众网上信访总量与去年同期持平。',
    );
    expect(text).toContain('发生赴京个访1批1人次，与2021年同期1批1人次相比持平');
  });

  it('says what did not happen when a figure fell to nothing', () => {
    const text = textOf(EMPTY, SECTION_ONE_BEFORE);
    expect(text).toContain('（一）群众越级信访情况。今年以来，未发生群众越级上访。1、赴京上访。');
    expect(text).toContain('（二）群众网上投诉情况。今年以来，未发生群众网上信访。');
    expect(text).toContain('（三）群众来市信访情况。今年以来，未发生群众来市上访。');
    expect(text).not.toContain('前三类别');
  });

  it('names the dates of a period that is not a year to date, and the year a full year', () => {
    const april = textOf(
      SECTION_ONE_NOW,
      SECTION_ONE_BEFORE,
      { from: '2022-04-01', to: '2022-04-30' },
      { from: '2021-04-01', to: '2021-04-30' },
    );
    expect(april.split('\n')[1]).toMatch(/^2022年4月1日至4月30日，我市群众越级人访总量/);
    const winter = textOf(
      SECTION_ONE_NOW,
      SECTION_ONE_BEFORE,
      { from: '2021-12-01', to: '2022-02-28' },
      { from: '2020-12-01', to: '2021-02-28' },
    );
    expect(winter).toMatch(/^一、信访总体情况\n2021年12月1日至2022年2月28日，/);
    expect(winter).toContain('与去年同期56批60人次相比');
    const year = textOf(
      SECTION_ONE_NOW,
      SECTION_ONE_BEFORE,
      { from: '2022-01-01', to: '2022-12-31' },
      { from: '2021-01-01', to: '2021-12-31' },
    );
    expect(year.split('\n')[1]).toMatch(/^2022年，/);
  });

  it('has a sentence even for a period with nothing at all', () => {
    expect(textOf(EMPTY, EMPTY)).toBe('一、信访总体情况\n今年以来，我市未发生群众越级上访、网上信访和来市上访。');
  });

  it('groups equal shares as the report does (申诉类、卫生类各占2.91％)', () => {
    const visit = (category: ContactCount['category'], batches: number): ContactCount => ({
      channel: 'visit',
      level: 'city',
      source: null,
      collective: true,
      repeat: false,
      category,
      batches,
      persons: batches * 5,
    });
    const text = textOf(
      { ...EMPTY, contacts: [visit('labour_social_security', 2), visit('appeals', 1), visit('health', 1)] },
      EMPTY,
    );
    expect(text).toContain('群众反映比较突出前几个类别是：劳动社保类50％；涉法涉诉类、卫生健康类各占25％。');
  });
});
