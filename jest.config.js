// One prefix (@app/<lib>) maps to libs/<lib>/src, exactly as tsconfig.json's paths do.
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  testRegex: '(libs|apps|test|bench)/.*\\.(spec|e2e-spec)\\.ts$',
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '\\.css$': '<rootDir>/test/support/style-stub.js',
    '^@app/(domain|ledger|audit|projections|security|runtime)$': '<rootDir>/libs/$1/src',
    '^@app/(domain|ledger|audit|projections|security|runtime)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  testTimeout: 60000,
};
