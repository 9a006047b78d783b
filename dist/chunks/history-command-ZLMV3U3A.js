import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{a,b}from"./chunk-MPMHVKZV.js";import"./chunk-777T5DX7.js";import"./chunk-ORX2GBXD.js";import"./chunk-46ZZFEZB.js";import"./chunk-DBEDFYCD.js";import"./chunk-6KBYZLOK.js";import"./chunk-PBFG3K4M.js";import"./chunk-K6FARARD.js";import"./chunk-NXMCVWOI.js";import"./chunk-47EYYXPT.js";import"./chunk-FIXODVKM.js";import"./chunk-MXU5WMOO.js";import"./chunk-2P6ENX4W.js";export{a as renderHistory,b as runHistoryCommand};
