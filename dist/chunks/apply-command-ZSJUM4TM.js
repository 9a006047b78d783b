import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{b as a,c as b}from"./chunk-VPX2K5VL.js";import"./chunk-GTM6SL44.js";import"./chunk-UG6ZV7TX.js";import"./chunk-ETSL6N4K.js";import"./chunk-GETLB7MS.js";import"./chunk-6KBYZLOK.js";import"./chunk-ISDGUR7B.js";import"./chunk-47EYYXPT.js";import"./chunk-H734ZWT4.js";import"./chunk-MXU5WMOO.js";import"./chunk-2P6ENX4W.js";export{b as formatResults,a as runApplyCommand};
