import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{a,b}from"./chunk-PDG5K6JH.js";import"./chunk-6Q62RQ76.js";import"./chunk-HOKNJ4EX.js";import"./chunk-QSRX5NNT.js";import"./chunk-6KBYZLOK.js";import"./chunk-7T6YLPUE.js";import"./chunk-AJEGBUF6.js";import"./chunk-MXU5WMOO.js";import"./chunk-47EYYXPT.js";import"./chunk-5N6DWNHC.js";export{a as renderHistory,b as runHistoryCommand};
