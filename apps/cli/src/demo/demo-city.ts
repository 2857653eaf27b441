import type { Category, Source } from '@app/domain';

/**
 * 青禾市: a fictional county-level city, shaped after the example half-year report
 * (../shared/seed/): about thirty towns and departments, a handful of problem housing
 * projects that draw most online complaints, wage arrears before the Spring Festival,
 * and units that differ in how well they handle what they are given.
 */
export const CITY = '青禾市';

/** How a unit handles what it is given (days are calendar days). */
export interface UnitProfile {
  /** Days from assignment to the acceptance decision, in the usual case. */
  acceptDays: readonly [number, number];
  /** Share of acceptances made after the 15-day limit. */
  lateAcceptance: number;
  /** Days from acceptance to the reply, in the usual case (within the 60-day limit). */
  replyDays: readonly [number, number];
  /** Share of replies made after the limit, without an extension. */
  lateReply: number;
  /** Share of matters whose reply period is extended (by 15 to 30 days). */
  extension: number;
  /** Share of its own matters it nevertheless returns as outside its remit (异议). */
  returnsOwn: number;
  /** How likely a bureau misrouting lands here (catch-all units attract them). */
  misrouteWeight: number;
  /** Share of evaluations that are satisfied or basically satisfied, before the outcome shifts it. */
  satisfaction: number;
}

const GOOD: UnitProfile = {
  acceptDays: [1, 5],
  lateAcceptance: 0.005,
  replyDays: [8, 40],
  lateReply: 0.01,
  extension: 0.04,
  returnsOwn: 0.004,
  misrouteWeight: 0.3,
  satisfaction: 0.93,
};
const AVERAGE: UnitProfile = {
  acceptDays: [2, 9],
  lateAcceptance: 0.03,
  replyDays: [15, 55],
  lateReply: 0.05,
  extension: 0.1,
  returnsOwn: 0.01,
  misrouteWeight: 0.6,
  satisfaction: 0.86,
};
const POOR: UnitProfile = {
  acceptDays: [4, 14],
  lateAcceptance: 0.14,
  replyDays: [25, 58],
  lateReply: 0.22,
  extension: 0.2,
  returnsOwn: 0.02,
  misrouteWeight: 1,
  satisfaction: 0.72,
};

export interface DemoUnit {
  code: string;
  name: string;
  kind: 'town' | 'department';
  /** Relative size, for the matters that belong to "some town". */
  weight: number;
  profile: UnitProfile;
  /** The head a summons (约谈) names. */
  head: string;
}

const town = (code: string, name: string, weight: number, profile: UnitProfile, head: string): DemoUnit => ({
  code: `town-${code}`,
  name,
  kind: 'town',
  weight,
  profile,
  head,
});
const dept = (code: string, name: string, profile: UnitProfile, head: string): DemoUnit => ({
  code: `dept-${code}`,
  name,
  kind: 'department',
  weight: 1,
  profile,
  head,
});

