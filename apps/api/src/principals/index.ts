import { ChangeUnitsHandler } from './change-units/change-units.handler';
import { IssueTokenHandler } from './issue-token/issue-token.handler';
import { ListPrincipalsHandler } from './list-principals/list-principals.handler';
import { RegisterPrincipalHandler } from './register-principal/register-principal.handler';
import { RevokePrincipalHandler } from './revoke-principal/revoke-principal.handler';
import { WhoAmIHandler } from './who-am-i/who-am-i.handler';

export { PrincipalsController } from './principals.controller';
export { PRINCIPAL_USAGE, PRINCIPAL_USAGE_PROVIDERS } from './principal-usage.provider';
/** The principals feature's command and query handlers, for the app module to provide. */
export const PRINCIPAL_HANDLERS = [
  RegisterPrincipalHandler,
  ListPrincipalsHandler,
  RevokePrincipalHandler,
  IssueTokenHandler,
  ChangeUnitsHandler,
  WhoAmIHandler,
];
