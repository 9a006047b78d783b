import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{a,b}from"./chunk-JQRQECDZ.js";import"./chunk-AO3TZIXF.js";import"./chunk-SKMLD4RT.js";import"./chunk-PLHNEILE.js";import"./chunk-6KBYZLOK.js";import"./chunk-PBFG3K4M.js";import"./chunk-O3JUN6JB.js";import"./chunk-NXMCVWOI.js";import"./chunk-47EYYXPT.js";import"./chunk-TN3ZXMI6.js";import"./chunk-MXU5WMOO.js";import"./chunk-2P6ENX4W.js";export{a as renderHistory,b as runHistoryCommand};
