// The mail-authentication modules in one import for the diagnosis, the CLI and the UI.
export * from './providers';
export * from './dmarc';
export * from './dkim';
export * from './bounce';
export * from './gmail';
export type { Bilingual, RecordIssue } from './text';
export { ipVersion, isIPv4, isIPv6 } from './ip';
