/**
 * Jest runs the TypeScript sources directly as ESM (ts-jest, transpile only; `npm run typecheck` checks types).
 * jsdom 29 require()s ESM-only packages, which the jest runtime cannot do on Node 20: those are compiled to
 * CommonJS for the tests by test/helpers/babel-esm-to-cjs.cjs (the built CLI uses Node's own require(esm)).
 */
import { fileURLToPath } from 'node:url';

const ESM_ONLY_DEPENDENCIES = ['@exodus/bytes', '@asamuzakjp', '@csstools', 'parse5', 'entities'];

export default {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
    [`node_modules/(${ESM_ONLY_DEPENDENCIES.join('|')})/.+\\.m?js$`]: [
      'babel-jest',
      { configFile: fileURLToPath(new URL('./test/helpers/babel-esm-to-cjs.cjs', import.meta.url)) },
    ],
  },
  transformIgnorePatterns: [`^(?!.*/node_modules/(${ESM_ONLY_DEPENDENCIES.join('|')})/).*/node_modules/`],
  testTimeout: 30000,
  maxWorkers: 2,
};
