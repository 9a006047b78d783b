import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{a}from"./chunk-NQ7FLUGR.js";import"./chunk-PYZC4QPC.js";import"./chunk-DBEDFYCD.js";import"./chunk-6KBYZLOK.js";import"./chunk-47EYYXPT.js";import"./chunk-MXU5WMOO.js";import"./chunk-2P6ENX4W.js";export{a as validateText};
