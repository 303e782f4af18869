/** Jest runs TypeScript through SWC (type-checking is `npm run typecheck`). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  // Integration tests share PostgreSQL and Redis; two workers fit this 2-core machine.
  maxWorkers: 2,
  testTimeout: 30000,
};
