import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{a,b}from"./chunk-7U6SVERM.js";import"./chunk-JTX7UQEY.js";import"./chunk-QNYVLAFM.js";import"./chunk-Z4TLJSLQ.js";import"./chunk-6KBYZLOK.js";import"./chunk-MKY5LTVA.js";import"./chunk-47EYYXPT.js";import"./chunk-H734ZWT4.js";import"./chunk-MXU5WMOO.js";import"./chunk-2P6ENX4W.js";export{a as renderHistory,b as runHistoryCommand};
