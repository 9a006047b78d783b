import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{a,b}from"./chunk-GTUMKYCA.js";import"./chunk-INSVNQCI.js";import"./chunk-76O7HARZ.js";import"./chunk-V3ISPY5N.js";import"./chunk-6KBYZLOK.js";import"./chunk-PBFG3K4M.js";import"./chunk-LNT33SRP.js";import"./chunk-NXMCVWOI.js";import"./chunk-47EYYXPT.js";import"./chunk-MHSFON4F.js";import"./chunk-MXU5WMOO.js";import"./chunk-2P6ENX4W.js";export{a as renderHistory,b as runHistoryCommand};
