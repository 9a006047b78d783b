// The stand-in for node:crypto's randomUUID in the bundled @actions/core: the same format, a fresh value each time.
import { describe, expect, it } from 'vitest';
import { randomUUID } from '../../src/action/delimiter-uuid.js';

describe('output delimiter ids', () => {
  it('look like version-4 UUIDs and do not repeat', () => {
    const ids = Array.from({ length: 2000 }, () => randomUUID());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
