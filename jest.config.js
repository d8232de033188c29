/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  // test/: the product's tests; packages/fake-excel/test/: the in-memory Excel's own (an npm workspace).
  roots: ['<rootDir>/test', '<rootDir>/packages/fake-excel/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testTimeout: 120000,
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
};
