import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{b as a,c as b}from"./chunk-IYPEEDF3.js";import"./chunk-3R7DYCLC.js";import"./chunk-UG6ZV7TX.js";import"./chunk-4P5AYZAW.js";import"./chunk-OCGO3VLE.js";import"./chunk-6KBYZLOK.js";import"./chunk-YNHKQH2I.js";import"./chunk-O3JUN6JB.js";import"./chunk-NXMCVWOI.js";import"./chunk-47EYYXPT.js";import"./chunk-TN3ZXMI6.js";import"./chunk-MXU5WMOO.js";import"./chunk-2P6ENX4W.js";export{b as formatResults,a as runApplyCommand};
