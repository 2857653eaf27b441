// Test-only: the ledger events behind the figures of section 二 of the example
// work report (../shared/seed/000_aa17c6b9e2b213e4.txt), 2022-01-01..2022-06-30:
// 市委书记批示15件次, 周研判会22次 with 21 cases judged (20 resolved, 1 back again:
// 95.24 %, "95％以上"), 联席会议5次, 市长研判例会7次, 上三级交办59件 all completed by
// the assigner's date (100 %), 短信访26件, 复查复核办结4件. A handful of online
// complaints and Spring Festival visits give section 三 something to find.
import { addDays, Category, ContactRecordedData, domainEvent, DomainEvent } from '@app/domain';
import { at, ev } from '@app/domain/testing';

type Fact = [string, DomainEvent];

const day = (start: string, offset: number): string => addDays(start, offset);

/** The seed's section 二 figures these facts give, as the report states them (shared by the HTTP e2e). */
export const SEED_SECTION_TWO = {
  instructions: { total: 15, byLeader: [{ leader: '市委书记', count: 15 }] },
  meetings: {
    weekly_judgment: 22,
    joint: 5,
    other: 7,
    judgedCases: 21,
    resolved: 20,
    underControl: 0,
    resolvedOrUnderControlRate: 95.24,
  },
  upperAssignments: {
    received: 59,
    byLevel: { central: 20, province: 20, prefecture: 19 },
    due: 59,
    onTime: 59,
    onTimeRate: 100,
  },
  sms: 26,
  reviews: { completed: 4, review: 4, reReview: 0 },
};

/** Phrases of the seed's section 二 the drafted text must hold. */
export const SEED_SECTION_TWO_PHRASES = [
  '召开周研判会22次，全市信访联席会议5次',
  '市委书记同志批示15件次',
  '研判案件21件次，案件化解稳控率95.24％',
  '上三级交办来访案件59件，到期办结率100％',
  '手机短信平台办理短信访26件',
  '复查复核办公室受理复查办结案件4件',
];

function opened(
  id: string,
  on: string,
  contact: Partial<ContactRecordedData>,
  category: Category = 'labour_social_security',
  subject: string | null = null,
): Fact[] {
  const stream = `matter-${id}`;
  return [
    [
      stream,
      domainEvent('MatterOpened', at(on), {
        matterId: id,
        category,
        subject,
        responsibleUnit: 'town-a',
        summary: '诉求',
        petitioners: [],
      }),
    ],
    [stream, ev.opened(at(on), contact)[1]],
  ];
}

const onStream = (stream: string, events: DomainEvent[]): Fact[] => events.map((e) => [stream, e]);

