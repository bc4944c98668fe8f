/**
 * The performance marks a page sets around its first load (src/renderer/page-start.ts): when it
 * asked main for its start and when the answer arrived. They show in DevTools' timeline, and the
 * startup benchmark reads them from the page.
 */
export const PAGE_START_MARKS = { asked: 'ticker:page-start-asked', answered: 'ticker:page-start-answered' } as const;
