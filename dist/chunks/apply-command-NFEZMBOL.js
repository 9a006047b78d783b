import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{b as a,c as b}from"./chunk-RN3LTXZG.js";import"./chunk-AFNKHOPZ.js";import"./chunk-UG6ZV7TX.js";import"./chunk-SKMLD4RT.js";import"./chunk-PLHNEILE.js";import"./chunk-6KBYZLOK.js";import"./chunk-PBFG3K4M.js";import"./chunk-O3JUN6JB.js";import"./chunk-NXMCVWOI.js";import"./chunk-47EYYXPT.js";import"./chunk-TN3ZXMI6.js";import"./chunk-MXU5WMOO.js";import"./chunk-2P6ENX4W.js";export{b as formatResults,a as runApplyCommand};
