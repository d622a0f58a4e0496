/**
 * The OpenAPI 3.1 description of the static JSON API, `/api/v1/openapi.json`: every kind of
 * document with its path template, its schema and an example from the register being
 * published. The schemas are the same Zod schemas the JSON Schemas beside the documents come
 * from (API_DOCUMENT_KINDS, `z.toJSONSchema`), so the description cannot drift from the data.
 *
 * Written to meet the rules of the Dutch REST API Design Rules a static API can meet (the
 * repository's Spectral ruleset, scripts/lib/api-design-rules.ts, checks them in the tests):
 * the major version in the URI (API-20), no trailing slashes (API-48), the description at
 * `/api/v1/openapi.json` (API-51), semantic versioning (API-56) and an `API-Version` header on
 * every response (API-57, sent by the host configuration, src/site/response-headers.ts).
 */
import {
  API_BASE,
  API_DOCUMENT_KINDS,
  API_RELEASE,
  API_VERSION,
  API_VERSION_HEADER,
  apiJsonSchema,
  type ApiSchemaKind,
} from '../register/api-schema.ts';
import { IDENTIFIER } from '../register/vocabulary.ts';
import { EXTERNAL } from './external-links.ts';
import { LICENCE } from './open-data.ts';
import { paths, urlTemplate } from './paths.ts';

/** The documents an example is taken from: path → JSON text, as src/site/api.ts writes them. */
export interface ApiDocuments {
  locations: ReadonlyMap<string, string>;
  holders: ReadonlyMap<string, string>;
  index: string;
}

/** Component names of the document kinds, as `#/components/schemas/…` refers to them. */
const COMPONENT: Record<ApiSchemaKind, string> = { vestiging: 'Location', aanbieder: 'Holder', index: 'Index' };

/** A kind's JSON Schema as an OpenAPI 3.1 component (the dialect is the document's own, so no `$schema`). */
function component(kind: ApiSchemaKind): Record<string, unknown> {
  const { schema, title } = API_DOCUMENT_KINDS[kind];
  const { $schema: _dialect, ...rest } = apiJsonSchema(schema, title);
  return rest;
}

const ref = (kind: ApiSchemaKind) => ({ $ref: `#/components/schemas/${COMPONENT[kind]}` });

/** Headers of every successful answer: the version (API-57), and CORS, which the host sends on /api/. */
const SUCCESS_HEADERS = {
  [API_VERSION_HEADER]: {
    description: 'The full version of the API that answered (semantic versioning).',
    schema: { type: 'string', example: API_RELEASE },
    required: true,
  },
  'Access-Control-Allow-Origin': {
    description: 'Any website may read the API from a browser.',
    schema: { type: 'string', const: '*' },
  },
};

const NOT_FOUND = {
  description: 'There is no such document: the identifier is unknown, or the holder or location is no longer in the register.',
  content: { 'text/html': { schema: { type: 'string' } } },
};

/** A 200 answer with a JSON document of a schema, and an example when the register has one. */
function documentResponse(description: string, schema: Record<string, unknown>, example?: unknown) {
  return {
    description,
    headers: SUCCESS_HEADERS,
    content: {
      'application/json': {
        schema,
        ...(example === undefined ? {} : { examples: { register: { summary: 'From the register as published', value: example } } }),
      },
    },
  };
}

/** A path parameter: an identifier from the register. */
function idParameter(name: string, description: string, example?: string) {
  return { name, in: 'path', required: true, description, schema: { type: 'string', pattern: IDENTIFIER.source }, ...(example ? { example } : {}) };
}

/** What the API says about one kind of register document (a location, a holder). */
interface DocumentOperation {
  operationId: string;
  summary: string;
  description: string;
  /** The path parameter: the template's blank is named after it. */
  id: { name: string; description: string; example?: string };
  document: { description: string; schema: Record<string, unknown>; example?: unknown };
}

/**
 * The path of one register document by its identifier and its GET: the blank in the address
 * and the parameter share one name, so the description cannot name a parameter the path lacks.
 */
function documentPath(path: (id: string) => string, operation: DocumentOperation) {
  const { operationId, summary, description, id, document } = operation;
  return {
    [relative(urlTemplate(path, id.name))]: {
      get: {
        operationId,
        tags: ['register'],
        summary,
        description,
        parameters: [idParameter(id.name, id.description, id.example)],
        responses: { 200: documentResponse(document.description, document.schema, document.example), 404: NOT_FOUND },
      },
    },
  };
}

/**
 * The examples: the location with the most courses (so the example shows the planning), its
 * holder, and the index cut to its first two entries of each kind. None from an empty register.
 */
function examples(api: ApiDocuments): { location?: Record<string, unknown>; holder?: Record<string, unknown>; index: Record<string, unknown> } {
  let location: Record<string, unknown> | undefined;
  for (const text of api.locations.values()) {
    const doc = JSON.parse(text) as Record<string, unknown> & { courses: unknown[] };
    if (!location || doc.courses.length > (location.courses as unknown[]).length) location = doc;
  }
  const holderId = (location?.holder as { holder_id?: string } | undefined)?.holder_id;
  const holderText = holderId ? api.holders.get(holderId) : api.holders.values().next().value;
  const index = JSON.parse(api.index) as Record<string, unknown> & { holders: unknown[]; locations: unknown[] };
  return {
    ...(location ? { location } : {}),
    ...(holderText ? { holder: JSON.parse(holderText) as Record<string, unknown> } : {}),
    index: { ...index, holders: index.holders.slice(0, 2), locations: index.locations.slice(0, 2) },
  };
}

