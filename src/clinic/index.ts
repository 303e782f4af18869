/** The clinic's business calendar and response-time targets, shared by the inbox and the reports. */
export * from './calendar';
export * from './sla';
export * from './settings';
