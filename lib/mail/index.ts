// The mail-authentication modules in one import for the diagnosis, the CLI and the UI (bounces live in lib/bounce).
export * from './providers';
export * from './dmarc';
export * from './dkim';
export * from './gmail';
export type { RecordIssue } from './text';
export { ipVersion, isIPv4, isIPv6 } from './ip';