export const UNITS: readonly DemoUnit[] = [
  town('chengguan', '城关街道', 1.6, GOOD, '党工委书记 郑国栋'),
  town('dongcheng', '东城街道', 1.4, AVERAGE, '党工委书记 吴海波'),
  town('xicheng', '西城街道', 1.3, AVERAGE, '党工委书记 梁晓东'),
  town('beiguan', '北关街道', 1.2, AVERAGE, '党工委书记 韩立新'),
  town('nanhu', '南湖街道', 1.1, GOOD, '党工委书记 唐文斌'),
  town('liulin', '柳林镇', 1.0, GOOD, '镇党委书记 冯建军'),
  town('daying', '大营镇', 0.9, AVERAGE, '镇党委书记 于振华'),
  town('shiqiao', '石桥镇', 0.8, AVERAGE, '镇党委书记 董卫东'),
  town('baisha', '白沙镇', 0.8, AVERAGE, '镇党委书记 萧永胜'),
  town('mazhuang', '马庄镇', 1.0, { ...POOR, returnsOwn: 0.06, misrouteWeight: 2 }, '镇党委书记 程志刚'),
  town('hekou', '河口镇', 0.9, { ...POOR, lateReply: 0.1, lateAcceptance: 0.2 }, '镇党委书记 曹明亮'),
  town('xinji', '新集镇', 0.7, AVERAGE, '镇党委书记 袁德胜'),
  town('huangdian', '黄店镇', 0.6, AVERAGE, '镇党委书记 邓红旗'),
  town('gaomiao', '高庙乡', 0.5, GOOD, '乡党委书记 许长江'),
  dept('housing', '住房和城乡建设局', { ...POOR, misrouteWeight: 1.2 }, '局长 蒋文华'),
  dept('hrss', '人力资源和社会保障局', GOOD, '局长 沈丽萍'),
  dept('natural-resources', '自然资源局', { ...AVERAGE, misrouteWeight: 1.5 }, '局长 彭志远'),
  dept('agriculture', '农业农村局', AVERAGE, '局长 吕德明'),
  dept('civil-affairs', '民政局', GOOD, '局长 苏秀兰'),
  dept('health', '卫生健康委员会', AVERAGE, '主任 卢国华'),
  dept('education', '教育体育局', GOOD, '局长 蔡文静'),
  dept('public-security', '公安局', GOOD, '局长 贾振国'),
  dept('environment', '生态环境局', AVERAGE, '局长 丁永强'),
  dept('discipline', '纪委监委', GOOD, '副书记 魏建平'),
  dept('politics-law', '政法委', AVERAGE, '常务副书记 薛海军'),
  dept('market', '市场监督管理局', AVERAGE, '局长 叶春生'),
  dept(
    'urban-management',
    '城市管理局',
    { ...AVERAGE, returnsOwn: 0.09, misrouteWeight: 3, lateReply: 0.08 },
    '局长 阎立群',
  ),
  dept('transport', '交通运输局', AVERAGE, '局长 余卫国'),
  dept('water', '水利局', AVERAGE, '局长 潘长河'),
  dept('industrial-zone', '产业集聚区管委会', { ...POOR, extension: 0.3 }, '主任 杜宏伟'),
];

export const TOWNS = UNITS.filter((u) => u.kind === 'town');
export const unitByCode = new Map(UNITS.map((u) => [u.code, u]));

/** The leaders: principals with the leader role, and the names events carry. */
export const LEADERS = {
  secretary: { id: 'leader-secretary', name: '市委书记 王建国' },
  mayor: { id: 'leader-mayor', name: '市长 刘志强' },
  executive: { id: 'leader-executive-vice-mayor', name: '常务副市长 陈立新' },
  politicsLaw: { id: 'leader-politics-law', name: '市委政法委书记 赵永军' },
  housing: { id: 'leader-vice-mayor-housing', name: '副市长 孙丽萍' },
} as const;
export type LeaderKey = keyof typeof LEADERS;

/** 处级领导 who take turns at the reception room (named in receptions, not principals). */
export const DIVISION_LEADERS = [
  '市信访局局长 周海涛',
  '市信访局副局长 黄丽娟',
  '市委政法委副书记 马卫东',
  '市住建局局长 蒋文华',
  '市人社局局长 沈丽萍',
  '市自然资源局局长 彭志远',
];

export interface HousingProject {
  name: string;
  /** The town (or zone) it lies in. */
  unit: string;
  /** Share of online complaints about housing that name it. */
  online: number;
  /** Weight among wage-arrears complaints on construction sites. */
  wages: number;
  /** The leader who owns (包案) its cases. */
  owner: LeaderKey;
}

