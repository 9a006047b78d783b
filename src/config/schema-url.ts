/** Where editors fetch the metrics file schema: the raw file of the released major tag (it serves JSON, unlike a repository page). */
export const SCHEMA_URL = 'https://raw.githubusercontent.com/atoms-metrics/atoms-metrics/v0/schema/metrics.schema.json';
