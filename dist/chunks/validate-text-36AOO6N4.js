import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{a}from"./chunk-VSMKBQPL.js";import"./chunk-BHU5XU4Y.js";import"./chunk-EWIJSPUL.js";import"./chunk-6KBYZLOK.js";import"./chunk-47EYYXPT.js";import"./chunk-MXU5WMOO.js";import"./chunk-2P6ENX4W.js";export{a as validateText};
