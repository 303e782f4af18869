/** Jest runs TypeScript through SWC (type-checking is `npm run typecheck`). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', tsx: true },
          // Server-rendered inbox pages: TSX through preact's automatic runtime, as tsconfig says.
          transform: { react: { runtime: 'automatic', importSource: 'preact' } },
        },
      },
    ],
  },
  // Integration tests share PostgreSQL and Redis; two workers fit this 2-core machine.
  maxWorkers: 2,
  testTimeout: 30000,
};
