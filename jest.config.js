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
  // kysely 0.29 ships ES modules only. Node 24 loads them with require(), but jest's CommonJS
  // runtime does that only under --experimental-vm-modules; compiling kysely to CommonJS with the
  // same SWC transform keeps jest on its stable path.
  transformIgnorePatterns: ['/node_modules/(?!kysely/)'],
  // Integration tests share PostgreSQL and Redis; two workers fit this 2-core machine.
  maxWorkers: 2,
  testTimeout: 30000,
};