export function sectionTwoFacts(): Fact[] {
  const facts: Fact[] = [];

  // 批示: 15, one every ten days from 6 January.
  for (let i = 0; i < 15; i++) {
    facts.push([
      `instruction-I${i}`,
      domainEvent('InstructionRecorded', at(day('2022-01-06', i * 10)), {
        leader: '市委书记',
        matterId: null,
        subject: i % 2 ? '紫悦华府' : null,
        text: '抓紧化解',
      }),
    ]);
  }

  // 上三级交办: 59 visits, assigned from above on the day they came, due 40 days on, replied after 20.
  const levels = ['central', 'province', 'prefecture'] as const;
  for (let i = 0; i < 59; i++) {
    const on = day('2022-01-04', i * 2);
    const id = `U${i}`;
    facts.push(...opened(id, on, { channel: 'visit' }, 'appeals'));
    facts.push([
      `upper_assignment-${id}`,
      domainEvent('UpperAssignmentRecorded', at(on, '15:00'), {
        matterId: id,
        level: levels[i % 3],
        documentRef: `交办〔2022〕${i + 1}号`,
        dueBy: day(on, 40),
      }),
    ]);
    facts.push(
      ...onStream(`matter-${id}`, [
        ev.assigned(at(on, '16:00')),
        ev.accepted(at(day(on, 1))),
        ev.replied(at(day(on, 20))),
      ]),
    );
  }

  // Judged matters: 21 cases; J0..J19 resolved after their meeting, J20 came back after it.
  for (let i = 0; i < 21; i++) facts.push(...opened(`J${i}`, '2022-01-03', { channel: 'visit' }, 'land_resources'));
  for (let w = 0; w < 22; w++) {
    const on = day('2022-01-07', w * 7);
    const decisions = w < 21 ? [{ matterId: `J${w}`, decision: '包案化解', unit: 'town-a', dueBy: day(on, 14) }] : [];
    facts.push([
      `meeting-W${w}`,
      domainEvent('MeetingHeld', at(on), { meetingId: `W${w}`, kind: 'weekly_judgment', chair: '市委书记', decisions }),
    ]);
    if (w < 20) facts.push([`matter-J${w}`, ev.resolved(at(day(on, 3)))]);
  }
  facts.push([`matter-J20`, ev.contact(at('2022-06-20'))]);
  for (let j = 0; j < 5; j++) {
    facts.push([
      `meeting-JM${j}`,
      domainEvent('MeetingHeld', at(day('2022-01-20', j * 30)), {
        meetingId: `JM${j}`,
        kind: 'joint',
        chair: '市委书记',
        decisions: [],
      }),
    ]);
  }
  for (let j = 0; j < 7; j++) {
    facts.push([
      `meeting-OM${j}`,
      domainEvent('MeetingHeld', at(day('2022-01-25', j * 20)), {
        meetingId: `OM${j}`,
        kind: 'other',
        chair: '市长',
        decisions: [],
      }),
    ]);
  }

  // 短信访: 26.
  for (let i = 0; i < 26; i++) facts.push(...opened(`S${i}`, day('2022-01-10', i * 5), { channel: 'sms' }));

  // 复查复核: 4 review decisions in the period (and one request still pending, which does not count).
  for (let i = 0; i < 4; i++) {
    const id = `R${i}`;
    facts.push(...opened(id, '2022-01-05', { channel: 'visit' }));
    facts.push(
      ...onStream(`matter-${id}`, [
        ev.assigned(at('2022-01-06')),
        ev.accepted(at('2022-01-07')),
        ev.replied(at('2022-02-10')),
        ev.reviewRequested(at('2022-03-01')),
        ev.reviewDecided(at(day('2022-03-10', i))),
      ]),
    );
  }
  facts.push(...opened('R4', '2022-01-05', { channel: 'visit' }));
  facts.push(
    ...onStream('matter-R4', [
      ev.assigned(at('2022-01-06')),
      ev.accepted(at('2022-01-07')),
      ev.replied(at('2022-02-10')),
      ev.reviewRequested(at('2022-06-20')),
    ]),
  );

  // Online complaints: 10 matters; 紫悦华府 ×4 and 华运凯旋城 ×3 tagged, 3 untagged. In 2022-04-H1 six repeats.
  const tags = [
    '紫悦华府',
    '紫悦华府',
    '紫悦华府',
    '紫悦华府',
    '华运凯旋城',
    '华运凯旋城',
    '华运凯旋城',
    null,
    null,
    null,
  ];
  tags.forEach((subject, i) => {
    const id = `O${i}`;
    facts.push(
      ...opened(
        id,
        '2022-03-02',
        { channel: 'online', source: 'national_platform' },
        'urban_rural_construction',
        subject,
      ),
    );
  });
  for (const i of [0, 1, 2, 3, 4, 7]) {
    facts.push([`matter-O${i}`, ev.contact(at('2022-04-05'), { channel: 'online', source: 'national_platform' })]);
  }
  facts.push([`matter-O5`, ev.contact(at('2022-05-20'), { channel: 'online', source: 'national_platform' })]);

  // Spring Festival (holiday 01-31..02-06; window 01-01..02-21): wage-arrears visits, and other visits there.
  for (let i = 0; i < 3; i++) {
    facts.push(
      ...opened(
        `W${i}`,
        '2022-01-20',
        { channel: 'visit', headcount: 12, collective: true },
        'labour_social_security',
        '城北安置房',
      ),
    );
  }
  facts.push(...opened('X0', '2022-01-21', { channel: 'visit', headcount: 6, collective: true }, 'land_resources'));
  facts.push(
    ...opened('X1', '2022-03-21', { channel: 'visit', headcount: 30, collective: true }, 'labour_social_security'),
  );
  return facts;
}
