import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{b as a,c as b}from"./chunk-ZWLTX7XK.js";import"./chunk-4AIMDAJO.js";import"./chunk-UG6ZV7TX.js";import"./chunk-HOKNJ4EX.js";import"./chunk-QSRX5NNT.js";import"./chunk-6KBYZLOK.js";import"./chunk-7T6YLPUE.js";import"./chunk-AJEGBUF6.js";import"./chunk-MXU5WMOO.js";import"./chunk-47EYYXPT.js";import"./chunk-5N6DWNHC.js";export{b as formatResults,a as runApplyCommand};
