// JSON Schema (draft-07) for JSON Feed 1.1, written from the spec: https://www.jsonfeed.org/version/1.1/
// The one copy in the project: the validator and the renderer's tests both use it.
// Stricter than the spec in one way: besides the spec's keys only extension keys ("_name") are allowed,
// so a misspelt key ("date_publised") is reported instead of silently ignored by readers.

const url = { type: 'string', format: 'uri' } as const;

const author = {
  type: 'object',
  properties: { name: { type: 'string' }, url, avatar: url },
  // "at least one" of the three must be present (spec, "authors").
  anyOf: [{ required: ['name'] }, { required: ['url'] }, { required: ['avatar'] }],
  patternProperties: { '^_': {} },
  additionalProperties: false,
} as const;

const attachment = {
  type: 'object',
  required: ['url', 'mime_type'],
  properties: {
    url,
    mime_type: { type: 'string', minLength: 1 },
    title: { type: 'string' },
    size_in_bytes: { type: 'number', minimum: 0 },
    duration_in_seconds: { type: 'number', minimum: 0 },
  },
  patternProperties: { '^_': {} },
  additionalProperties: false,
} as const;

const item = {
  type: 'object',
  required: ['id'],
  properties: {
    id: { type: 'string', minLength: 1 },
    url,
    external_url: url,
    title: { type: 'string' },
    content_html: { type: 'string' },
    content_text: { type: 'string' },
    summary: { type: 'string' },
    image: url,
    banner_image: url,
    date_published: { type: 'string', format: 'date-time' },
    date_modified: { type: 'string', format: 'date-time' },
    authors: { type: 'array', items: author },
    // Deprecated in 1.1 but still valid.
    author,
    tags: { type: 'array', items: { type: 'string' } },
    language: { type: 'string' },
    attachments: { type: 'array', items: attachment },
  },
  // "content_html and content_text are each optional strings, but one or both must be present."
  anyOf: [{ required: ['content_html'] }, { required: ['content_text'] }],
  patternProperties: { '^_': {} },
  additionalProperties: false,
} as const;

export const jsonFeedSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://jsonfeed.org/version/1.1',
  title: 'JSON Feed 1.1',
  type: 'object',
  required: ['version', 'title', 'items'],
  properties: {
    version: { const: 'https://jsonfeed.org/version/1.1' },
    title: { type: 'string' },
    home_page_url: url,
    feed_url: url,
    description: { type: 'string' },
    user_comment: { type: 'string' },
    next_url: url,
    icon: url,
    favicon: url,
    authors: { type: 'array', items: author },
    author,
    language: { type: 'string' },
    expired: { type: 'boolean' },
    hubs: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type', 'url'],
        properties: { type: { type: 'string' }, url },
        patternProperties: { '^_': {} },
        additionalProperties: false,
      },
    },
    items: { type: 'array', items: item },
  },
  patternProperties: { '^_': {} },
  additionalProperties: false,
} as const;
