import { ADMIN_TOKEN, TestApp } from './test-app';

export interface Actors {
  admin: string;
  registrar: string;
  handler: string;
  otherHandler: string;
  responsibleHandler: string;
  leader: string;
  analyst: string;
  auditor: string;
}

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Units and one principal per role: the cast of most e2e tests. */
export async function seedActors(t: TestApp): Promise<Actors> {
  const units = [
    { code: 'town-a', name: '城关镇', kind: 'town' },
    { code: 'town-b', name: '城北镇', kind: 'town' },
    { code: 'dept-housing', name: '住建局', kind: 'department' },
  ];
  for (const unit of units) await t.http().post('/api/v1/units').set(auth(ADMIN_TOKEN)).send(unit).expect(201);
  const principal = async (name: string, role: string, units?: string[]) => {
    const res = await t
      .http()
      .post('/api/v1/principals')
      .set(auth(ADMIN_TOKEN))
      .send({ name, role, units })
      .expect(201);
    return res.body.token as string;
  };
  return {
    admin: ADMIN_TOKEN,
    registrar: await principal('登记员 王', 'registrar'),
    handler: await principal('经办人 李', 'handler', ['dept-housing']),
    otherHandler: await principal('经办人 赵', 'handler', ['town-b']),
    responsibleHandler: await principal('经办人 钱', 'handler', ['town-a']),
    leader: await principal('副市长 张', 'leader'),
    analyst: await principal('分析员 孙', 'analyst'),
    auditor: await principal('督查 周', 'auditor'),
  };
}

export const PERSON = { name: '张三丰', idNumber: '11010119900307123X', phone: '13812345678' };

export function openMatterBody(overrides: Record<string, unknown> = {}) {
  return {
    category: 'labour_social_security',
    subject: '紫悦华府',
    responsibleUnit: 'town-a',
    summary: '反映拖欠农民工工资问题',
    petitioners: [PERSON],
    contact: { occurredAt: '2022-03-01T09:30:00+08:00', channel: 'visit', level: 'city', headcount: 12 },
    ...overrides,
  };
}
