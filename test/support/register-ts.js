// Lets a child process started by a test run our TypeScript sources directly
// (`node -r ./test/support/register-ts.js child.ts`), compiled by the same swc
// settings as jest and with the same @app/<lib> aliases, so kill tests exercise
// the real code without a build step.
const Module = require('module');
const path = require('path');
const fs = require('fs');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '../..');
const aliases = /^@app\/(domain|ledger|audit|projections|security|runtime)(\/.*)?$/;

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const match = aliases.exec(request);
  if (match) request = path.join(root, 'libs', match[1], 'src', match[2] || '');
  return resolve.call(this, request, ...rest);
};

require.extensions['.ts'] = function (module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
