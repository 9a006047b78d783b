import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{b as a,c as b}from"./chunk-YQYGLKVX.js";import"./chunk-6KI5LMOO.js";import"./chunk-UG6ZV7TX.js";import"./chunk-76O7HARZ.js";import"./chunk-V3ISPY5N.js";import"./chunk-6KBYZLOK.js";import"./chunk-PBFG3K4M.js";import"./chunk-LNT33SRP.js";import"./chunk-NXMCVWOI.js";import"./chunk-47EYYXPT.js";import"./chunk-MHSFON4F.js";import"./chunk-MXU5WMOO.js";import"./chunk-2P6ENX4W.js";export{b as formatResults,a as runApplyCommand};
