import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{b as a,c as b}from"./chunk-2FXYMAKU.js";import"./chunk-QXQ36EAR.js";import"./chunk-UG6ZV7TX.js";import"./chunk-44UISVYN.js";import"./chunk-5FAMPBSF.js";import"./chunk-6KBYZLOK.js";import"./chunk-MKY5LTVA.js";import"./chunk-47EYYXPT.js";import"./chunk-H734ZWT4.js";import"./chunk-MXU5WMOO.js";import"./chunk-2P6ENX4W.js";export{b as formatResults,a as runApplyCommand};
