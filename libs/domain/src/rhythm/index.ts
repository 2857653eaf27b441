// The bureau's rhythm: weekly judgment agenda, half-month bulletin, monthly ranking, dossier. Pure.
export * from './rhythm-facts';
export * from './unit-figures';
export * from './ranking-rule';
export * from './ranking';
export * from './funnel';
export * from './funnel-ranking';
export * from './bulletin';
export * from './agenda';
export * from './restatement';
export * from './dossier';
export * from './publication';
