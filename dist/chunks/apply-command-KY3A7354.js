import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{b as a,c as b}from"./chunk-PXZRXUUN.js";import"./chunk-FKD4Y4RN.js";import"./chunk-UG6ZV7TX.js";import"./chunk-UP4UGK7H.js";import"./chunk-NSLGIUL2.js";import"./chunk-OZUFEG4A.js";import"./chunk-47EYYXPT.js";import"./chunk-SKE5TYAV.js";import"./chunk-MXU5WMOO.js";import"./chunk-2P6ENX4W.js";export{b as formatResults,a as runApplyCommand};
