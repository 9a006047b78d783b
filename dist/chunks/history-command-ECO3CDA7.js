import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{a,b}from"./chunk-CXFDZS22.js";import"./chunk-AEEUSNCZ.js";import"./chunk-CKNU5SJ2.js";import"./chunk-XSNYZQWI.js";import"./chunk-PGGAVOVW.js";import"./chunk-47EYYXPT.js";import"./chunk-SKE5TYAV.js";import"./chunk-MXU5WMOO.js";import"./chunk-2P6ENX4W.js";export{a as renderHistory,b as runHistoryCommand};
