/**
 * The Spectral ruleset the API's OpenAPI description is linted with (tests/site/openapi.test.ts):
 * Spectral's own OpenAPI rules, and the rules of the Dutch REST API Design Rules (Logius,
 * "API Design Rules", the `/core/` rules on the Forum Standaardisatie's "pas toe of leg uit"
 * list) that a static API can meet. Each rule is named after the design rule it checks.
 *
 * Rules a static API cannot meet are left out on purpose, not forgotten: no query parameters,
 * methods other than GET, or error bodies in `application/problem+json` (API-46) exist here,
 * since a file server answers every error with the site's own 404 page.
 *
 * Also usable with Spectral's command line: `npx @stoplight/spectral-cli lint -r` this module
 * (compiled to JavaScript) `dist/api/v1/openapi.json`.
 */
import spectralCore, { type RulesetDefinition } from '@stoplight/spectral-core';
import { oas } from '@stoplight/spectral-rulesets';
import { pattern, truthy } from '@stoplight/spectral-functions';

const { createRulesetFunction } = spectralCore;

/** The place the design rules name for the description: `/api/v{major}/openapi.json` (API-51). */
const describedAtStandardLocation = createRulesetFunction<Record<string, unknown>, null>(
  { input: { type: 'object' }, options: null },
  (document) => {
    const servers = (document.servers as { url?: string }[] | undefined) ?? [];
    const paths = (document.paths as Record<string, { get?: unknown }> | undefined) ?? {};
    if (!paths['/openapi.json']?.get) return [{ message: 'The description must itself be a path of the API: GET /openapi.json.', path: ['paths'] }];
    if (!servers.some((server) => /^(?:https:\/\/[^/]+)?\/api\/v\d+$/.test(server.url ?? ''))) {
      return [{ message: 'A server URL must end in /api/v{major}, so the description is at /api/v{major}/openapi.json.', path: ['servers'] }];
    }
    return [];
  },
);

/** The major version in the URI is that of `info.version` (API-20 with API-56). */
const majorVersionMatches = createRulesetFunction<Record<string, unknown>, null>(
  { input: { type: 'object' }, options: null },
  (document) => {
    const major = /^(\d+)\./.exec(String((document.info as { version?: string } | undefined)?.version ?? ''))?.[1];
    const servers = (document.servers as { url?: string }[] | undefined) ?? [];
    return servers.flatMap((server, i) =>
      /\/v(\d+)$/.exec(server.url ?? '')?.[1] === major ? [] : [{ message: `The server URL's major version must be info.version's (${major}).`, path: ['servers', i, 'url'] }],
    );
  },
);

/** The repository's ruleset: Spectral's recommended OpenAPI rules and the Dutch design rules. */
export const API_DESIGN_RULES = {
  extends: [[oas as RulesetDefinition, 'recommended']],
  rules: {
    'nlgov-api-16-openapi-3': {
      description: 'API-16: the API is described in OpenAPI 3.',
      severity: 'error',
      given: '$',
      then: { field: 'openapi', function: pattern, functionOptions: { match: '^3\\.' } },
    },
    'nlgov-api-20-major-version-in-uri': {
      description: 'API-20: the major version, and only the major version, is in the URI.',
      severity: 'error',
      given: '$.servers[*]',
      then: { field: 'url', function: pattern, functionOptions: { match: '/v\\d+$' } },
    },
    'nlgov-api-20-major-version-matches': {
      description: 'API-20: the version in the URI is the major version of info.version.',
      severity: 'error',
      given: '$',
      then: { function: majorVersionMatches },
    },
    'nlgov-api-48-no-trailing-slash': {
      description: 'API-48: no path ends in a slash.',
      severity: 'error',
      given: '$.paths',
      then: { field: '@key', function: pattern, functionOptions: { notMatch: '.+/$' } },
    },
    'nlgov-api-48-no-trailing-slash-server': {
      description: 'API-48: no server URL ends in a slash.',
      severity: 'error',
      given: '$.servers[*]',
      then: { field: 'url', function: pattern, functionOptions: { notMatch: '/$' } },
    },
    'nlgov-api-51-publish-openapi': {
      description: 'API-51: the description is published at /api/v{major}/openapi.json.',
      severity: 'error',
      given: '$',
      then: { function: describedAtStandardLocation },
    },
    'nlgov-api-56-semantic-version': {
      description: 'API-56: info.version is a semantic version.',
      severity: 'error',
      given: '$.info',
      then: { field: 'version', function: pattern, functionOptions: { match: '^\\d+\\.\\d+\\.\\d+$' } },
    },
    'nlgov-api-57-version-header': {
      description: 'API-57: every successful answer states the full version in an API-Version header.',
      severity: 'error',
      given: '$.paths[*][*].responses[?(@property.match(/^2/))]',
      then: { field: 'headers.API-Version', function: truthy },
    },
    'nlgov-contact': {
      description: 'Who answers questions about the API: info.contact with a name and a URL.',
      severity: 'error',
      given: '$.info.contact',
      then: [
        { field: 'name', function: truthy },
        { field: 'url', function: truthy },
      ],
    },
    'nlgov-licence': {
      description: 'The licence of the data is stated (open data: CC0).',
      severity: 'error',
      given: '$.info',
      then: { field: 'license', function: truthy },
    },
  },
} satisfies RulesetDefinition;
