import { Agenda, channelSeries, dueThisWeek, overdueByUnit, visitsByCategory } from './home-figures';

const agenda = (week: string, byChannel: Record<string, number>, deadlines: Agenda['deadlines'] = []): Agenda => ({
  week,
  from: '',
  to: '',
  contacts: { batches: 0, persons: 0, repeat: 0, byChannel },
  deadlines,
  campaigns: [],
});
const duty = (matterId: string, deadline: string) => ({
  matterId,
  step: 'reply',
  from: '2022-01-01',
  deadline,
  met: null,
  missedOn: null,
});

describe('the 首页 figures', () => {
  it('give each channel its batches per week, with zeros for a silent week', () => {
    const series = channelSeries([agenda('W1', { visit: 2, online: 1 }), agenda('W2', { visit: 3 })]);
    expect(series.visit).toEqual([2, 3]);
    expect(series.online).toEqual([1, 0]);
    expect(series.sms).toEqual([0, 0]);
  });

  it('add collective and individual visits per category, largest first', () => {
    const rows = visitsByCategory({
      skipLevel: {} as never,
      cityVisits: {
        collective: {
          categories: [
            { category: 'health', batches: 1 },
            { category: 'appeals', batches: 2 },
          ],
        },
        individual: {
          categories: [
            { category: 'health', batches: 3 },
            { category: 'other', batches: 0 },
          ],
        },
      },
    });
    expect(rows).toEqual([
      { category: 'health', batches: 4 },
      { category: 'appeals', batches: 2 },
    ]);
  });

  it('count overdue matters per unit they are with, most first', () => {
    const m = (id: string, assignedUnit: string | null) => ({
      id,
      revision: 1,
      status: 'accepted',
      category: 'other',
      subject: null,
      responsibleUnit: 'x',
      assignedUnit,
      openedAt: '2022-01-01T09:00:00+08:00',
      owner: null,
      resolved: false,
    });
    expect(overdueByUnit([m('1', 'town-b'), m('2', null), m('3', 'town-a'), m('4', 'town-a')])).toEqual([
      { unit: 'town-a', count: 2 },
      { unit: null, count: 1 },
      { unit: 'town-b', count: 1 },
    ]);
  });

  it('list the week’s due duties soonest first', () => {
    const a = agenda('W1', {}, [
      { unit: 'town-a', due: [duty('M2', '2022-04-08')], overdue: [duty('M1', '2022-03-01')] },
      { unit: null, due: [duty('M3', '2022-04-05')], overdue: [duty('M4', '2022-03-02'), duty('M5', '2022-03-03')] },
      { unit: 'town-b', due: [], overdue: [] },
    ]);
    expect(dueThisWeek(a).map((d) => [d.matterId, d.unit])).toEqual([
      ['M3', null],
      ['M2', 'town-a'],
    ]);
  });
});
