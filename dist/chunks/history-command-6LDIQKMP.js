import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{a,b}from"./chunk-W7SVWZLL.js";import"./chunk-UT4WIXHG.js";import"./chunk-ROWC6SZP.js";import"./chunk-JSW4OMAJ.js";import"./chunk-ANNUWXCT.js";import"./chunk-EWIJSPUL.js";import"./chunk-6KBYZLOK.js";import"./chunk-PBFG3K4M.js";import"./chunk-V3G72KD4.js";import"./chunk-NXMCVWOI.js";import"./chunk-47EYYXPT.js";import"./chunk-FIXODVKM.js";import"./chunk-MXU5WMOO.js";import"./chunk-2P6ENX4W.js";export{a as renderHistory,b as runHistoryCommand};
