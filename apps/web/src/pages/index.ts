import type { PageDef } from '../core/page';
import { homePage } from './home';
import { matterPage } from './matter';
import { mattersPage } from './matters';
import { registerPage } from './register';

/**
 * Every page of the UI, in navigation order. To add one: write pages/<name>.ts exporting a
 * PageDef, list it here, and add its strings to i18n/zh.ts and i18n/en.ts (apps/web/README.md).
 */
export const PAGES: readonly PageDef[] = [homePage, registerPage, mattersPage, matterPage];
