import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{a,b}from"./chunk-PGRQMWHN.js";import"./chunk-ILLFJB6U.js";import"./chunk-44UISVYN.js";import"./chunk-5FAMPBSF.js";import"./chunk-6KBYZLOK.js";import"./chunk-MKY5LTVA.js";import"./chunk-47EYYXPT.js";import"./chunk-H734ZWT4.js";import"./chunk-MXU5WMOO.js";import"./chunk-2P6ENX4W.js";export{a as renderHistory,b as runHistoryCommand};
