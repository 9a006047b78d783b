import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{a,b}from"./chunk-2YOAIV4W.js";import"./chunk-HAHQDLGP.js";import"./chunk-UP4UGK7H.js";import"./chunk-NSLGIUL2.js";import"./chunk-OZUFEG4A.js";import"./chunk-47EYYXPT.js";import"./chunk-SKE5TYAV.js";import"./chunk-MXU5WMOO.js";import"./chunk-2P6ENX4W.js";export{a as renderHistory,b as runHistoryCommand};
