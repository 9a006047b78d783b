import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{b as a,c as b}from"./chunk-K2KNWCAQ.js";import"./chunk-WVSSS4T5.js";import"./chunk-UG6ZV7TX.js";import"./chunk-YYGZRF3K.js";import"./chunk-NSLGIUL2.js";import"./chunk-OZUFEG4A.js";import"./chunk-47EYYXPT.js";import"./chunk-SKE5TYAV.js";import"./chunk-MXU5WMOO.js";import"./chunk-2P6ENX4W.js";export{b as formatResults,a as runApplyCommand};
