// Types for the generated standalone validator (see scripts/gen-schema-validator.mjs).
export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}
declare const validate: ((data: unknown) => boolean) & { errors?: SchemaError[] | null };
export default validate;
