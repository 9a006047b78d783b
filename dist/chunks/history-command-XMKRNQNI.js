import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{a,b}from"./chunk-47G6C5BV.js";import"./chunk-TKEOV7ZF.js";import"./chunk-ETSL6N4K.js";import"./chunk-GETLB7MS.js";import"./chunk-6KBYZLOK.js";import"./chunk-ISDGUR7B.js";import"./chunk-47EYYXPT.js";import"./chunk-H734ZWT4.js";import"./chunk-MXU5WMOO.js";import"./chunk-2P6ENX4W.js";export{a as renderHistory,b as runHistoryCommand};
