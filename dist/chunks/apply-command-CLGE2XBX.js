import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{b as a,c as b}from"./chunk-VTIDHALZ.js";import"./chunk-CW6RKCNR.js";import"./chunk-UG6ZV7TX.js";import"./chunk-74QNPQM4.js";import"./chunk-UW4HCYM5.js";import"./chunk-6KBYZLOK.js";import"./chunk-H65UEAAV.js";import"./chunk-YQTSJD4W.js";import"./chunk-MXU5WMOO.js";import"./chunk-47EYYXPT.js";import"./chunk-5N6DWNHC.js";export{b as formatResults,a as runApplyCommand};