export const HOUSING_PROJECTS: readonly HousingProject[] = [
  { name: '紫悦华府', unit: 'town-dongcheng', online: 0.18, wages: 0.12, owner: 'mayor' },
  { name: '亿嘉新城', unit: 'town-xicheng', online: 0.16, wages: 0.06, owner: 'secretary' },
  { name: '华运凯旋城', unit: 'town-beiguan', online: 0.15, wages: 0.08, owner: 'housing' },
  { name: '梦灏御园', unit: 'town-nanhu', online: 0.1, wages: 0.04, owner: 'housing' },
  { name: '悦龙台', unit: 'town-chengguan', online: 0.07, wages: 0.08, owner: 'executive' },
  { name: '澜庭叙', unit: 'town-dongcheng', online: 0.06, wages: 0.07, owner: 'housing' },
  { name: '公园牧歌', unit: 'town-xicheng', online: 0.05, wages: 0.05, owner: 'housing' },
  { name: '建业城', unit: 'town-beiguan', online: 0.04, wages: 0.08, owner: 'executive' },
  { name: '潘庄安置房', unit: 'town-mazhuang', online: 0.03, wages: 0.12, owner: 'executive' },
  { name: '城北安置房', unit: 'town-beiguan', online: 0.03, wages: 0.1, owner: 'executive' },
  { name: '邝庄棚户区改造', unit: 'town-chengguan', online: 0.03, wages: 0.07, owner: 'housing' },
  { name: '莲花新区一期', unit: 'town-nanhu', online: 0.02, wages: 0.05, owner: 'housing' },
  { name: '产业集聚区棚改项目', unit: 'dept-industrial-zone', online: 0.02, wages: 0.08, owner: 'executive' },
  { name: '东湖名邸', unit: 'town-dongcheng', online: 0.02, wages: 0.0, owner: 'housing' },
  { name: '翡翠湾', unit: 'town-nanhu', online: 0.02, wages: 0.0, owner: 'housing' },
  { name: '锦绣江南', unit: 'town-xicheng', online: 0.02, wages: 0.0, owner: 'housing' },
];

export const COMPANIES = [
  '青禾宏达纺织有限公司',
  '鑫源建材有限公司',
  '青禾市顺通物流有限公司',
  '华泰食品有限公司',
  '金穗面业有限公司',
  '青禾恒昌机械厂',
  '永盛建筑劳务有限公司',
  '青禾市第二建筑工程公司',
];

export const VILLAGES = [
  '王庄村',
  '李营村',
  '东湖社区',
  '北街社区',
  '后屯村',
  '石桥村',
  '小河村',
  '高庙村',
  '新集村',
  '槐树庄村',
  '郭店村',
  '白沙村',
];

export const RISK_PROJECTS = [
  '城北污水处理厂扩建工程',
  '产业集聚区标准化厂房三期',
  '老城区棚户区改造（三期）',
  'G107改线工程征地拆迁',
  '市第二人民医院迁建',
  '南湖生态公园建设',
  '农村集中供水提质工程',
  '城区中小学校扩容',
  '垃圾焚烧发电项目',
  '高标准农田建设',
  '城乡公交一体化改革',
  '老旧小区改造（东城片区）',
  '天然气管网延伸工程',
  '河道综合治理工程',
];

export const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'.split(
    '',
  );
export const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '建国',
  '建华',
  '志强',
  '玉兰',
  '海燕',
  '春梅',
  '国庆',
  '红',
  '兵',
  '斌',
  '宇',
  '浩',
  '凯',
  '鹏',
  '辉',
  '欣',
  '婷',
  '雪',
  '保国',
  '长青',
  '金凤',
  '文革',
  '小燕',
  '德胜',
  '彩霞',
  '振华',
  '淑珍',
  '永福',
];

/** Online complaints arrive through these platforms; most through the national one. */
export const ONLINE_SOURCES: readonly (readonly [Source, number])[] = [
  ['national_platform', 0.955],
  ['provincial_platform', 0.037],
  ['prefecture_platform', 0.005],
  ['city_platform', 0.003],
];

export type Mix = readonly (readonly [Category, number])[];

