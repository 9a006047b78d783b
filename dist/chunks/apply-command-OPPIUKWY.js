import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{b as a,c as b}from"./chunk-LY7JUL45.js";import"./chunk-URFRVYIN.js";import"./chunk-UG6ZV7TX.js";import"./chunk-GOH2POX7.js";import"./chunk-ANNUWXCT.js";import"./chunk-EWIJSPUL.js";import"./chunk-6KBYZLOK.js";import"./chunk-PBFG3K4M.js";import"./chunk-NIGDPNGK.js";import"./chunk-NXMCVWOI.js";import"./chunk-47EYYXPT.js";import"./chunk-FIXODVKM.js";import"./chunk-MXU5WMOO.js";import"./chunk-2P6ENX4W.js";export{b as formatResults,a as runApplyCommand};
