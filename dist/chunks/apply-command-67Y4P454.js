import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{b as a,c as b}from"./chunk-A5UJRDQ6.js";import"./chunk-WEMEZZJZ.js";import"./chunk-UG6ZV7TX.js";import"./chunk-YWDY3XEX.js";import"./chunk-EH24K4D5.js";import"./chunk-6KBYZLOK.js";import"./chunk-SCWI2E52.js";import"./chunk-O3JUN6JB.js";import"./chunk-NXMCVWOI.js";import"./chunk-47EYYXPT.js";import"./chunk-TN3ZXMI6.js";import"./chunk-MXU5WMOO.js";import"./chunk-2P6ENX4W.js";export{b as formatResults,a as runApplyCommand};