/** Category mixes by kind of contact, after the example report's shares. */
export const CATEGORY_MIX: Record<'collective' | 'individual' | 'skip' | 'online' | 'remote', Mix> = {
  collective: [
    ['labour_social_security', 0.42],
    ['urban_rural_construction', 0.34],
    ['discipline_inspection', 0.08],
    ['land_resources', 0.07],
    ['civil_affairs', 0.035],
    ['appeals', 0.03],
    ['health', 0.025],
  ],
  individual: [
    ['labour_social_security', 0.22],
    ['appeals', 0.25],
    ['urban_rural_construction', 0.2],
    ['agriculture_rural', 0.16],
    ['land_resources', 0.05],
    ['education_sports', 0.04],
    ['discipline_inspection', 0.035],
    ['civil_affairs', 0.015],
    ['health', 0.01],
    ['public_security', 0.01],
    ['other', 0.01],
  ],
  skip: [
    ['urban_rural_construction', 0.43],
    ['labour_social_security', 0.33],
    ['agriculture_rural', 0.1],
    ['appeals', 0.07],
    ['land_resources', 0.04],
    ['discipline_inspection', 0.03],
  ],
  online: [
    ['urban_rural_construction', 0.72],
    ['labour_social_security', 0.08],
    ['agriculture_rural', 0.04],
    ['environment', 0.04],
    ['education_sports', 0.03],
    ['public_security', 0.025],
    ['health', 0.02],
    ['civil_affairs', 0.015],
    ['land_resources', 0.015],
    ['other', 0.015],
  ],
  remote: [
    ['labour_social_security', 0.2],
    ['urban_rural_construction', 0.25],
    ['agriculture_rural', 0.15],
    ['appeals', 0.1],
    ['civil_affairs', 0.08],
    ['environment', 0.06],
    ['education_sports', 0.05],
    ['health', 0.05],
    ['public_security', 0.03],
    ['other', 0.03],
  ],
};

/** The units a category's matters belong to, by weight; `town` stands for the town concerned. */
export const CATEGORY_UNITS: Record<Category, readonly (readonly [string, number])[]> = {
  urban_rural_construction: [
    ['dept-housing', 0.5],
    ['town', 0.3],
    ['dept-urban-management', 0.2],
  ],
  labour_social_security: [
    ['dept-hrss', 0.6],
    ['town', 0.3],
    ['dept-housing', 0.1],
  ],
  agriculture_rural: [
    ['town', 0.75],
    ['dept-agriculture', 0.2],
    ['dept-water', 0.05],
  ],
  discipline_inspection: [['dept-discipline', 1]],
  land_resources: [
    ['dept-natural-resources', 0.55],
    ['town', 0.45],
  ],
  civil_affairs: [
    ['dept-civil-affairs', 0.7],
    ['town', 0.3],
  ],
  appeals: [
    ['dept-politics-law', 0.65],
    ['dept-public-security', 0.25],
    ['town', 0.1],
  ],
  health: [['dept-health', 1]],
  education_sports: [['dept-education', 1]],
  public_security: [['dept-public-security', 1]],
  environment: [
    ['dept-environment', 0.85],
    ['town', 0.15],
  ],
  other: [
    ['dept-market', 0.5],
    ['dept-transport', 0.3],
    ['dept-urban-management', 0.2],
  ],
};

