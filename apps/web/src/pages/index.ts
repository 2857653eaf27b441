import type { PageDef } from '../core/page';
import { homePage } from './home';
import { matterPage } from './matter';
import { mattersPage } from './matters';
import { registerPage } from './register';
import { remindersPage } from './admin-reminders';
import { usersPage } from './admin-users';
import { auditPage } from './audit';
import { bulletinPage, bulletinPrintPage } from './bulletin';
import { meetingPage } from './meeting';
import { explanationPage, rankingPage } from './ranking';
import { reportPage } from './report';

/**
 * Every page of the UI, in navigation order. To add one: write pages/<name>.ts exporting a
 * PageDef, list it here, and add its strings to i18n/zh.ts and i18n/en.ts (apps/web/README.md).
 */
export const PAGES: readonly PageDef[] = [
  homePage,
  registerPage,
  mattersPage,
  matterPage,
  meetingPage,
  bulletinPage,
  bulletinPrintPage,
  rankingPage,
  explanationPage,
  reportPage,
  auditPage,
  usersPage,
  remindersPage,
];
