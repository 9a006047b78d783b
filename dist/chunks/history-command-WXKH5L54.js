import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{a,b}from"./chunk-SDTC4FBM.js";import"./chunk-G47ZNSZW.js";import"./chunk-FPALIS6E.js";import"./chunk-XMP5F7M4.js";import"./chunk-6KBYZLOK.js";import"./chunk-H65UEAAV.js";import"./chunk-YQTSJD4W.js";import"./chunk-MXU5WMOO.js";import"./chunk-47EYYXPT.js";import"./chunk-5N6DWNHC.js";export{a as renderHistory,b as runHistoryCommand};