/** What petitioners say, by category; `{s}` is the subject, `{v}` a village, `{n}` a number. */
export const SUMMARIES: Record<Category, readonly string[]> = {
  urban_rural_construction: [
    '反映{s}项目逾期交房，要求开发商尽快交房',
    '反映{s}项目停工，要求尽快复工',
    '反映{s}已交房多年仍无法办理不动产权证',
    '反映{s}小区配套设施未按规划建设',
    '反映{s}物业管理混乱、乱收费',
    '反映{s}房屋质量问题，墙体开裂渗水',
  ],
  labour_social_security: [
    '反映{s}拖欠农民工工资约{n}万元',
    '反映{s}项目拖欠工程款，工人工资无法发放',
    '反映{s}未依法缴纳社会保险',
    '反映{s}拖欠农民工工资，要求春节前结清',
  ],
  agriculture_rural: [
    '反映{v}土地流转费未按时兑付',
    '反映{v}惠农补贴发放不公',
    '反映{v}农田灌溉设施损坏无人维修',
    '反映{v}村道硬化工程质量差',
  ],
  discipline_inspection: ['举报{v}村干部侵占集体资金', '举报{v}村务不公开、账目不清', '反映{v}低保评定中优亲厚友'],
  land_resources: ['反映{v}征地补偿款未足额发放', '反映{v}宅基地纠纷久拖未决', '反映{v}非法占用耕地'],
  civil_affairs: ['申请低保未获批准，要求重新审核', '反映残疾人补贴未发放', '反映养老院服务问题'],
  appeals: [
    '不服法院一审判决，要求再审',
    '反映案件执行难，判决长期未执行到位',
    '对公安机关处理结果不服',
    '反映交通事故赔偿纠纷处理不公',
  ],
  health: ['反映医疗纠纷处理不公', '反映乡镇卫生院乱收费', '反映新农合报销问题'],
  education_sports: ['反映学校违规收费', '反映子女入学难', '反映代课教师待遇问题'],
  public_security: ['反映治安案件久拖未结', '反映邻里纠纷报警后处理不力', '反映户口迁移办理问题'],
  environment: ['反映企业夜间排污扰民', '反映养殖场污染环境', '反映搅拌站粉尘噪声污染'],
  other: ['反映商户缺斤短两', '反映公交线路调整不便', '反映占道经营问题'],
};

export const ACTION_KINDS: readonly (readonly [string, string])[] = [
  ['site_visit', '到现场核实情况'],
  ['interview', '约见信访人了解诉求'],
  ['coordination', '召开协调会，相关单位共同研究处理意见'],
  ['investigation', '调取相关资料，调查核实'],
  ['mediation', '组织双方调解'],
];

export const NOT_ACCEPTED_REASONS = [
  '已进入司法程序，依法不予受理',
  '属于诉讼、仲裁解决范围，已告知信访人依法通过法定途径解决',
  '该事项已经复核终结，不再受理',
];

export const REMIT_REASONS = ['该事项不属于本单位职权范围', '诉求涉及的项目由其他部门主管', '经核实不属于本辖区'];

/** Lunar new year (春节) by year: wage arrears peak in the weeks before it. */
export const SPRING_FESTIVAL: Record<number, string> = {
  2016: '2016-02-08',
  2017: '2017-01-28',
  2018: '2018-02-16',
  2019: '2019-02-05',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
};

/** Yearly volumes, after the example report (its first half-year, doubled) and its comparisons. */
export interface YearVolumes {
  cityCollective: number;
  cityIndividual: number;
  online: number;
  skip: { prefecture: [number, number]; province: [number, number]; national: [number, number] };
  sms: number;
  letters: number;
  phone: number;
  riskAssessments: number;
  riskPassRate: number;
}

/** The demo year: fewer escalations and online complaints than the year before (the report's trend). */
export const CURRENT_YEAR: YearVolumes = {
  cityCollective: 320,
  cityIndividual: 1380,
  online: 1900,
  // [collective, individual] batches
  skip: { prefecture: [1, 38], province: [2, 20], national: [0, 2] },
  sms: 52,
  letters: 30,
  phone: 60,
  riskAssessments: 36,
  riskPassRate: 1,
};

export const PREVIOUS_YEAR: YearVolumes = {
  cityCollective: 300,
  cityIndividual: 1500,
  online: 2900,
  skip: { prefecture: [1, 34], province: [1, 52], national: [2, 110] },
  sms: 40,
  letters: 40,
  phone: 70,
  riskAssessments: 34,
  riskPassRate: 0.94,
};
