import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{b as a,c as b}from"./chunk-36I66OG4.js";import"./chunk-YE6YHG7G.js";import"./chunk-UG6ZV7TX.js";import"./chunk-YS56AD7F.js";import"./chunk-A5UR24TM.js";import"./chunk-6KBYZLOK.js";import"./chunk-PBFG3K4M.js";import"./chunk-K6FARARD.js";import"./chunk-NXMCVWOI.js";import"./chunk-47EYYXPT.js";import"./chunk-FIXODVKM.js";import"./chunk-MXU5WMOO.js";import"./chunk-2P6ENX4W.js";export{b as formatResults,a as runApplyCommand};