/** The path of a file of this API relative to API_BASE, as the description's `paths` key it. */
const relative = (path: string) => path.slice(path.indexOf(API_BASE) + API_BASE.length);

/** The OpenAPI 3.1 description of the API, with examples from these documents. */
export function openApiDescription(api: ApiDocuments): Record<string, unknown> {
  const example = examples(api);
  const locationId = example.location?.location_id as string | undefined;
  const holderId = example.holder?.holder_id as string | undefined;
  return {
    openapi: '3.1.0',
    info: {
      title: 'Keurmerkregister Inburgeren API',
      version: API_RELEASE,
      summary: 'Every school (holder) with the Blik op Werk Keurmerk Inburgeren and each of its locations, as static JSON documents.',
      description: [
        'The public register of the Blik op Werk Keurmerk Inburgeren as static, language-neutral JSON documents: one per keurmerk holder, one per location, and an index that lists every document with the SHA-256 of its bytes, so a reader fetches again only what changed.',
        `The same data as CSV, with its documentation, is on the open-data page (${paths.openData('nl')}).`,
        'The documents carry codes (`bepaalde_tijd`, `B1`, `avond`), never labels. Every document states the export date it describes. The API is read-only and needs no key; it is rebuilt with every publication of the register.',
        `A change that would break a reader gets a new major version in the path (\`/api/v${API_VERSION + 1}/\`); the \`${API_VERSION_HEADER}\` header states the full version of every answer.`,
      ].join('\n\n'),
      contact: { name: 'Blik op Werk', url: EXTERNAL.blikOpWerk },
      license: { name: LICENCE.title, url: LICENCE.url },
    },
    servers: [{ url: API_BASE, description: `Version ${API_VERSION} of the API, on the register's own site.` }],
    tags: [
      { name: 'metadata', description: 'What describes the API itself: its schemas and this description.' },
      { name: 'register', description: 'The holders and locations of the register.' },
    ],
    paths: {
      [relative(paths.apiIndex())]: {
        get: {
          operationId: 'getIndex',
          tags: ['register'],
          summary: 'Every document of the API with its hash',
          description: 'Lists every holder and location document with its address and the SHA-256 of its bytes, and the address of each JSON Schema.',
          responses: { 200: documentResponse('The index.', ref('index'), example.index) },
        },
      },
      ...documentPath(paths.apiLocation, {
        operationId: 'getLocation',
        summary: 'One location (vestiging)',
        description: 'Everything public about one location: address, routes and profiles, the course planning, its holder\'s keurmerk history, quality assessments and classroom visits.',
        id: { name: 'location_id', description: 'The location\'s identifier in the register.', example: locationId },
        document: { description: 'The location.', schema: ref('vestiging'), example: example.location },
      }),
      ...documentPath(paths.apiHolder, {
        operationId: 'getHolder',
        summary: 'One keurmerk holder (aanbieder)',
        description: 'Everything public about one holder: its keurmerk status and history, quality assessments, classroom visits and the list of its locations.',
        id: { name: 'holder_id', description: 'The holder\'s identifier in the register.', example: holderId },
        document: { description: 'The holder.', schema: ref('aanbieder'), example: example.holder },
      }),
      [relative(urlTemplate((kind) => paths.apiSchema(kind as ApiSchemaKind), 'kind'))]: {
        get: {
          operationId: 'getSchema',
          tags: ['metadata'],
          summary: 'The JSON Schema of one kind of document',
          description: 'The JSON Schema (draft 2020-12) of the location, holder or index documents: the same schemas as in this description.',
          parameters: [{ name: 'kind', in: 'path', required: true, description: 'The kind of document.', schema: { type: 'string', enum: Object.keys(COMPONENT) } }],
          responses: {
            200: {
              description: 'The JSON Schema.',
              headers: SUCCESS_HEADERS,
              content: { 'application/json': { schema: { type: 'object', description: 'A JSON Schema, draft 2020-12.' } } },
            },
            404: NOT_FOUND,
          },
        },
      },
      [relative(paths.apiDescription())]: {
        get: {
          operationId: 'getOpenApiDescription',
          tags: ['metadata'],
          summary: 'This description',
          description: 'The OpenAPI 3.1 description of the API, at the place the Dutch API Design Rules name for it.',
          responses: {
            200: {
              description: 'The OpenAPI description.',
              headers: SUCCESS_HEADERS,
              content: { 'application/json': { schema: { type: 'object', required: ['openapi', 'info', 'paths'] } } },
            },
          },
        },
      },
    },
    components: { schemas: Object.fromEntries((Object.keys(COMPONENT) as ApiSchemaKind[]).map((kind) => [COMPONENT[kind], component(kind)])) },
  };
}
