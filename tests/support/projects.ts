/**
 * Which test files build whole sites (`scripts/build.ts` through `buildSite`, `builtSite` or
 * `copyOfSite`): they run in Vitest's `site` project, apart from the unit tests, so
 * `npm run test:unit` stays fast enough to run after every change. `tests/architecture.test.ts`
 * fails when a unit test builds a site without being listed here.
 */
export const SITE_BUILD_TESTS = [
  'tests/build.test.ts',
  'tests/open-data-build.test.ts',
  'tests/publish-swap.test.ts',
  'tests/publish-settings.test.ts',
  'tests/site/embed-build.test.ts',
  'tests/i18n/sitemap.test.ts',
  'tests/site/follow-build.test.ts',
  'tests/site/openapi.test.ts',
  'tests/site/security-txt.test.ts',
] as const;
