// Test-only: the figures of section 一 of the example work report
// (../shared/seed/000_aa17c6b9e2b213e4.txt), 2022-01-01..2022-06-30 against the
// same dates of 2021, where they are consistent with each other.
//
// What the report gets wrong, and what these figures do instead:
// - its skip-level categories (43.33/40/10 %) are of 30 batches, but its levels add
//   up to 31 (1 + 1 + 10 + 19); here the 31 batches are split 13/12/3/3 by category;
// - its collective-visit shares sum to 108.73 % (187 batches for 172); here the 172
//   keep the report's first four counts (96, 51, 13, 11) and one 民政 batch;
// - its individual-visit shares are consistent (706 batches) and kept exactly;
// - 2021 is given only where the report compares (skip-level, online total 1482,
//   which its "下降33.26％" implies); other 2021 figures are made up, and marked.
import type { Category, Level, Source } from '@app/domain';
import type { ContactCount, OverviewFigures } from './overview';

const visit = (
  level: Level,
  collective: boolean,
  category: Category,
  batches: number,
  persons: number,
): ContactCount => ({
  channel: 'visit',
  level,
  source: null,
  collective,
  repeat: false,
  category,
  batches,
  persons,
});

const online = (source: Source, repeat: boolean, category: Category, batches: number): ContactCount => ({
  channel: 'online',
  level: 'city',
  source,
  collective: false,
  repeat,
  category,
  batches,
  persons: batches,
});

const other = (channel: 'sms' | 'letter', category: Category, batches: number): ContactCount => ({
  channel,
  level: 'city',
  source: null,
  collective: false,
  repeat: false,
  category,
  batches,
  persons: batches,
});

export const SECTION_ONE_PERIOD = { from: '2022-01-01', to: '2022-06-30' };
export const SECTION_ONE_PREVIOUS = { from: '2021-01-01', to: '2021-06-30' };

export const SECTION_ONE_NOW: OverviewFigures = {
  contacts: [
    // 赴京个访 1批1人次; 到省集访 1批5人次; 到省个访 10批15人次; 去周个访 19批29人次.
    visit('national', false, 'urban_rural_construction', 1, 1),
    visit('province', true, 'labour_social_security', 1, 5),
    visit('province', false, 'urban_rural_construction', 5, 8),
    visit('province', false, 'labour_social_security', 5, 7),
    visit('prefecture', false, 'urban_rural_construction', 7, 11),
    visit('prefecture', false, 'labour_social_security', 6, 9),
    visit('prefecture', false, 'agriculture_rural', 3, 5),
    visit('prefecture', false, 'other', 3, 4),
    // 网上信访989件: 国家信访局953, 省信访局36; 重复606.
    online('national_platform', false, 'urban_rural_construction', 370),
    online('national_platform', true, 'urban_rural_construction', 583),
    online('provincial_platform', false, 'labour_social_security', 13),
    online('provincial_platform', true, 'labour_social_security', 23),
    // 来市集访172批1901人次.
    visit('city', true, 'labour_social_security', 96, 1100),
    visit('city', true, 'urban_rural_construction', 51, 520),
    visit('city', true, 'discipline_inspection', 13, 140),
    visit('city', true, 'land_resources', 11, 130),
    visit('city', true, 'civil_affairs', 1, 11),
    // 来市个访706批1117人次, with the report's own (consistent) category counts.
    visit('city', false, 'labour_social_security', 196, 320),
    visit('city', false, 'appeals', 170, 260),
    visit('city', false, 'urban_rural_construction', 137, 210),
    visit('city', false, 'agriculture_rural', 110, 170),
    visit('city', false, 'land_resources', 34, 60),
    visit('city', false, 'education_sports', 27, 40),
    visit('city', false, 'discipline_inspection', 24, 40),
    visit('city', false, 'other', 8, 17),
    // 短信访26件 (section 二); letters made up.
    other('sms', 'urban_rural_construction', 26),
    other('letter', 'civil_affairs', 12),
  ],
  onlineReplies: { onTime: 20, due: 20 },
  receptions: [
    { leader: '市委书记', batches: 64, persons: 268, resolvedOnSiteBatches: 14, resolvedOnSitePersons: 71 },
    { leader: '市长', batches: 3, persons: 14, resolvedOnSiteBatches: 1, resolvedOnSitePersons: 10 },
    { leader: '处级领导', batches: 111, persons: 379, resolvedOnSiteBatches: 53, resolvedOnSitePersons: 196 },
  ],
  campaigns: [{ id: 'backlog-2022', name: '重复信访积案专项治理', assigned: 642, resolved: 559 }],
  screenings: { found: 2257, resolved: 1894 },
  riskAssessments: { total: 19, passed: 19 },
  accountability: { summons: 4, criticism: 6 },
};

export const SECTION_ONE_BEFORE: OverviewFigures = {
  contacts: [
    // 2021: 赴京集访1批5人次, 赴京个访56批60人次, 到省个访26批39人次, 去周个访17批32人次.
    visit('national', true, 'labour_social_security', 1, 5),
    visit('national', false, 'urban_rural_construction', 30, 32),
    visit('national', false, 'labour_social_security', 26, 28),
    visit('province', false, 'urban_rural_construction', 16, 24),
    visit('province', false, 'agriculture_rural', 10, 15),
    visit('prefecture', false, 'labour_social_security', 17, 32),
    // 1482 online (implied by 989 being 33.26 % down); the split is made up.
    online('national_platform', false, 'urban_rural_construction', 700),
    online('national_platform', true, 'urban_rural_construction', 700),
    online('provincial_platform', false, 'labour_social_security', 82),
    // Made up: city visits, SMS and letters of 2021.
    visit('city', true, 'labour_social_security', 100, 1100),
    visit('city', true, 'urban_rural_construction', 50, 500),
    visit('city', false, 'labour_social_security', 300, 500),
    visit('city', false, 'urban_rural_construction', 300, 480),
    visit('city', false, 'agriculture_rural', 200, 320),
    other('sms', 'urban_rural_construction', 30),
    other('letter', 'civil_affairs', 10),
  ],
  onlineReplies: { onTime: 0, due: 0 },
  receptions: [{ leader: '市委书记', batches: 50, persons: 200, resolvedOnSiteBatches: 10, resolvedOnSitePersons: 40 }],
  campaigns: [],
  screenings: { found: 2000, resolved: 1500 },
  riskAssessments: { total: 10, passed: 9 },
  accountability: { summons: 2, criticism: 1 },
};
