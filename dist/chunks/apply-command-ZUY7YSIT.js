import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{b as a,c as b}from"./chunk-MESQCLQF.js";import"./chunk-RINR6TG5.js";import"./chunk-UG6ZV7TX.js";import"./chunk-BWF76XJC.js";import"./chunk-VVRVZE3Z.js";import"./chunk-BK6YDNBG.js";import"./chunk-SKE5TYAV.js";import"./chunk-MXU5WMOO.js";import"./chunk-47EYYXPT.js";import"./chunk-5N6DWNHC.js";export{b as formatResults,a as runApplyCommand};
