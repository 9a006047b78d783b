import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{a,b}from"./chunk-XOPHFDFQ.js";import"./chunk-2IDJND4J.js";import"./chunk-74QNPQM4.js";import"./chunk-UW4HCYM5.js";import"./chunk-6KBYZLOK.js";import"./chunk-H65UEAAV.js";import"./chunk-YQTSJD4W.js";import"./chunk-MXU5WMOO.js";import"./chunk-47EYYXPT.js";import"./chunk-5N6DWNHC.js";export{a as renderHistory,b as runHistoryCommand};
