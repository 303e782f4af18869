export * from './names';
export * from './connection';
export * from './job-options';
export * from './queues';
export { queueAfterCommit } from './after-commit';
export { createQueueBoard } from './board';
