// The half-month bulletin as printed and exported: one layout, three builders. Pure.
export * from './bulletin-layout';
export * from './bulletin-csv';
export * from './bulletin-xlsx';
export * from './bulletin-html';
