export * from './names';
export * from './connection';
export * from './job-options';
export * from './queues';
export { createQueueBoard } from './board';
