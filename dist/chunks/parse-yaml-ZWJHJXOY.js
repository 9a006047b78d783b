import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{f as a}from"./chunk-BHU5XU4Y.js";import"./chunk-MXU5WMOO.js";import"./chunk-2P6ENX4W.js";export{a as parseYaml};
