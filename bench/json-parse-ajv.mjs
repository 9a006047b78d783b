// Baseline for benchmark 9: read a file, JSON.parse it, run the same generated ajv validator the tool uses. Nothing else.
import { readFileSync } from 'node:fs';
import validate from '../src/config/generated/schema-validator.js';

validate(JSON.parse(readFileSync(process.argv[2], 'utf8')));
