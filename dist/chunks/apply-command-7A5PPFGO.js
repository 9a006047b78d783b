import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{b as a,c as b}from"./chunk-YXP5UATX.js";import"./chunk-JDNJUGWC.js";import"./chunk-UG6ZV7TX.js";import"./chunk-CKNU5SJ2.js";import"./chunk-XSNYZQWI.js";import"./chunk-PGGAVOVW.js";import"./chunk-47EYYXPT.js";import"./chunk-SKE5TYAV.js";import"./chunk-MXU5WMOO.js";import"./chunk-2P6ENX4W.js";export{b as formatResults,a as runApplyCommand};
