import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{a,b}from"./chunk-IWZ7657Q.js";import"./chunk-OFZODLAI.js";import"./chunk-YWDY3XEX.js";import"./chunk-EH24K4D5.js";import"./chunk-6KBYZLOK.js";import"./chunk-SCWI2E52.js";import"./chunk-O3JUN6JB.js";import"./chunk-NXMCVWOI.js";import"./chunk-47EYYXPT.js";import"./chunk-TN3ZXMI6.js";import"./chunk-MXU5WMOO.js";import"./chunk-2P6ENX4W.js";export{a as renderHistory,b as runHistoryCommand};
