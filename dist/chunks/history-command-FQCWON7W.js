import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{a,b}from"./chunk-X5IOOP6M.js";import"./chunk-D5X2OZG7.js";import"./chunk-BWF76XJC.js";import"./chunk-VVRVZE3Z.js";import"./chunk-BK6YDNBG.js";import"./chunk-SKE5TYAV.js";import"./chunk-MXU5WMOO.js";import"./chunk-47EYYXPT.js";import"./chunk-5N6DWNHC.js";export{a as renderHistory,b as runHistoryCommand};
