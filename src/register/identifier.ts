/**
 * A holder or location identifier: 2 to 32 characters of A-Z, a-z, 0-9, - and _. They end up
 * in URLs (`/aanbieder/{holder_id}/`), which is why the alphabet is so small. Here, free of Zod
 * and of the other vocabularies, so the validator, the API's schemas and the browser (compare,
 * shortlist) share it, and a location page's keep button does not carry the code lists.
 */
export const IDENTIFIER = /^[A-Za-z0-9_-]{2,32}$/;
